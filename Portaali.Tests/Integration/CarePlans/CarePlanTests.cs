using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Activities;
using Portaali.Core.CarePlans;
using Portaali.Core.Classifications;
using Portaali.Core.Common;
using Portaali.Core.Segments;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.CarePlans;

/// <summary>Plan versions, the A plan's approval, validation and which plans apply, on a real SQLite file seeded like a
/// fresh production database (no users, no customer groups).</summary>
public class CarePlanTests : HarnessTest, IDisposable
{
    private readonly IDisposable culture = UiCulture.Use("fi-FI");

    public void Dispose() => culture.Dispose();

    private static void UseCulture(string name) => UiCulture.Set(name);

    private CarePlanService Plans => H.Service<CarePlanService>();

    private async Task SeedAsync()
    {
        await using var db = H.Db();
        await CarePlanSeed.EnsureAsync(db, H.Clock);
    }

    private async Task<int> PlanOfAsync(Segment segment)
    {
        await using var db = H.Db();
        return await db.CarePlans.Where(p => p.Segment == segment).Select(p => p.Id).SingleAsync();
    }

    /// <summary>The active version's form, changed by the caller: what the edit dialog sends.</summary>
    private async Task<(CarePlanEdit Edit, int Number)> FormAsync(int planId, Action<CarePlanEdit> change)
    {
        var active = (await Plans.GetAsync(planId)).Active!;
        var edit = CarePlanEdit.From(active);
        change(edit);
        return (edit, active.Number);
    }

    [Fact]
    public async Task Seed_on_an_empty_production_database_makes_the_segment_plans_of_table_6_once()
    {
        await SeedAsync();
        await SeedAsync();

        await using var db = H.Db();
        Assert.Equal(4, await db.CarePlans.CountAsync());
        Assert.Equal(4, await db.CarePlanVersions.CountAsync());
        Assert.Equal(1, await db.ActivityKeywords.CountAsync(k => k.SystemKey == ActivityReferenceData.ManagementReview && k.Name == "Johdon katselmus"));
        Assert.Equal(1, await db.ActivityKeywords.CountAsync(k => k.SystemKey == ActivityReferenceData.CoDevelopment && k.Name == "Yhteiskehittäminen"));

        await H.SignInAsAsync(UserGroup.AccountManager);
        var rows = await Plans.ListAsync();
        Assert.Equal([Segment.A, Segment.B, Segment.C, Segment.Potential], rows.Select(r => r.Segment!.Value));
        Assert.All(rows, r => Assert.Equal(1, r.ActiveNumber));
        Assert.All(rows, r => Assert.Equal(new DateOnly(2027, 1, 31), r.ReviewOn)); // the harness's today is 10 March 2026

        var a = (await Plans.GetAsync(rows[0].Id)).Active!;
        Assert.Contains("• Yhteydenpito näihin asiakkuuksiin on säännöllistä, vähintään viikoittaista toimintaa.", a.CareFi);
        Assert.Contains("at least weekly", a.CareEn);
        Assert.Contains("A-asiakkuuksia on korkeintaan viisi (5)", a.InternalFi);
        Assert.Contains("at most five (5) A accounts", a.InternalEn);
        Assert.Equal(7, a.Rules.MaxContactGapDays);
        Assert.Equal(["Asiakkuustyö", "Kokous (kv tai kansallinen)", "Käynti", "Ohjausryhmä", "Soitto", "Sähköposti"], a.Rules.ContactTypes.Select(t => t.Name));
        Assert.Equal([("Johdon katselmus", "Johdon katselmus", 1), ("Yhteiskehittäminen", "Yhteiskehittämispalaveri", 2)],
            a.Rules.Requirements.Select(r => (r.KeywordName, r.LabelFi, r.PerYear)));
        Assert.Equal("Management review", a.Rules.Requirements[0].Label(english: true));

        var b = (await Plans.GetAsync(rows[1].Id)).Active!;
        Assert.Equal(90, b.Rules.MaxContactGapDays);
        var c = (await Plans.GetAsync(rows[2].Id)).Active!;
        Assert.True(c.Rules.IsEmpty);
        var potential = (await Plans.GetAsync(rows[3].Id)).Active!;
        Assert.Equal(30, potential.Rules.MaxContactGapDays);
        Assert.True(potential.Rules.PlannedContactCounts);
        Assert.Equal(["Kokous (kv tai kansallinen)", "Käynti", "Soitto", "Sähköposti", "Liidi"], potential.Rules.ContactTypes.Select(t => t.Name));
        Assert.Null(potential.ResponsibleUserId); // nobody of sales and marketing on a fresh base
        Assert.Equal("The sales and marketing manager", potential.Responsible(english: true));
    }

