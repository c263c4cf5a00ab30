using Portaali.Core.Customers;

namespace Portaali.Core.ServiceOrders;

/// <summary>The fields a person edits on a service order; Version carries the concurrency token from load to save.</summary>
public class ServiceOrderEdit
{
    public int? CustomerId { get; set; }
    public int? ContactId { get; set; }
    public string Title { get; set; } = "";
    public DateTime? Date { get; set; }
    public TimeOnly? StartTime { get; set; }
    public TimeOnly? EndTime { get; set; }
    public string? Place { get; set; }
    public string? Rooms { get; set; }
    public string? Materials { get; set; }
    public string? Catering { get; set; }
    public string? OtherGoods { get; set; }
    public int? ParticipantCount { get; set; }
    public string? Notes { get; set; }
    /// <summary>Addresses typed by hand, separated by lines, commas or semicolons.</summary>
    public string? ExtraRecipients { get; set; }
    /// <summary>The deliverers of each part (user ids).</summary>
    public Dictionary<ServiceOrderPart, List<int>> Deliverers { get; set; } = [];
    public Guid Version { get; set; }

    public IReadOnlyList<int> DeliverersOf(ServiceOrderPart part) => Deliverers.TryGetValue(part, out var users) ? users : [];

    public ServiceOrderEdit Copy()
    {
        var copy = (ServiceOrderEdit)MemberwiseClone();
        copy.Deliverers = Deliverers.ToDictionary(kv => kv.Key, kv => kv.Value.ToList());
        return copy;
    }
}

public record ServiceOrderFormData(IReadOnlyList<PersonRef> Users, IReadOnlyList<ContactOption> Contacts);

/// <summary>A contact of the ordering customer, with the e-mail the order would go to.</summary>
public record ContactOption(int Id, string Name, string? Email);

public record ServiceOrderDetails(int Id, ServiceOrderEdit Edit, string CustomerName, bool CustomerIsPassive, string CreatedByName,
    DateTime CreatedAtUtc, string UpdatedByName, DateTime UpdatedAtUtc, IReadOnlyList<ContactOption> Contacts);

public record ServiceOrderQuery
{
    public int? CustomerId { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Text { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = 25;
}

/// <summary>A list row; <see cref="LastOutcome"/> is the newest sending's, null when never sent.</summary>
public record ServiceOrderRow(int Id, DateOnly Date, TimeOnly StartTime, TimeOnly EndTime, string Title, int CustomerId, string CustomerName,
    string? Place, int? ParticipantCount, bool IsPast, SendingOutcome? LastOutcome, DateTime? LastSentAtUtc, Guid Version);

public record CustomerServiceOrderList(int CustomerId, string CustomerName, bool CustomerIsPassive, IReadOnlyList<ServiceOrderRow> Rows, int TotalCount);

/// <summary>Why an address receives the order: ordering contact, deliverer of a part, or typed by hand.</summary>
public enum RecipientRole { Contact, Deliverer, Extra }

/// <summary>One address of a sending, with every reason it is there ("Catering, Rooms").</summary>
public record Recipient(string Address, string? Name, RecipientRole Role, IReadOnlyList<ServiceOrderPart> Parts);

/// <summary>Who an order would go to now, and the parties who cannot get it (no e-mail address).</summary>
public record RecipientPreview(int ServiceOrderId, Guid Version, string Subject, IReadOnlyList<Recipient> Recipients, IReadOnlyList<string> WithoutAddress);

public record SendingRow(int Id, DateTime StartedAtUtc, DateTime? FinishedAtUtc, string SentByName, IReadOnlyList<string> Recipients,
    SendingOutcome Outcome, string? Error, string? Channel, int? RetryOfId, bool CanRetry);

public record SendingResult(int SendingId, SendingOutcome Outcome, string? Error);
