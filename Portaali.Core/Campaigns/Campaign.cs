namespace Portaali.Core.Campaigns;

public enum CampaignKind { Event, Mailing }

/// <summary>A member's step: added → invited → registered → attended or absent (registered but did not come).</summary>
public enum CampaignStep { Added, Invited, Registered, Attended, Absent }

/// <summary>
/// A campaign (an event or a mailing) and its members, each a contact at a step. Mass mailings are not recorded as
/// activities: the campaign and its deliveries are the record.
/// </summary>
public class Campaign
{
    public const int MaxName = 200;

    public int Id { get; set; }
    public required string Name { get; set; }
    public CampaignKind Kind { get; set; }
    public string? Description { get; set; }
    /// <summary>The event's day (Helsinki date), when it is an event.</summary>
    public DateOnly? EventDate { get; set; }
    public int OwnerUserId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string CreatedByName { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedByName { get; set; } = "";
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<CampaignMember> Members { get; set; } = [];
}

/// <summary>A contact in a campaign, once per campaign.</summary>
public class CampaignMember
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public int ContactId { get; set; }
    public Contacts.Contact? Contact { get; set; }
    public int CustomerId { get; set; }
    public CampaignStep Step { get; set; }
    public DateTime StepChangedAtUtc { get; set; }
    public string StepChangedByName { get; set; } = "";
    public DateTime AddedAtUtc { get; set; }
}

public enum MailingState { Queued, Running, Done, Failed, Cancelled }

/// <summary>One e-mail sent to a campaign's members: the text with the member's name merged in and an unsubscribe line.</summary>
public class CampaignMailing
{
    public const int MaxSubject = 200;
    public const int MaxBody = 20000;

    public int Id { get; set; }
    public int CampaignId { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public MailingState State { get; set; }
    public int Total { get; set; }
    public int Sent { get; set; }
    public int Failed { get; set; }
    public string? Error { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public int CreatedByUserId { get; set; }
    public string CreatedByName { get; set; } = "";
    public DateTime? StartedAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }
    /// <summary>The site address the unsubscribe links point at (<c>Portaali:PublicBaseUrl</c>, or the address the
    /// sender used), kept so a job resumed after a restart writes the same links.</summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary><see cref="Unconfirmed"/>: claimed for sending and being handed to the server; left so when the job stopped
/// mid-send, and then never sent again (the server may have it: at most once, see docs/campaigns.md).</summary>
/// <summary><see cref="SkippedLeft"/>: the contact has left the company (or the customer was passivated) since being added —
/// the address would reach nobody, or the wrong person.</summary>
public enum DeliveryState { Pending, Sent, Failed, SkippedNoEmail, SkippedOptedOut, Unconfirmed, SkippedLeft }

/// <summary>One member's copy of a mailing. Unique per (mailing, member): a resend never mails anyone twice.</summary>
public class MailingDelivery
{
    public int Id { get; set; }
    public int MailingId { get; set; }
    public int MemberId { get; set; }
    public string? Email { get; set; }
    public DeliveryState State { get; set; }
    public string? Error { get; set; }
    public DateTime? SentAtUtc { get; set; }
}
