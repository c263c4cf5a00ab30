using Microsoft.EntityFrameworkCore;
using Portaali.Core.Activities;
using Portaali.Core.CarePlans;
using Portaali.Core.Segments;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Segments;

/// <summary>A customer that comes into Potential gets a call planned for the sales and marketing manager on the next
/// working day at 9:00 Helsinki time, on every path into Potential.</summary>
public class PotentialPlanningTests : HarnessTest
{
    private sealed record Planned(string Title, string Type, ActivityStatus Status, DateTime StartsAtUtc, DateOnly LocalDate,
        int IsoYear, int IsoWeek, string[] Participants);

    private async Task<List<Planned>> PlannedForAsync(int customerId)
    {
        await using var db = H.Db();
        return await db.Activities.AsNoTracking().Where(a => a.CustomerId == customerId).OrderBy(a => a.Id)
            .Select(a => new Planned(a.Title, a.Type!.SystemKey!, a.Status, a.StartsAtUtc, a.LocalDate, a.IsoYear, a.IsoWeek,
                a.Participants.Select(p => p.User!.DisplayName).ToArray()))
            .ToListAsync();
    }

    [Fact]
    public async Task Segment_change_into_potential_plans_a_call_for_the_sales_and_marketing_manager_next_working_day()
    {
        var jari = await H.CreateUserAsync(UserGroup.SalesAndMarketing, "Jari Mäkinen");
        var customer = await H.AddCustomerAsync("Vantaan Leipomo Oy");
        await H.SignInAsAsync(UserGroup.AccountManager);
        using var _ = UiCulture.Finnish();

        await H.Segments.ChangeAsync(customer.Id, Segment.Potential, "Kiinnostunut oppisopimuksista");

        // The harness's Tuesday 10.3.2026 → Wednesday 11.3. 9:00 Helsinki (UTC+2).
        var call = Assert.Single(await PlannedForAsync(customer.Id));
        Assert.Equal(new Planned("Yhteydenotto potentiaaliseen asiakkaaseen", ActivityReferenceData.Call, ActivityStatus.Open,
            new DateTime(2026, 3, 11, 7, 0, 0), new DateOnly(2026, 3, 11), 2026, 11, call.Participants), call);
        Assert.Equal(["Jari Mäkinen"], call.Participants);
        Assert.Contains(await H.Customers.GetAuditTrailAsync(customer.Id), a => a.EntityType == "Activity" && a.Action == "Created");
    }

    [Fact]
    public async Task Friday_before_summer_time_plans_monday_at_nine_in_summer_time_in_english_too()
    {
        await H.CreateUserAsync(UserGroup.SalesAndMarketing, "Jari Mäkinen");
        var customer = await H.AddCustomerAsync("Espoon Sähkötyö Oy");
        await H.SignInAsAsync(UserGroup.AccountManager);
        H.Clock.UtcNow = new DateTimeOffset(2026, 3, 27, 14, 0, 0, TimeSpan.Zero); // Friday; clocks go forward on Sunday 29.3.
        using var _ = UiCulture.English();

        await H.Segments.ChangeAsync(customer.Id, Segment.Potential, "Lead from a fair");

        var call = Assert.Single(await PlannedForAsync(customer.Id));
        Assert.Equal(("Contact the potential customer", new DateTime(2026, 3, 30, 6, 0, 0), new DateOnly(2026, 3, 30), 14),
            (call.Title, call.StartsAtUtc, call.LocalDate, call.IsoWeek));
    }

    [Fact]
    public async Task Week_53_and_the_year_boundary_are_helsinki_weeks()
    {
        await H.CreateUserAsync(UserGroup.SalesAndMarketing, "Jari Mäkinen");
        var customer = await H.AddCustomerAsync("Espoon Sähkötyö Oy");
        await H.SignInAsAsync(UserGroup.AccountManager);
        H.Clock.UtcNow = new DateTimeOffset(2026, 12, 31, 22, 30, 0, TimeSpan.Zero); // Friday 1.1.2027 00:30 in Helsinki

        await H.Segments.ChangeAsync(customer.Id, Segment.Potential, "Messuliidi");

        var call = Assert.Single(await PlannedForAsync(customer.Id));
        Assert.Equal((new DateOnly(2027, 1, 4), 2027, 1), (call.LocalDate, call.IsoYear, call.IsoWeek));
    }

