namespace Portaali.Core.Contacts;

public class Contact
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public Customers.Customer? Customer { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public string NameSearch { get; set; } = "";
    public string? Title { get; set; }
    public string? AreaOfResponsibility { get; set; }
    public string? DecisionLevel { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public bool HasLeft { get; set; }
    /// <summary>The contact has asked not to be sent marketing e-mail (by the unsubscribe link or by telling someone):
    /// never on an e-mail list or a mailing while set.</summary>
    public bool NoMarketingEmail { get; set; }
    /// <summary>When <see cref="NoMarketingEmail"/> was last set or cleared.</summary>
    public DateTime? NoMarketingEmailChangedAtUtc { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<Classifications.ContactClassification> Classifications { get; set; } = [];

    public string FullName => $"{FirstName} {LastName}";
}
