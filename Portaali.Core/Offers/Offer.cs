using Portaali.Core.Common;
using Portaali.Core.Contacts;
using Portaali.Core.Customers;
using Portaali.Core.Users;

namespace Portaali.Core.Offers;

/// <summary>Oppisopimus · työvoimapoliittinen koulutus · henkilöstökoulutus · palvelutilaus.</summary>
public enum OfferType { Apprenticeship, LabourPolicy, StaffTraining, ServiceOrder }

/// <summary>Avoin tarjous → hävitty | tilaus. An accepted offer has exactly one order.</summary>
public enum OfferState { Open, Lost, Accepted }

/// <summary>Tilaus (odottaa toimitusta) → toimituksessa (saa laskuttaa) → laskutettu.</summary>
public enum OrderState { AwaitingDelivery, InDelivery, Invoiced }

public class Offer
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public int? ContactId { get; set; }
    public Contact? Contact { get; set; }
    public int AccountManagerId { get; set; }
    public AppUser? AccountManager { get; set; }
    public OfferType Type { get; set; }
    public OfferState State { get; set; }
    public required string Title { get; set; }
    /// <summary>The last day the customer may accept it; "expiring soon" sorts on it.</summary>
    public DateOnly ValidUntil { get; set; }
    /// <summary>The Helsinki date the offer was made (reports group by its month).</summary>
    public DateOnly OfferedOn { get; set; }
    public string? Notes { get; set; }
    /// <summary>The customer's reference for the invoice (order number, cost centre, name).</summary>
    public string? CustomerReference { get; set; }
    /// <summary>The visit or call the offer came from, if any.</summary>
    public int? ActivityId { get; set; }
    /// <summary>Totals of the lines in whole cents, kept on save so reports sum them in SQL.</summary>
    public long TotalExVatCents { get; set; }
    public long VatCents { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? LostReason { get; set; }
    /// <summary>Recorded straight as an order (no offer was sent): left out of the won/lost ratio.</summary>
    public bool RecordedAsOrder { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string CreatedByName { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedByName { get; set; } = "";
    /// <summary>Changes on every save; a stale value means someone else saved first.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<OfferLine> Lines { get; set; } = [];
    public List<OfferResponsible> Responsibles { get; set; } = [];
    public List<OfferAttachment> Attachments { get; set; } = [];
    public Order? Order { get; set; }

    public decimal TotalExVat => Money.FromCents(TotalExVatCents);
    public decimal Vat => Money.FromCents(VatCents);
    public decimal Total => Money.FromCents(TotalExVatCents + VatCents);
}

/// <summary>A product from the register or a tailored training typed by hand (ProductId null).</summary>
public class OfferLine
{
    public int Id { get; set; }
    public int OfferId { get; set; }
    public int SortOrder { get; set; }
    public int? ProductId { get; set; }
    public Product? Product { get; set; }
    /// <summary>The product's name when chosen, or the tailored training's text; kept as it was offered.</summary>
    public required string Description { get; set; }
    public decimal Quantity { get; set; } = 1;
    public long UnitPriceCents { get; set; }
    /// <summary>Percent; 0 for VAT-free training (the default).</summary>
    public decimal VatRate { get; set; }
    public int? Participants { get; set; }
    public long LineTotalExVatCents { get; set; }
    public long LineVatCents { get; set; }

    public decimal UnitPrice => Money.FromCents(UnitPriceCents);
    public decimal LineTotalExVat => Money.FromCents(LineTotalExVatCents);
}

/// <summary>Who was content-responsible for the offer's products when they were chosen; the offer keeps them even if
/// the product's people change later.</summary>
public class OfferResponsible
{
    public int OfferId { get; set; }
    public int UserId { get; set; }
    public required string Name { get; set; }
}

/// <summary>A file kept with the offer (and so with its order); the bytes live in the attachment folder.</summary>
public class OfferAttachment
{
    public int Id { get; set; }
    public int OfferId { get; set; }
    /// <summary>The sanitised original name, shown and used on download.</summary>
    public required string FileName { get; set; }
    /// <summary>The file's name inside the attachment folder (generated, never from the user).</summary>
    public required string StoredName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    public DateTime UploadedAtUtc { get; set; }
    public string UploadedByName { get; set; } = "";
}

/// <summary>The order an accepted offer became: its delivery and invoicing.</summary>
public class Order
{
    public int Id { get; set; }
    public int OfferId { get; set; }
    public Offer? Offer { get; set; }
    /// <summary>Copied from the offer so order lists and the billing list need no join for them.</summary>
    public int CustomerId { get; set; }
    public int AccountManagerId { get; set; }
    public OfferType Type { get; set; }
    public long TotalExVatCents { get; set; }
    public long VatCents { get; set; }
    public OrderState State { get; set; }
    public DateOnly OrderedOn { get; set; }
    /// <summary>When the training runs; the customer's offers tab lists running and upcoming trainings by these.</summary>
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public DateOnly? DeliveryStartedOn { get; set; }
    public DateOnly? InvoicedOn { get; set; }
    public string? InvoiceNumber { get; set; }
    public string? InvoicedByName { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedByName { get; set; } = "";
    public Guid Version { get; set; } = Guid.NewGuid();

    public decimal TotalExVat => Money.FromCents(TotalExVatCents);
    public decimal Total => Money.FromCents(TotalExVatCents + VatCents);
}

/// <summary>A euro target for one account manager for one calendar year, kept by management.</summary>
public class SalesTarget
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public AppUser? User { get; set; }
    public int Year { get; set; }
    public long AmountCents { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedByName { get; set; } = "";
}
