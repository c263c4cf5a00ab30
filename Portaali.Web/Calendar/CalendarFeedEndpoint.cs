using Portaali.Core.Calendar;

namespace Portaali.Web.Calendar;

public static class CalendarFeedEndpoint
{
    /// <summary>The subscribed iCalendar feed: anonymous, because the secret token in the address is the credential; an unknown or revoked token is 404.</summary>
    public static void MapCalendarFeed(this WebApplication app) =>
        app.MapGet("/calendar/feed/{token}.ics", async (string token, CalendarService calendar, HttpContext http, CancellationToken ct) =>
        {
            var ics = await calendar.GetFeedAsync(token, ct);
            if (ics is null) return Results.NotFound();
            http.Response.Headers.CacheControl = "no-store";
            return Results.Text(ics, "text/calendar; charset=utf-8");
        }).AllowAnonymous();
}
