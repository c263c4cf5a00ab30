using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.CarePlans;
using Portaali.Core.Classifications;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Segments;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using static Portaali.Tests.Integration.CarePlans.CarePlanTestData;

namespace Portaali.Tests.Integration.CarePlans;

/// <summary>Queues runs instead of Hangfire; the test runs them when it chooses.</summary>
public sealed class RecordingCarePlanQueue : ICarePlanCheckQueue
{
    public List<int> Queued { get; } = [];
    public void Enqueue(int runId) => Queued.Add(runId);
}

/// <summary>The care-plan monitor on a real database, with Helsinki dates from a fixed clock.</summary>
public class CarePlanMonitorTests : IAsyncLifetime
{
    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    private CoreHarness H = null!;
    private CarePlanMonitor Monitor => H.Service<CarePlanMonitor>();
    private CarePlanMonitorQueries Queries => H.Service<CarePlanMonitorQueries>();

    public async Task InitializeAsync() =>
        H = await CoreHarness.CreateAsync(provider: DatabaseProvider, configure: s => s.AddSingleton<ICarePlanCheckQueue, RecordingCarePlanQueue>());

    public async Task DisposeAsync() => await H.DisposeAsync();

    private void At(int year, int month, int day, int hour = 12, int minute = 0) =>
        H.Clock.UtcNow = new DateTimeOffset(HelsinkiTime.ToUtc(new DateTime(year, month, day, hour, minute, 0)), TimeSpan.Zero);

    private async Task<List<CarePlanBreach>> RunAsync()
    {
        var runId = await Monitor.RunAsync(CarePlanCheckTrigger.Nightly);
        await using var db = H.Db();
        return await db.CarePlanBreaches.AsNoTracking().Where(b => b.RunId == runId).OrderBy(b => b.Id).ToListAsync();
    }

    private async Task<T> WithDb<T>(Func<Portaali.Core.Data.PortaaliDbContext, Task<T>> action)
    {
        await using var db = H.Db();
        return await action(db);
    }

    [Fact]
    public async Task A_gap_is_counted_in_Helsinki_days_across_the_year_and_week_53()
    {
        await WithDb(db => AddPlanAAsync(db, withRequirements: false));
        var customer = await H.AddCustomerAsync("Avain Oy", segment: Segment.A);
        // Thursday 31.12.2026 is in 2026-W53; Thursday 7.1.2027 is a week later in 2027-W01.
        await WithDb(db => AddActivityAsync(db, customer.Id, Visit, new DateTime(2026, 12, 31, 15, 0, 0)));
        Assert.Equal(new IsoWeek(2026, 53), IsoWeek.Of(new DateOnly(2026, 12, 31)));

        At(2027, 1, 7, 23, 50);
        Assert.Empty(await RunAsync());

        At(2027, 1, 8, 0, 10);
        var breach = Assert.Single(await RunAsync());
        Assert.Equal(CarePlanBreachKind.ContactGap, breach.Kind);
        Assert.Equal(1, breach.OverdueDays);
        Assert.Equal(new DateOnly(2026, 12, 31), breach.LastContactOn);
        Assert.Equal(7, breach.AllowedGapDays);
    }

    [Theory]
    [InlineData(2026, 3, 27)] // clocks go forward on Sunday 29.3.
    [InlineData(2026, 10, 23)] // and back on Sunday 25.10.
    public async Task A_week_across_the_summer_time_change_is_seven_days(int year, int month, int day)
    {
        await WithDb(db => AddPlanAAsync(db, withRequirements: false));
        var customer = await H.AddCustomerAsync("Avain Oy", segment: Segment.A, configure: c => c.CreatedAt = new DateTime(2026, 1, 2));
        var contact = new DateTime(year, month, day, 9, 0, 0);
        await WithDb(db => AddActivityAsync(db, customer.Id, Call, contact));

        var checkDay = contact.AddDays(7);
        At(checkDay.Year, checkDay.Month, checkDay.Day, 8, 0);
        Assert.Empty(await RunAsync());

        var late = checkDay.AddDays(1);
        At(late.Year, late.Month, late.Day, 8, 0);
        Assert.Equal(1, Assert.Single(await RunAsync()).OverdueDays);
    }

