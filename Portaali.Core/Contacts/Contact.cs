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
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<Classifications.ContactClassification> Classifications { get; set; } = [];

    public string FullName => $"{FirstName} {LastName}";
}
