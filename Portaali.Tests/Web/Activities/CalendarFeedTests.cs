using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.Security;
using Portaali.Core.Users;
using Portaali.Tests.Web;

namespace Portaali.Tests.Web.Activities;

/// <summary>The subscribed calendar as Outlook or Google would fetch it: anonymous GET of the secret address, parsed with Ical.Net.</summary>
/// <remarks>One app host for the class: each test adds the users whose feeds it reads.</remarks>
public class CalendarFeedTests(PortaaliWebFactory factory) : IClassFixture<PortaaliWebFactory>
{

    private AsyncServiceScope ScopeFor(AppUser user)
    {
        var scope = factory.Services.CreateAsyncScope();
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(PortaaliClaims.For(user, "Test")))));
        return scope;
    }

    [Fact]
    public async Task Feed_is_valid_icalendar_with_the_users_activities_and_stops_working_when_revoked()
    {
        var minna = await factory.AddUserAsync("Minna Lehtonen", UserGroup.AccountManager);
        var janne = await factory.AddUserAsync("Janne Koskela", UserGroup.AccountManager);
        var tomorrow = HelsinkiTime.Today(TimeProvider.System).AddDays(1).ToDateTime(new TimeOnly(10, 0));
        string token;
        await using (var scope = ScopeFor(minna))
        {
            var activities = scope.ServiceProvider.GetRequiredService<ActivityService>();
            await activities.CreateAsync(new ActivityEdit
            {
                TypeId = 12, Title = "Suunnittelu; syksyn koulutukset, budjetti", Date = tomorrow.Date, StartTime = tomorrow.TimeOfDay,
                DurationMinutes = 90, Memo = "Tavoite\nSovitut asiat", ParticipantIds = [minna.Id],
            });
            await activities.CreateAsync(new ActivityEdit
            {
                TypeId = 12, Title = "Jannen oma suunnittelu", Date = tomorrow.Date, StartTime = tomorrow.TimeOfDay, ParticipantIds = [janne.Id],
            });
            token = await scope.ServiceProvider.GetRequiredService<CalendarService>().CreateFeedTokenAsync();
        }

        var client = factory.ClientFor(null);
        var response = await client.GetAsync($"/calendar/feed/{token}.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();

        var calendar = Ical.Net.Calendar.Load(text)!;
        var e = Assert.Single(calendar.Events);
        Assert.Equal("Suunnittelu; syksyn koulutukset, budjetti", e.Summary);
        Assert.Equal("Tavoite\nSovitut asiat", e.Description);
        Assert.Equal(HelsinkiTime.ToUtc(tomorrow), e.DtStart!.AsUtc);
        Assert.Equal(HelsinkiTime.ToUtc(tomorrow).AddMinutes(90), e.DtEnd!.AsUtc);

        await using (var scope = ScopeFor(minna))
            await scope.ServiceProvider.GetRequiredService<CalendarService>().RevokeFeedAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/calendar/feed/{token}.ics")).StatusCode);
    }

    [Fact]
    public async Task Guessed_token_gets_nothing_and_a_new_address_replaces_the_old()
    {
        var minna = await factory.AddUserAsync("Minna Lehtonen", UserGroup.AccountManager);
        string first, second;
        await using (var scope = ScopeFor(minna))
        {
            var calendar = scope.ServiceProvider.GetRequiredService<CalendarService>();
            first = await calendar.CreateFeedTokenAsync();
            second = await calendar.CreateFeedTokenAsync();
        }
        var client = factory.ClientFor(null);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/calendar/feed/arvattu-tunnus.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/calendar/feed/{first}.ics")).StatusCode);
        var ok = await client.GetAsync($"/calendar/feed/{second}.ics");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Empty(Ical.Net.Calendar.Load(await ok.Content.ReadAsStringAsync())!.Events);
    }
}
