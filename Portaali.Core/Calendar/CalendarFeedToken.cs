namespace Portaali.Core.Calendar;

/// <summary>A user's secret calendar-feed address; only its SHA-256 hash is kept, and deleting it revokes the address.</summary>
public class CalendarFeedToken
{
    public int UserId { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