    [Fact]
    public async Task A_past_visit_left_open_is_not_a_contact_but_one_in_progress_is()
    {
        await WithDb(db => AddPlanAAsync(db, withRequirements: false));
        var unreported = await H.AddCustomerAsync("Raportoimaton Oy", segment: Segment.A);
        var started = await H.AddCustomerAsync("Kesken Oy", segment: Segment.A);
        await WithDb(db => AddActivityAsync(db, unreported.Id, Visit, new DateTime(2026, 4, 20, 10, 0, 0), ActivityStatus.Open));
        await WithDb(db => AddActivityAsync(db, started.Id, Visit, new DateTime(2026, 4, 20, 10, 0, 0), ActivityStatus.InProgress));

        At(2026, 4, 22);
        var breach = Assert.Single(await RunAsync());
        Assert.Equal(unreported.Id, breach.CustomerId);
        Assert.Null(breach.LastContactOn);
        Assert.Equal(43 - 7, breach.OverdueDays); // under the plan since it was created on 10.3.
    }

    [Fact]
    public async Task Yearly_requirement_starts_again_at_Helsinki_midnight_on_1_January()
    {
        var plan = await WithDb(db => AddPlanAAsync(db));
        var (review, coDevelopment) = await WithDb(EnsureKeywordsAsync);
        var customer = await H.AddCustomerAsync("Avain Oy", segment: Segment.A);
        await WithDb(db => AddActivityAsync(db, customer.Id, Visit, new DateTime(2026, 12, 31, 9, 0, 0)));
        // 31.12. 23:30 in Helsinki is still 2026 (21:30 UTC).
        await WithDb(db => AddActivityAsync(db, customer.Id, Meeting, new DateTime(2026, 12, 31, 23, 30, 0), keywordId: review));
        for (var i = 0; i < 2; i++)
            await WithDb(db => AddActivityAsync(db, customer.Id, Meeting, new DateTime(2026, 6, 1 + i, 10, 0, 0), keywordId: coDevelopment));

        At(2026, 12, 31, 23, 45);
        Assert.Empty(await RunAsync());

        At(2027, 1, 1, 0, 5); // UTC still says 31.12.
        Assert.Equal(2026, H.Clock.UtcNow.Year);
        var breaches = await RunAsync();
        Assert.Equal(2, breaches.Count);
        Assert.All(breaches, b => Assert.Equal(CarePlanBreachKind.YearlyRequirement, b.Kind));
        Assert.Equal([(1, 0), (2, 0)], breaches.Select(b => (b.Required!.Value, b.Done!.Value)).Order());
        Assert.All(breaches, b => Assert.Equal(0, b.OverdueDays));
    }

    [Fact]
    public async Task Keyword_narrows_the_yearly_requirement_and_overdue_grows_past_the_spread_due_date()
    {
        await WithDb(db => AddPlanAAsync(db));
        var (review, coDevelopment) = await WithDb(EnsureKeywordsAsync);
        var customer = await H.AddCustomerAsync("Avain Oy", segment: Segment.A);
        // A meeting without a keyword and a co-development meeting are not management reviews.
        await WithDb(db => AddActivityAsync(db, customer.Id, Meeting, new DateTime(2026, 3, 2, 10, 0, 0)));
        await WithDb(db => AddActivityAsync(db, customer.Id, Meeting, new DateTime(2026, 8, 3, 10, 0, 0), keywordId: coDevelopment));
        // A review planned for later is not done.
        await WithDb(db => AddActivityAsync(db, customer.Id, Meeting, new DateTime(2026, 12, 1, 10, 0, 0), ActivityStatus.Open, review));

        At(2026, 8, 5);
        H.SignInAs(await H.CreateUserAsync(UserGroup.Management));
        var list = await Queries.ListAsync(new CarePlanMonitorFilter { Everyone = true });
        Assert.Null(list.Run); // nothing computed yet
        await RunAsync();
        list = await Queries.ListAsync(new CarePlanMonitorFilter { Everyone = true, Kind = CarePlanBreachKind.YearlyRequirement });
        Assert.Equal(["johdon katselmus 0/1 tänä vuonna", "yhteiskehittämispalaveri 1/2 tänä vuonna"], list.Items.Select(r => r.Rule).Order());
        Assert.All(list.Items, r => Assert.Equal(0, r.OverdueDays)); // the 2nd of 2 and the 1st of 1 are due at the year's end

        await WithDb(async db => { await db.Activities.Where(a => a.KeywordId == coDevelopment).ExecuteDeleteAsync(); return 0; });
        await RunAsync();
        list = await Queries.ListAsync(new CarePlanMonitorFilter { Everyone = true, Kind = CarePlanBreachKind.YearlyRequirement });
        var coDev = Assert.Single(list.Items, r => r.Rule.StartsWith("yhteiskehittämispalaveri"));
        Assert.Equal("yhteiskehittämispalaveri 0/2 tänä vuonna", coDev.Rule);
        Assert.Equal(34, coDev.OverdueDays); // the first of two was due on 2.7. (day 182 of 365)
        Assert.Equal(coDev, list.Items[0]); // sorted by overdue days

        using (UiCulture.English())
            Assert.Contains("co-development meeting 0 of 2 this year",
                (await Queries.ListAsync(new CarePlanMonitorFilter { Everyone = true })).Items.Select(r => r.Rule));
    }