    [Fact]
    public async Task Several_sales_and_marketing_people_the_potential_plans_responsible_gets_it_else_the_first_by_name()
    {
        var outi = await H.CreateUserAsync(UserGroup.SalesAndMarketing, "Outi Virta");
        await H.CreateUserAsync(UserGroup.SalesAndMarketing, "Anna Aalto");
        var first = await H.AddCustomerAsync("Eka Oy");
        var second = await H.AddCustomerAsync("Toka Oy");
        await H.SignInAsAsync(UserGroup.AccountManager);

        await H.Segments.ChangeAsync(first.Id, Segment.Potential, "Liidi");
        Assert.Equal(["Anna Aalto"], Assert.Single(await PlannedForAsync(first.Id)).Participants);

        await using (var db = H.Db())
        {
            db.CarePlans.Add(new CarePlan
            {
                Scope = CarePlanScope.Segment, Segment = Segment.Potential,
                Versions = [new CarePlanVersion { Number = 1, State = CarePlanVersionState.Active, ResponsibleUserId = outi.Id, CreatedAt = CoreHarness.Now.UtcDateTime }],
            });
            await db.SaveChangesAsync();
        }
        await H.Segments.ChangeAsync(second.Id, Segment.Potential, "Liidi");
        Assert.Equal(["Outi Virta"], Assert.Single(await PlannedForAsync(second.Id)).Participants);
    }

    [Fact]
    public async Task No_second_call_when_a_counted_contact_is_already_planned()
    {
        var jari = await H.CreateUserAsync(UserGroup.SalesAndMarketing, "Jari Mäkinen");
        var customer = await H.AddCustomerAsync("Vantaan Leipomo Oy");
        await H.SignInAsAsync(UserGroup.AccountManager);
        var form = await H.Activities.GetFormDataAsync();
        await H.Activities.CreateAsync(new ActivityEdit
        {
            CustomerId = customer.Id, TypeId = form.Types.Single(t => t.SystemKey == ActivityReferenceData.Visit).Id,
            Title = "Esittelykäynti", Date = new DateTime(2026, 3, 20), StartTime = new TimeSpan(10, 0, 0),
        });

        await H.Segments.ChangeAsync(customer.Id, Segment.Potential, "Liidi");

        Assert.Equal(["Esittelykäynti"], (await PlannedForAsync(customer.Id)).Select(a => a.Title));
    }

    [Fact]
    public async Task Reactivating_a_passive_potential_customer_plans_the_call()
    {
        await H.CreateUserAsync(UserGroup.SalesAndMarketing, "Jari Mäkinen");
        var customer = await H.AddCustomerAsync("Tauolla Oy", segment: Segment.Potential, passive: true);
        await H.SignInAsAsync(UserGroup.AccountManager);

        await H.Customers.ReactivateAsync(customer.Id);

        Assert.Equal(["Jari Mäkinen"], Assert.Single(await PlannedForAsync(customer.Id)).Participants);
    }

    [Fact]
    public async Task Reactivating_into_potential_plans_the_call()
    {
        await H.CreateUserAsync(UserGroup.SalesAndMarketing, "Jari Mäkinen");
        var customer = await H.AddCustomerAsync("Tauolla Oy", segment: Segment.C, passive: true);
        await H.SignInAsAsync(UserGroup.AccountManager);

        await H.Customers.ReactivateAsync(customer.Id, Segment.Potential);

        Assert.Equal(Segment.Potential, (await H.Customers.GetAsync(customer.Id)).Segment);
        Assert.Single(await PlannedForAsync(customer.Id));
    }

    [Fact]
    public async Task Moving_into_another_segment_plans_nothing()
    {
        await H.CreateUserAsync(UserGroup.SalesAndMarketing, "Jari Mäkinen");
        var customer = await H.AddCustomerAsync("Vantaan Leipomo Oy");
        await H.SignInAsAsync(UserGroup.AccountManager);

        await H.Segments.ChangeAsync(customer.Id, Segment.B, "Tilauksia");

        Assert.Empty(await PlannedForAsync(customer.Id));
    }
}
