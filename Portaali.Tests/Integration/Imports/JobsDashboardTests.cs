using System.Net;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Calendar;
using Portaali.Core.Imports;
using Portaali.Core.Users;
using Portaali.Tests.Web;

namespace Portaali.Tests.Integration.Imports;

/// <summary>One app host for the class (starting one is most of a test's time): the tests only read, and each adds the
/// users it signs in as.</summary>
public class JobsDashboardTests(PortaaliWebFactory factory) : IClassFixture<PortaaliWebFactory>
{

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in()
    {
        var response = await factory.ClientFor(null).GetAsync("/jobs");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("/jobs")]
    [InlineData("/jobs/recurring")]
    public async Task Account_manager_gets_403_with_the_apps_forbidden_page(string path)
    {
        var user = await factory.AddUserAsync("Minna Lehtonen", UserGroup.AccountManager);
        var response = await factory.ClientFor(user).GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Ei käyttöoikeutta", html);
        Assert.Contains("data-testid=\"forbidden\"", html);
        Assert.DoesNotContain("Sivua ei löytynyt", html);
        Assert.DoesNotContain("imports.prh-api", html);
    }

    [Fact]
    public async Task Administrator_asking_for_a_missing_dashboard_page_still_gets_not_found()
    {
        var user = await factory.AddUserAsync("Sari Lindqvist", UserGroup.Administrator);
        var response = await factory.ClientFor(user).GetAsync("/jobs/no-such-page");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Ei käyttöoikeutta", html);
    }

    [Fact]
    public async Task Administrator_sees_the_dashboard_with_the_nightly_jobs()
    {
        var user = await factory.AddUserAsync("Sari Lindqvist", UserGroup.Administrator);
        var response = await factory.ClientFor(user).GetAsync("/jobs/recurring");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("imports.prh-api", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Imports_page_opens_for_administrators_only()
    {
        var user = await factory.AddUserAsync("Sari Lindqvist", UserGroup.Administrator);
        var response = await factory.ClientFor(user).GetAsync("/admin/imports");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Uusi tuonti", html);
        Assert.Contains("id=\"imports-heading\"", html);

        var manager = await factory.AddUserAsync("Minna Lehtonen", UserGroup.AccountManager);
        var refused = await factory.ClientFor(manager).GetAsync("/admin/imports");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/forbidden", refused.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Suggestions_page_renders_for_anyone_signed_in()
    {
        var manager = await factory.AddUserAsync("Minna Lehtonen", UserGroup.AccountManager);
        var html = await (await factory.ClientFor(manager).GetAsync("/suggestions")).Content.ReadAsStringAsync();
        Assert.Contains("Ei avoimia ehdotuksia.", html);
    }

    [Fact]
    public void Recurring_jobs_are_registered_with_stable_ids_in_Helsinki_time()
    {
        _ = factory.Server;
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id);

        Assert.Equal(["imports.business-info-csv", "imports.prh-api", "imports.work-placement-csv"], jobs.Keys.Where(k => k.StartsWith("imports.")).Order());
        Assert.Equal("0 2 * * *", jobs["imports.prh-api"].Cron);
        Assert.All(jobs.Values, j => Assert.Equal("Europe/Helsinki", j.TimeZoneId));
    }

    [Fact]
    public async Task Imports_page_shows_the_schedule_and_next_run_as_hangfire_holds_them()
    {
        _ = factory.Server;
        var schedule = factory.Services.GetRequiredService<IImportSchedule>().Current();
        Assert.Equal("0 2 * * *", schedule[ImportSource.PrhApi].Cron);
        Assert.Equal(new TimeOnly(2, 0), TimeOnly.FromDateTime(HelsinkiTime.ToLocal(schedule[ImportSource.PrhApi].NextRunUtc!.Value)));
        Assert.False(schedule.ContainsKey(ImportSource.PrhBulk)); // switched off by its empty schedule

        var admin = await factory.AddUserAsync("Sari Lindqvist", UserGroup.Administrator);
        var html = System.Net.WebUtility.HtmlDecode(await (await factory.ClientFor(admin).GetAsync("/admin/imports")).Content.ReadAsStringAsync());
        Assert.Contains("Joka päivä klo 2.00", html);
        Assert.Contains("Joka päivä klo 3.00", html);
        Assert.Contains("Ei ajastettu", html);
    }
}
