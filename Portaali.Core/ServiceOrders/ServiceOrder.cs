using Portaali.Core.Contacts;
using Portaali.Core.Customers;
using Portaali.Core.Users;

namespace Portaali.Core.ServiceOrders;

/// <summary>The parts of an event that someone inside the college delivers; each may have its own people.</summary>
public enum ServiceOrderPart { Event, Rooms, Materials, Catering, OtherGoods }

/// <summary>A palvelutilaus: an event ordered by a customer, with the rooms, materials, catering and other goods it needs,
/// e-mailed to every party. Date and times are Helsinki wall-clock time.</summary>
public class ServiceOrder
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public Customer? Customer { get; set; }
    /// <summary>The customer's person who ordered; receives the e-mail.</summary>
    public int? ContactId { get; set; }
    public Contact? Contact { get; set; }
    public required string Title { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly StartTime { get; set; }
    public TimeOnly EndTime { get; set; }
    /// <summary>The start in UTC, stored so lists sort upcoming events in SQL.</summary>
    public DateTime StartsAtUtc { get; set; }
    public string? Place { get; set; }
    public string? Rooms { get; set; }
    public string? Materials { get; set; }
    public string? Catering { get; set; }
    public string? OtherGoods { get; set; }
    public int? ParticipantCount { get; set; }
    public string? Notes { get; set; }
    /// <summary>Addresses typed by hand for people without Portaali, one a line, validated and without duplicates.</summary>
    public string ExtraRecipients { get; set; } = "";
    public int CreatedByUserId { get; set; }
    public string CreatedByName { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public string UpdatedByName { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
    /// <summary>Changes on every save; a stale value means someone else saved first.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<ServiceOrderDeliverer> Deliverers { get; set; } = [];
    public List<ServiceOrderSending> Sendings { get; set; } = [];
}

/// <summary>A user who delivers one part of a service order.</summary>
public class ServiceOrderDeliverer
{
    public int ServiceOrderId { get; set; }
    public ServiceOrderPart Part { get; set; }
    public int UserId { get; set; }
    public AppUser? User { get; set; }
}

/// <summary>Pending while the server is being talked to; a pending row that stays so was cut off (a restart).</summary>
public enum SendingOutcome { Pending, Sent, Failed }

/// <summary>One sending of a service order: who, when, to whom and how it went.</summary>
public class ServiceOrderSending
{
    public int Id { get; set; }
    public int ServiceOrderId { get; set; }
    public DateTime StartedAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }
    public int SentByUserId { get; set; }
    public string SentByName { get; set; } = "";
    /// <summary>The addresses it was sent to, one a line.</summary>
    public string Recipients { get; set; } = "";
    public string Subject { get; set; } = "";
    public SendingOutcome Outcome { get; set; }
    public string? Error { get; set; }
    /// <summary>The SMTP server that took it, or the pickup folder it was written to.</summary>
    public string? Channel { get; set; }
    /// <summary>The failed sending this one retried.</summary>
    public int? RetryOfId { get; set; }
}
