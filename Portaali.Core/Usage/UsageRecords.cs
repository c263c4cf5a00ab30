namespace Portaali.Core.Usage;

/// <summary>
/// A sign-in, kept for the administrator's usage report and nothing else: who and when. No address, browser or device
/// is recorded (the report does not need them).
/// </summary>
public class SignInRecord
{
    public long Id { get; set; }
    public int UserId { get; set; }
    public DateTime AtUtc { get; set; }
    /// <summary>The Helsinki date of <see cref="AtUtc"/>, so the report groups by day and month in SQL.</summary>
    public DateOnly LocalDate { get; set; }
}

/// <summary>A day on which a user used Portaali (opened it), one row per user and Helsinki date: the report's "active
/// days", which sign-ins alone undercount since a sign-in lasts several days.</summary>
public class UserActiveDay
{
    public int UserId { get; set; }
    public DateOnly Date { get; set; }
}