    [Fact]
    public void Yearly_due_dates_are_spread_evenly()
    {
        Assert.Equal(0, CarePlanRules.YearlyOverdueDays(new DateOnly(2027, 12, 31), 1, 0));
        Assert.Equal(0, CarePlanRules.YearlyOverdueDays(new DateOnly(2027, 7, 2), 2, 0));
        Assert.Equal(1, CarePlanRules.YearlyOverdueDays(new DateOnly(2027, 7, 3), 2, 0));
        Assert.Equal(0, CarePlanRules.YearlyOverdueDays(new DateOnly(2027, 7, 3), 2, 1));
        Assert.Equal(0, CarePlanRules.YearlyOverdueDays(new DateOnly(2027, 7, 3), 2, 2));
        Assert.Equal(91, CarePlanRules.YearlyOverdueDays(new DateOnly(2027, 12, 31), 4, 2)); // the 3rd of 4 was due on 1.10.
    }

    [Fact]
    public async Task Potential_customer_with_a_planned_call_is_in_order_and_without_one_is_listed_after_30_days()
    {
        var manager = await H.CreateUserAsync(UserGroup.SalesAndMarketing, "Myynti Päällikkö");
        await WithDb(db => AddPotentialPlanAsync(db, manager.Id));
        var old = new DateTime(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);
        var planned = await H.AddCustomerAsync("Suunniteltu Oy", segment: Segment.Potential, configure: c => c.CreatedAt = old);
        var forgotten = await H.AddCustomerAsync("Unohdettu Oy", segment: Segment.Potential, configure: c => c.CreatedAt = old);
        var fresh = await H.AddCustomerAsync("Uusi Oy", segment: Segment.Potential, configure: c => c.CreatedAt = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc));
        // An old customer that entered Potential a week ago has been under the plan for a week only.
        var moved = await H.AddCustomerAsync("Siirretty Oy", segment: Segment.Potential, configure: c =>
        {
            c.CreatedAt = old;
            c.SegmentChanges.Add(new SegmentChange { From = Segment.C, To = Segment.Potential, Reason = "Kiinnostunut", ChangedAt = new DateTime(2026, 3, 3, 8, 0, 0, DateTimeKind.Utc) });
        });
        await WithDb(db => AddActivityAsync(db, planned.Id, Call, new DateTime(2026, 3, 17, 10, 0, 0), ActivityStatus.Open));

        At(2026, 3, 10);
        var breach = Assert.Single(await RunAsync());
        Assert.Equal(forgotten.Id, breach.CustomerId);
        Assert.Equal(64 - 30, breach.OverdueDays); // 5.1. → 10.3. is 64 days