    [Fact]
    public async Task Seed_adopts_a_meeting_keyword_of_the_same_name_an_installation_already_made()
    {
        int existing;
        await using (var db = H.Db())
        {
            var keyword = new ActivityKeyword { ActivityTypeId = 3, Name = "Johdon katselmus" };
            db.ActivityKeywords.Add(keyword);
            await db.SaveChangesAsync();
            existing = keyword.Id;
        }

        await SeedAsync();

        await using var check = H.Db();
        Assert.Equal(ActivityReferenceData.ManagementReview, (await check.ActivityKeywords.SingleAsync(k => k.Name == "Johdon katselmus")).SystemKey);
        Assert.Equal(existing, (await check.CarePlanRequirements.FirstAsync(r => r.LabelFi == "Johdon katselmus")).KeywordId);
    }

    [Fact]
    public async Task A_change_makes_the_next_version_and_keeps_the_old_one_superseded()
    {
        await SeedAsync();
        var me = await H.SignInAsAsync(UserGroup.AccountManager);
        var planId = await PlanOfAsync(Segment.B);
        var (edit, number) = await FormAsync(planId, e => { e.MaxContactGapDays = "60"; e.ChangeNote = "Tiheämpi yhteydenpito"; });
        H.Clock.Advance(TimeSpan.FromDays(1));

        var saved = await Plans.SaveChangeAsync(planId, edit, number);

        Assert.Equal((2, CarePlanVersionState.Active), (saved.Number, saved.State));
        var plan = await Plans.GetAsync(planId);
        Assert.Equal(60, plan.Active!.Rules.MaxContactGapDays);
        Assert.Equal(6, plan.Active.Rules.ContactTypes.Count);
        Assert.Equal(H.Clock.UtcNow.UtcDateTime, plan.Active.ActiveFrom);
        Assert.Null(plan.Pending);
        Assert.Equal([(2, CarePlanVersionState.Active, me.DisplayName, "Tiheämpi yhteydenpito"), (1, CarePlanVersionState.Superseded, CarePlanSeed.SeedAuthor, "Opinnäytetyön taulukko 6 (thesis table 6)")],
            plan.History.Select(h => (h.Number, h.State, h.CreatedByName, h.ChangeNote)));
        await using var db = H.Db();
        Assert.Equal(90, (await db.CarePlanVersions.SingleAsync(v => v.CarePlanId == planId && v.Number == 1)).MaxContactGapDays);
    }

    [Fact]
    public async Task An_A_plan_change_waits_for_management_while_the_active_version_still_applies_then_applies_when_approved()
    {
        await SeedAsync();
        await H.SignInAsAsync(UserGroup.AccountManager);
        var planId = await PlanOfAsync(Segment.A);
        var customer = await H.AddCustomerAsync("Avain Oy", segment: Segment.A);
        var (edit, number) = await FormAsync(planId, e => { e.MaxContactGapDays = "14"; e.ChangeNote = "Kahden viikon väli riittää"; });

        var saved = await Plans.SaveChangeAsync(planId, edit, number);

        Assert.Equal(CarePlanVersionState.PendingApproval, saved.State);
        var plan = await Plans.GetAsync(planId);
        Assert.Equal((1, 7), (plan.Active!.Number, plan.Active.Rules.MaxContactGapDays));
        Assert.Equal((2, 14), (plan.Pending!.Number, plan.Pending.Rules.MaxContactGapDays));
        Assert.True((await Plans.ListAsync()).Single(r => r.Id == planId).HasPendingChange);
        Assert.Equal(7, (await Plans.ForCustomerAsync(customer.Id)).Single().Active.Rules.MaxContactGapDays);
        await Assert.ThrowsAsync<ForbiddenException>(() => Plans.ApproveAsync(saved.VersionId, null));

        var boss = await H.SignInAsAsync(UserGroup.Management);
        H.Clock.Advance(TimeSpan.FromHours(2));
        await Plans.ApproveAsync(saved.VersionId, "Hyväksytty johtoryhmässä");

        plan = await Plans.GetAsync(planId);
        Assert.Null(plan.Pending);
        Assert.Equal((2, 14, boss.DisplayName, "Hyväksytty johtoryhmässä"), (plan.Active!.Number, plan.Active.Rules.MaxContactGapDays, plan.Active.DecidedByName, plan.Active.DecisionNote));
        Assert.Equal(H.Clock.UtcNow.UtcDateTime, plan.Active.ActiveFrom);
        Assert.Equal(CarePlanVersionState.Superseded, plan.History.Single(h => h.Number == 1).State);
        Assert.Equal(14, (await Plans.ForCustomerAsync(customer.Id)).Single().Active.Rules.MaxContactGapDays);
    }

