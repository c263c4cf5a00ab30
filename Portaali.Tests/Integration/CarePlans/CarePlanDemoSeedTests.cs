using Microsoft.EntityFrameworkCore;
using Portaali.Core.CarePlans;
using Portaali.Core.Segments;
using Portaali.Core.Users;
using Portaali.Tests.Integration.Seeding;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.CarePlans;

/// <summary>The care-plan seed over the demo base: its customer groups get the plans of table 5.</summary>
public class CarePlanDemoSeedTests(SeededDatabase seeded) : CarePlanDemoSeedCases(seeded.H), IClassFixture<SeededDatabase>;

/// <summary>The tests of <see cref="CarePlanDemoSeedTests"/> over any demo base: a twin deriving from the class itself would
/// seed SQLite's demo base (its class fixture) for nothing.</summary>
public abstract class CarePlanDemoSeedCases(CoreHarness harness)
{
    private CoreHarness H => harness;

    [Fact]
    public async Task Demo_base_gets_a_plan_per_segment_and_customer_group_in_both_languages_once()
    {
        await using (var db = H.Db()) await CarePlanSeed.EnsureAsync(db, H.Clock);
        await using (var db = H.Db()) await CarePlanSeed.EnsureAsync(db, H.Clock);
        await H.SignInAsAsync(UserGroup.AccountManager);
        var plans = H.Service<CarePlanService>();

        var rows = await plans.ListAsync();

        Assert.Equal(["A", "B", "C", "Potential", "Tavaran- ja palveluntoimittajat", "Viranomaiset",
            "Lisä- ja täydennyskoulutettavat organisaatiot (yhteistyökumppanit)", "Lisä- ja täydennyskoulutusorganisaatiot",
            "Yhteistyöoppilaitokset", "Työssäoppimispaikat"], rows.Select(r => r.GroupName ?? r.Segment.ToString()));
        await using (var db = H.Db()) Assert.Equal(10, await db.CarePlanVersions.CountAsync());
        foreach (var row in rows)
        {
            var active = (await plans.GetAsync(row.Id)).Active!;
            Assert.All(new[] { active.CareFi, active.CareEn, active.InternalFi, active.InternalEn, active.ResponsibleFi, active.ResponsibleEn },
                text => Assert.False(string.IsNullOrWhiteSpace(text)));
            Assert.NotEqual(active.CareFi, active.CareEn);
        }
        var workPlacement = (await plans.GetAsync(rows[9].Id)).Active!;
        Assert.Contains("• Puitesopimusten maksimointi", workPlacement.CareFi);
        Assert.Contains("• Maximising framework agreements", workPlacement.CareEn);
        var potential = (await plans.GetAsync(rows[3].Id)).Active!;
        Assert.Equal("Henna Sundström", potential.ResponsibleUserName);
    }

    [Fact]
    public async Task A_demo_customer_classified_in_a_field_under_work_placement_falls_under_the_work_placement_plan()
    {
        await using (var db = H.Db()) await CarePlanSeed.EnsureAsync(db, H.Clock);
        int customerId;
        await using (var db = H.Db())
        {
            var fieldNodes = await db.ClassificationNodes.Where(n => n.Parent!.SystemKey == "work-placement.field").Select(n => n.Id).ToListAsync();
            customerId = await db.CustomerClassifications.Where(cc => fieldNodes.Contains(cc.NodeId)).Select(cc => cc.CustomerId).FirstAsync();
        }
        await H.SignInAsAsync(UserGroup.AccountManager);

        var applying = await H.Service<CarePlanService>().ForCustomerAsync(customerId);

        Assert.Equal(CarePlanScope.Segment, applying[0].Scope);
        Assert.Contains(applying, p => p.GroupName == "Työssäoppimispaikat");
    }
}