        H.SignInAs(manager);
        var own = await Queries.ListAsync(new CarePlanMonitorFilter());
        var row = Assert.Single(own.Items);
        Assert.Equal("Unohdettu Oy", row.CustomerName);
        Assert.Equal("ei yhteydenottoa 64 päivään, sallittu 30", row.Rule);
        Assert.Equal(["Myynti Päällikkö"], row.Responsibles);
        Assert.DoesNotContain(new[] { fresh.Id, moved.Id, planned.Id }, id => id == breach.CustomerId);
    }

    [Fact]
    public async Task Customer_group_plan_applies_through_a_subgroup_classification()
    {
        int groupId = 0, subgroupId = 0;
        await WithDb(async db =>
        {
            var root = new ClassificationNode { Name = "Asiakasryhmät", SystemKey = CarePlanRules.CustomerGroupsKey };
            var group = new ClassificationNode { Name = "Kunnat", Parent = root };
            var subgroup = new ClassificationNode { Name = "Pääkaupunkiseutu", Parent = group };
            db.ClassificationNodes.AddRange(root, group, subgroup);
            await db.SaveChangesAsync();
            (groupId, subgroupId) = (group.Id, subgroup.Id);
            return 0;
        });
        await WithDb(db => AddGroupPlanAsync(db, groupId, 30));
        await WithDb(db => AddSegmentPlanAsync(db, Segment.B, 90));
        var city = await H.AddCustomerAsync("Espoon kaupunki", segment: Segment.B, configure: c =>
            c.Classifications.Add(new CustomerClassification { NodeId = subgroupId, AssignedAt = new DateTime(2026, 1, 1) }));
        var other = await H.AddCustomerAsync("Muu Oy", segment: Segment.B);
        await WithDb(db => AddActivityAsync(db, city.Id, Email, new DateTime(2026, 4, 1, 10, 0, 0)));
        await WithDb(db => AddActivityAsync(db, other.Id, Email, new DateTime(2026, 4, 1, 10, 0, 0)));

        At(2026, 5, 11); // 40 days after the e-mail: the group's 30 days are broken, B's 90 are not
        var breach = Assert.Single(await RunAsync());
        Assert.Equal((city.Id, 10), (breach.CustomerId, breach.OverdueDays));

        H.SignInAs(await H.CreateUserAsync(UserGroup.AccountManager));
        var plans = await Queries.ForCustomerAsync(city.Id);
        Assert.Equal(["Kunnat", null], plans.Plans.Select(p => p.GroupName).OrderBy(n => n is null));
        var row = Assert.Single(plans.Breaches);
        Assert.Equal("Kunnat", row.Plan.GroupName);
        Assert.Equal("viimeisin yhteydenotto 40 päivää sitten, sallittu 30", row.Rule);
        Assert.Equal(new DateOnly(2026, 4, 1), row.LastContactOn);
        Assert.Empty((await Queries.ForCustomerAsync(other.Id)).Breaches);
    }

    [Fact]
    public async Task Passive_customers_are_never_listed()
    {
        await WithDb(db => AddPlanAAsync(db));
        await H.AddCustomerAsync("Lopettanut Oy", segment: Segment.A, passive: true);
        At(2026, 9, 1);
        Assert.Empty(await RunAsync());
    }

    [Fact]
    public async Task Run_is_recorded_with_its_counts_and_replaces_the_previous_breaches()
    {
        await WithDb(db => AddPlanAAsync(db, withRequirements: false));
        var broken = await H.AddCustomerAsync("Unohdettu Oy", segment: Segment.A);
        var kept = await H.AddCustomerAsync("Hoidettu Oy", segment: Segment.A);
        await H.AddCustomerAsync("Perus Oy");
        await H.AddCustomerAsync("Passiivinen Oy", segment: Segment.A, passive: true);
        await WithDb(db => AddActivityAsync(db, kept.Id, Visit, new DateTime(2026, 3, 30, 10, 0, 0)));
        At(2026, 4, 1);

        var user = await H.CreateUserAsync(UserGroup.AccountManager, "Asiakas Vastaava");
        H.SignInAs(user);
        var first = await Monitor.RequestRunAsync();
        Assert.Equal([first], ((RecordingCarePlanQueue)H.Service<ICarePlanCheckQueue>()).Queued);
        var running = await Queries.LatestRunAsync();
        Assert.Equal((CarePlanCheckStatus.Running, "Asiakas Vastaava", CarePlanCheckTrigger.Manual), (running!.Status, running.StartedByName, running.Trigger));
        var refused = await Assert.ThrowsAsync<CarePlanRunInProgressException>(() => Monitor.RequestRunAsync());
        Assert.Equal("Hoitosuunnitelmien tarkistus on jo käynnissä. Odota, että se valmistuu.", refused.Message);

        await Monitor.ExecuteAsync(first);
        var done = await Queries.LatestRunAsync();
        Assert.Equal((CarePlanCheckStatus.Succeeded, 3, 1, new DateOnly(2026, 4, 1)), (done!.Status, done.CustomersChecked, done.CustomersBroken, done.CheckedOn));
        Assert.NotNull(done.FinishedAt);

        var second = await Monitor.RunAsync(CarePlanCheckTrigger.Nightly);
        await using var db = H.Db();
        Assert.Equal(2, await db.CarePlanCheckRuns.CountAsync());
        var left = await db.CarePlanBreaches.Select(b => new { b.RunId, b.CustomerId }).ToListAsync();
        Assert.Equal([(second, broken.Id)], left.Select(b => (b.RunId, b.CustomerId)));
        Assert.Equal("Yöajo", (await Queries.LatestRunAsync())!.StartedByName);
    }

    [Fact]
    public async Task Failing_run_is_recorded_as_failed_and_the_previous_list_stays()
    {
        await WithDb(db => AddPlanAAsync(db, withRequirements: false));
        await H.AddCustomerAsync("Unohdettu Oy", segment: Segment.A);
        At(2026, 4, 1);
        var good = await Monitor.RunAsync(CarePlanCheckTrigger.Nightly);

        // The database breaks under the run: the plan's contact types can no longer be read. (Names quoted: PostgreSQL folds
        // unquoted ones to lower case.)
        await WithDb(db => db.Database.ExecuteSqlRawAsync("DROP TABLE \"CarePlanContactTypes\""));
        var failed = await Monitor.RunAsync(CarePlanCheckTrigger.Nightly);

        H.SignInAs(await H.CreateUserAsync(UserGroup.Management));
        var latest = await Queries.LatestRunAsync();
        Assert.Equal((failed, CarePlanCheckStatus.Failed), (latest!.Id, latest.Status));
        Assert.Null(latest.Error); // the error is for administrators
        var list = await Queries.ListAsync(new CarePlanMonitorFilter { Everyone = true });
        Assert.Equal(good, list.Run!.Id);
        Assert.Single(list.Items);

        H.SignInAs(await H.CreateUserAsync(UserGroup.Administrator));
        Assert.Contains("CarePlanContactTypes", (await Queries.LatestRunAsync())!.Error);
        // A failed run does not block the next one.
        await WithDb(db => db.Database.ExecuteSqlRawAsync(
            "CREATE TABLE \"CarePlanContactTypes\" (\"CarePlanVersionId\" INTEGER NOT NULL, \"ActivityTypeId\" INTEGER NOT NULL, PRIMARY KEY (\"CarePlanVersionId\", \"ActivityTypeId\"))"));
        await Monitor.RequestRunAsync();
    }

    [Fact]
    public async Task Own_list_by_default_everyone_and_other_people_for_management_only()
    {
        var salesManager = await H.CreateUserAsync(UserGroup.SalesAndMarketing, "Myynti Päällikkö");
        await WithDb(db => AddPlanAAsync(db, withRequirements: false));
        await WithDb(db => AddPotentialPlanAsync(db, salesManager.Id));
        var anna = await H.CreateUserAsync(UserGroup.AccountManager, "Anna Asiakas");
        var ben = await H.CreateUserAsync(UserGroup.AccountManager, "Ben Vastaava");
        var annas = await H.AddCustomerAsync("Annan Oy", segment: Segment.A);
        var bens = await H.AddCustomerAsync("Benin Oy", segment: Segment.A);
        var lead = await H.AddCustomerAsync("Liidi Oy", segment: Segment.Potential, configure: c => c.CreatedAt = new DateTime(2026, 1, 2));
        await H.AddResponsibleAsync(annas.Id, anna.Id);
        await H.AddResponsibleAsync(bens.Id, ben.Id);
        await H.AddResponsibleAsync(lead.Id, anna.Id);
        At(2026, 4, 1);
        await RunAsync();

        H.SignInAs(anna);
        Assert.Equal(["Annan Oy", "Liidi Oy"], (await Queries.ListAsync(new())).Items.Select(r => r.CustomerName).Order());
        Assert.Equal(["Anna Asiakas", "Myynti Päällikkö"], (await Queries.ListAsync(new() { Segment = Segment.Potential })).Items.Single().Responsibles);
        await Assert.ThrowsAsync<ForbiddenException>(() => Queries.ListAsync(new() { Everyone = true }));
        await Assert.ThrowsAsync<ForbiddenException>(() => Queries.ListAsync(new() { PersonId = ben.Id }));

        H.SignInAs(salesManager); // named by the Potential plan
        Assert.Equal(["Liidi Oy"], (await Queries.ListAsync(new())).Items.Select(r => r.CustomerName));

        H.SignInAs(await H.CreateUserAsync(UserGroup.Management));
        var all = await Queries.ListAsync(new() { Everyone = true, PageSize = 2 });
        Assert.Equal(3, all.TotalCount);
        Assert.Equal(2, all.Items.Count);
        Assert.Equal(["Benin Oy"], (await Queries.ListAsync(new() { PersonId = ben.Id })).Items.Select(r => r.CustomerName));
        Assert.Equal(["Annan Oy", "Benin Oy"], (await Queries.ListAsync(new() { Everyone = true, Segment = Segment.A })).Items.Select(r => r.CustomerName).Order());

        var statuses = await Queries.StatusForCustomersAsync([annas.Id, bens.Id]);
        Assert.False(statuses[annas.Id].IsOk);
        Assert.Equal(1, statuses[annas.Id].BrokenRules);

        H.SignOut();
        await Assert.ThrowsAsync<ForbiddenException>(() => Queries.ListAsync(new()));
        await Assert.ThrowsAsync<ForbiddenException>(() => Monitor.RequestRunAsync());
    }
}
