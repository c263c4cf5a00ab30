namespace Portaali.Core.Campaigns;

/// <summary>What the sender writes: the subject and text, with <c>{name}</c>, <c>{firstName}</c> and <c>{customer}</c>.</summary>
public sealed class MailingDraft
{
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
}

/// <summary>One member's message as it will be sent, and who of the members can be mailed at all.</summary>
public sealed record MailingPreview(string? MemberName, string? Email, string? Subject, string? Body, int Members, int Mailable,
    int NoEmail, int OptedOut);

/// <summary>A mailing of a campaign with its progress: sent, failed and skipped of the total.</summary>
public sealed record MailingRow(int Id, string Subject, MailingState State, int Total, int Sent, int Failed, int Skipped,
    int Unconfirmed, DateTime CreatedAtUtc, string CreatedByName, DateTime? FinishedAtUtc)
{
    public int Handled => Sent + Failed + Skipped + Unconfirmed;
    public bool IsActive => State is MailingState.Queued or MailingState.Running;
    /// <summary>Failed deliveries may be sent again (and members added since get theirs), never the sent ones.</summary>
    public bool CanResend => !IsActive;
}

/// <summary>A member the mailing did not reach: failed with the server's reason, unconfirmed, or skipped.</summary>
public sealed record DeliveryProblem(int MemberId, string Name, string CustomerName, string? Email, DeliveryState State, string? Error);

public sealed record MailingProgress(MailingRow Mailing, IReadOnlyList<DeliveryProblem> Problems);

/// <summary>Hands a queued mailing to the background job runner (Hangfire in the app).</summary>
public interface IMailingQueue
{
    void Enqueue(int mailingId);
}
