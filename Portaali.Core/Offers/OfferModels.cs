namespace Portaali.Core.Offers;

public record OfferLineRow(int Id, int? ProductId, string Description, decimal Quantity, decimal UnitPrice, decimal VatRate,
    int? Participants, decimal TotalExVat, decimal Vat);

public record OfferAttachmentRow(int Id, string FileName, string ContentType, long SizeBytes, DateTime UploadedAtUtc, string UploadedByName);

public record OrderRow(int Id, OrderState State, DateOnly OrderedOn, DateOnly? StartsOn, DateOnly? EndsOn,
    DateOnly? DeliveryStartedOn, DateOnly? InvoicedOn, string? InvoiceNumber, string? InvoicedByName, Guid Version);

/// <summary>Everything the offer page shows.</summary>
public record OfferDetails(int Id, int CustomerId, string CustomerName, bool CustomerIsPassive, int? ContactId, string? ContactName,
    int AccountManagerId, string AccountManagerName, OfferType Type, OfferState State, string Title, DateOnly OfferedOn,
    DateOnly ValidUntil, string? Notes, string? CustomerReference, int? ActivityId, decimal TotalExVat, decimal Vat, decimal Total,
    DateOnly? DecidedOn, string? LostReason, bool RecordedAsOrder, DateTime CreatedAtUtc, string CreatedByName,
    DateTime UpdatedAtUtc, string UpdatedByName, Guid Version,
    IReadOnlyList<OfferLineRow> Lines, IReadOnlyList<string> Responsibles, IReadOnlyList<OfferAttachmentRow> Attachments, OrderRow? Order,
    string? ActivityTitle = null, DateOnly? ActivityDate = null);

/// <summary>A visit or call of the customer an offer may be linked to.</summary>
public record ActivityChoice(int Id, string Title, DateOnly Date);

/// <summary>What the offer form offers to choose from for one customer: its contacts and recent activities, and the active users
/// who may be its account manager.</summary>
public record OfferFormData(int CustomerId, string CustomerName, bool CustomerIsPassive, IReadOnlyList<Customers.PersonRef> Contacts,
    IReadOnlyList<Customers.PersonRef> Users, IReadOnlyList<ActivityChoice> Activities);

/// <summary>One offer in a list (customer tab, reports).</summary>
public record OfferSummary(int Id, int CustomerId, string CustomerName, string Title, OfferType Type, OfferState State,
    DateOnly OfferedOn, DateOnly ValidUntil, decimal Total, string AccountManagerName, DateOnly? DecidedOn, string? LostReason);

/// <summary>One order in a list: the training it delivers and where it stands.</summary>
public record OrderSummary(int OrderId, int OfferId, int CustomerId, string CustomerName, string Title, OfferType Type, OrderState State,
    DateOnly OrderedOn, DateOnly? StartsOn, DateOnly? EndsOn, decimal TotalExVat, decimal Total, string AccountManagerName);

/// <summary>The customer's offers tab: open offers (expiring first), running and upcoming trainings, and the past.</summary>
public record CustomerOffers(IReadOnlyList<OfferSummary> Open, IReadOnlyList<OrderSummary> RunningAndUpcoming,
    IReadOnlyList<OrderSummary> PastOrders, IReadOnlyList<OfferSummary> Lost);

/// <summary>When the accepted training is delivered; both optional.</summary>
public record OrderDates(DateOnly? StartsOn, DateOnly? EndsOn);