    [Fact]
    public async Task Rejecting_an_A_plan_change_needs_a_note_and_keeps_the_old_version()
    {
        await SeedAsync();
        await H.SignInAsAsync(UserGroup.CustomerRelationshipManager);
        var planId = await PlanOfAsync(Segment.A);
        var (edit, number) = await FormAsync(planId, e => e.Requirements.RemoveAt(1));
        var saved = await Plans.SaveChangeAsync(planId, edit, number);
        await H.SignInAsAsync(UserGroup.Management);

        var missing = await Assert.ThrowsAsync<ValidationFailedException>(() => Plans.RejectAsync(saved.VersionId, "  "));
        Assert.Equal("Kirjoita, miksi muutos hylätään.", missing.Message);
        await Plans.RejectAsync(saved.VersionId, "Yhteiskehittäminen pysyy");

        var plan = await Plans.GetAsync(planId);
        Assert.Null(plan.Pending);
        Assert.Equal(1, plan.Active!.Number);
        Assert.Equal(2, plan.Active.Rules.Requirements.Count);
        var rejected = plan.History.Single(h => h.Number == 2);
        Assert.Equal((CarePlanVersionState.Rejected, "Yhteiskehittäminen pysyy"), (rejected.State, rejected.DecisionNote));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Plans.ApproveAsync(saved.VersionId, null));
    }

    [Fact]
    public async Task Managements_own_change_to_the_A_plan_applies_at_once_as_decided_by_them()
    {
        await SeedAsync();
        var boss = await H.SignInAsAsync(UserGroup.Management);
        var planId = await PlanOfAsync(Segment.A);
        var (edit, number) = await FormAsync(planId, e => e.ReviewOn = new DateOnly(2026, 12, 15));

        var saved = await Plans.SaveChangeAsync(planId, edit, number);

        Assert.Equal(CarePlanVersionState.Active, saved.State);
        var plan = await Plans.GetAsync(planId);
        Assert.Equal((2, new DateOnly(2026, 12, 15), boss.DisplayName), (plan.Active!.Number, plan.Active.ReviewOn, plan.Active.DecidedByName));
        Assert.Null(plan.Pending);
    }

    [Fact]
    public async Task Only_one_change_waits_at_a_time()
    {
        await SeedAsync();
        await H.SignInAsAsync(UserGroup.AccountManager);
        var planId = await PlanOfAsync(Segment.A);
        var (first, number) = await FormAsync(planId, e => e.MaxContactGapDays = "10");
        await Plans.SaveChangeAsync(planId, first, number);
        H.SignInAs(await H.CreateUserAsync(UserGroup.SalesAndMarketing));
        var (second, _) = await FormAsync(planId, e => e.MaxContactGapDays = "5");

        var refused = await Assert.ThrowsAsync<DomainException>(() => Plans.SaveChangeAsync(planId, second, number));

        Assert.Equal(CoreText.Get("CarePlanPendingExists"), refused.Message);
        Assert.Equal(10, (await Plans.GetAsync(planId)).Pending!.Rules.MaxContactGapDays);
    }

    [Fact]
    public async Task A_change_made_from_a_stale_version_is_a_conflict()
    {
        await SeedAsync();
        await H.SignInAsAsync(UserGroup.AccountManager);
        var planId = await PlanOfAsync(Segment.C);
        var (mine, number) = await FormAsync(planId, e => e.CareFi += "\n• Uutiskirje");
        var (theirs, _) = await FormAsync(planId, e => e.MaxContactGapDays = "180");
        theirs.ContactTypeIds = [5];
        await Plans.SaveChangeAsync(planId, theirs, number);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Plans.SaveChangeAsync(planId, mine, number));

        Assert.Equal(CoreText.Get("CarePlanChangedByOther"), conflict.Message);
        Assert.Equal(2, (await Plans.GetAsync(planId)).History.Count);
        Assert.EndsWith("• Uutiskirje", mine.CareFi); // what was typed is still there to try again
    }

    [Theory]
    [InlineData("fi-FI", "Kirjoita päivät kokonaislukuna, esim. 7.", "Pisin sallittu väli on 1–365 päivää, tai jätä se tyhjäksi.",
        "Valitse ainakin yksi yhteydenpidoksi laskettava tehtävätyyppi, kun väli on asetettu.", "Vuodessa vaaditaan 1–52 kertaa.",
        "Anna arviointipäivä.", "Kirjoita asiakkuuden hoitosuunnitelma suomeksi.", "Avainsana ei kuulu valittuun tehtävätyyppiin.")]
    [InlineData("en-US", "Type the days as a whole number, e.g. 7.", "The longest gap is 1–365 days, or leave it empty.",
        "Choose at least one activity type that counts as a contact when a gap is set.", "Per year is 1–52 times.",
        "Give the review date.", "Write the care plan text in Finnish.", "The keyword does not belong to the chosen activity type.")]
    public async Task Bad_input_gets_a_message_per_field_in_the_ui_language(string cultureName, string notWhole, string gapRange,
        string noTypes, string perYearRange, string noReview, string noCare, string wrongKeyword)
    {
        UseCulture(cultureName);
        await SeedAsync();
        await H.SignInAsAsync(UserGroup.AccountManager);
        var planId = await PlanOfAsync(Segment.B);
        async Task<Dictionary<string, string>> ErrorsAsync(Action<CarePlanEdit> change)
        {
            var (edit, number) = await FormAsync(planId, change);
            var e = await Assert.ThrowsAsync<ValidationFailedException>(() => Plans.SaveChangeAsync(planId, edit, number));
            return e.Errors.ToDictionary(x => x.Field, x => x.Message);
        }

        Assert.Equal(notWhole, (await ErrorsAsync(e => e.MaxContactGapDays = "7,0"))["MaxContactGapDays"]);
        Assert.Equal(notWhole, (await ErrorsAsync(e => e.MaxContactGapDays = "7.5"))["MaxContactGapDays"]);
        Assert.Equal(gapRange, (await ErrorsAsync(e => e.MaxContactGapDays = "366"))["MaxContactGapDays"]);
        Assert.Equal(gapRange, (await ErrorsAsync(e => e.MaxContactGapDays = "0"))["MaxContactGapDays"]);
        Assert.Equal(noTypes, (await ErrorsAsync(e => e.ContactTypeIds.Clear()))["ContactTypeIds"]);
        var several = await ErrorsAsync(e =>
        {
            e.ReviewOn = null;
            e.CareFi = " ";
            e.Requirements.Add(new CarePlanRequirementEdit { ActivityTypeId = 3, KeywordId = 3, PerYear = "53", LabelFi = "Käynnit" });
        });
        Assert.Equal(noReview, several["ReviewOn"]);
        Assert.Equal(noCare, several["CareFi"]);
        Assert.Equal(perYearRange, several["Requirements[0].PerYear"]);
        Assert.Equal(wrongKeyword, several["Requirements[0].KeywordId"]); // keyword 3 "Myyntikäynti" is a visit's
        Assert.Single((await Plans.GetAsync(planId)).History);

        // A whole number typed either way is read in both languages; English left empty is allowed.
        var (fine, number) = await FormAsync(planId, e => { e.MaxContactGapDays = " 45 "; e.CareEn = ""; });
        await Plans.SaveChangeAsync(planId, fine, number);
        var active = (await Plans.GetAsync(planId)).Active!;
        Assert.Equal(45, active.Rules.MaxContactGapDays);
        Assert.Equal(active.CareFi, active.Care(english: true));
    }

    [Fact]
    public async Task Only_the_customer_team_changes_plans()
    {
        await SeedAsync();
        await H.SignInAsAsync(UserGroup.Communications);
        var planId = await PlanOfAsync(Segment.B);
        var (edit, number) = await FormAsync(planId, e => e.MaxContactGapDays = "30");

        await Assert.ThrowsAsync<ForbiddenException>(() => Plans.SaveChangeAsync(planId, edit, number));
        Assert.Single((await Plans.GetAsync(planId)).History);
    }

    [Fact]
    public async Task A_customer_in_a_subgroup_of_a_customer_group_falls_under_that_groups_plan_and_its_segments()
    {
        int deepNode, otherNode;
        await using (var db = H.Db())
        {
            var root = new ClassificationNode { Name = "Asiakasryhmät", SystemKey = CarePlanRules.CustomerGroupsKey };
            var institutions = new ClassificationNode { Name = "Yhteistyöoppilaitokset", Parent = root, SystemKey = "group.partner-institutions", SortOrder = 4 };
            var suppliers = new ClassificationNode { Name = "Tavaran- ja palveluntoimittajat", Parent = root, SystemKey = "group.suppliers", SortOrder = 0 };
            var universities = new ClassificationNode { Name = "Ammattikorkeakoulut", Parent = institutions };
            var deep = new ClassificationNode { Name = "Pääkaupunkiseutu", Parent = universities };
            var other = new ClassificationNode { Name = "Markkinointi", SystemKey = "marketing" };
            db.ClassificationNodes.AddRange(root, institutions, suppliers, universities, deep, other);
            await db.SaveChangesAsync();
            (deepNode, otherNode) = (deep.Id, other.Id);
        }
        await SeedAsync();
        var inGroup = await H.AddCustomerAsync("Metropolia", segment: Segment.B);
        var outside = await H.AddCustomerAsync("Yksityinen Oy", segment: Segment.C);
        await using (var db = H.Db())
        {
            db.CustomerClassifications.AddRange(
                new CustomerClassification { CustomerId = inGroup.Id, NodeId = deepNode },
                new CustomerClassification { CustomerId = outside.Id, NodeId = otherNode });
            await db.SaveChangesAsync();
        }
        await H.SignInAsAsync(UserGroup.AccountManager);

        var plans = await Plans.ForCustomerAsync(inGroup.Id);

        Assert.Equal([(CarePlanScope.Segment, (Segment?)Segment.B, (string?)null), (CarePlanScope.CustomerGroup, null, "Yhteistyöoppilaitokset")],
            plans.Select(p => (p.Scope, p.Segment, p.GroupName)));
        Assert.Equal("Peer review or benchmarking visit", plans[1].Active.Rules.Requirements.Single().Label(english: true));
        Assert.Equal(Segment.C, (await Plans.ForCustomerAsync(outside.Id)).Single().Segment);
        // The list: segments first, then the groups in the tree's order.
        Assert.Equal(["A", "B", "C", "Potential", "Tavaran- ja palveluntoimittajat", "Yhteistyöoppilaitokset"],
            (await Plans.ListAsync()).Select(r => r.GroupName ?? r.Segment.ToString()));
    }

    [Fact]
    public async Task A_review_date_reached_in_Helsinki_is_flagged_due()
    {
        await SeedAsync();
        await H.SignInAsAsync(UserGroup.Management);
        var planId = await PlanOfAsync(Segment.C);
        var (edit, number) = await FormAsync(planId, e => e.ReviewOn = new DateOnly(2026, 3, 11));
        await Plans.SaveChangeAsync(planId, edit, number);
        Assert.False((await Plans.ListAsync()).Single(r => r.Id == planId).ReviewDue);

        H.Clock.UtcNow = new DateTimeOffset(2026, 3, 10, 22, 30, 0, TimeSpan.Zero); // 00:30 on 11 March in Helsinki

        Assert.True((await Plans.ListAsync()).Single(r => r.Id == planId).ReviewDue);
        Assert.True((await Plans.GetAsync(planId)).ReviewDue);
    }
}
