using Portaali.Core.Activities;
using Portaali.Core.Common;
using Portaali.Core.Users;
using Portaali.Tests.Integration.KeyAccounts;
using Portaali.Tests.Support;
using static Portaali.Tests.Integration.Activities.ActivityTestData;

namespace Portaali.Tests.Integration.Customers;

/// <summary>The customer header's summary on a real SQLite file; the harness clock is Tuesday 10.3.2026 11.30 in Helsinki.</summary>
public class CustomerSummaryTests : HarnessTest
{
    [Fact]
    public async Task Header_names_the_responsible_people_the_last_done_contact_and_the_soonest_planned_one()
    {
        var aino = await H.CreateUserAsync(UserGroup.AccountManager, "Aino Asiakasvastaava");
        var bertta = await H.CreateUserAsync(UserGroup.AccountManager, "Bertta Varahenkilö");
        var coordinator = await H.CreateUserAsync(UserGroup.RegionalCoordinator, "Cecilia Koordinaattori");
        var alfa = await H.AddCustomerAsync("Alfa Oy");
        var other = await H.AddCustomerAsync("Muu Oy");
        await H.AddResponsibleAsync(alfa.Id, coordinator.Id);
        await H.AddResponsibleAsync(alfa.Id, bertta.Id);
        await H.AddResponsibleAsync(alfa.Id, aino.Id);
        H.SignInAs(aino);

        await H.ActivityAsync(Visit, alfa.Id, "Käynti viime viikolla", "2026-03-05 10:00", [aino.Id]);
        await H.ActivityAsync(Call, alfa.Id, "Aamun soitto", "2026-03-10 08:00", [bertta.Id, aino.Id]);
        // Not contacts: open work in the past, and work marked done ahead of its day (tomorrow in Helsinki).
        await H.ActivityAsync(Call, alfa.Id, "Sovittu soitto, ei soitettu", "2026-03-09 09:00", [aino.Id], ActivityStatus.Open);
        await H.ActivityAsync(Email, alfa.Id, "Huomisen viesti valmiiksi", "2026-03-11 08:00", [aino.Id], ActivityStatus.Done);
        // Another customer's are nearer on both sides.
        await H.ActivityAsync(Call, other.Id, "Muun soitto", "2026-03-10 10:00", [aino.Id]);
        await H.ActivityAsync(Visit, other.Id, "Muun käynti", "2026-03-10 12:00", [aino.Id], status: null);
        // Just after midnight in Helsinki, still the 10th in UTC: the soonest planned.
        await H.ActivityAsync(Visit, alfa.Id, "Yöllinen käynti", "2026-03-11 00:30", [bertta.Id], status: null);
        await H.ActivityAsync(Visit, alfa.Id, "Huhtikuun käynti", "2026-04-01 10:00", [aino.Id], status: null);

        var summary = await H.Customers.GetSummaryAsync(alfa.Id);

        Assert.Equal(["Aino Asiakasvastaava", "Bertta Varahenkilö", "Cecilia Koordinaattori"], summary.Responsibles.Select(r => r.Name));
        Assert.Equal([true, true, false], summary.Responsibles.Select(r => r.IsAccountManager));

        var last = Assert.IsType<Portaali.Core.Customers.ActivityGlance>(summary.LastContact);
        Assert.Equal("Aamun soitto", last.Title);
        Assert.Equal(new DateOnly(2026, 3, 10), last.Date);
        Assert.Equal("Soitto", last.TypeName);
        Assert.Equal(["Aino Asiakasvastaava", "Bertta Varahenkilö"], last.People.Select(p => p.Name));

        var next = Assert.IsType<Portaali.Core.Customers.ActivityGlance>(summary.NextPlanned);
        Assert.Equal("Yöllinen käynti", next.Title);
        Assert.Equal(new DateOnly(2026, 3, 11), next.Date);
        Assert.Equal(new DateTime(2026, 3, 11, 0, 30, 0), next.StartsAtLocal);
        Assert.Equal("Käynti", next.TypeName);
        Assert.Equal([bertta.Id], next.People.Select(p => p.Id));
    }

    [Fact]
    public async Task A_customer_without_activities_has_no_last_or_next_and_an_unknown_one_is_not_found()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var quiet = await H.AddCustomerAsync("Hiljainen Oy");

        var summary = await H.Customers.GetSummaryAsync(quiet.Id);

        Assert.Empty(summary.Responsibles);
        Assert.Null(summary.LastContact);
        Assert.Null(summary.NextPlanned);
        await Assert.ThrowsAsync<NotFoundException>(() => H.Customers.GetSummaryAsync(quiet.Id + 1000));
    }

    [Fact]
    public async Task Nobody_signed_in_gets_no_summary()
    {
        var customer = await H.AddCustomerAsync("Alfa Oy");
        await Assert.ThrowsAnyAsync<DomainException>(() => H.Customers.GetSummaryAsync(customer.Id));
    }
}
