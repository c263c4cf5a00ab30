using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portaali.Core.CarePlans;
using Portaali.Core.Common;
using Portaali.Core.Segments;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.CarePlans;

namespace Portaali.Tests.Components.CarePlans;

public class CarePlanComponentTests : ComponentHarness
{
    private CarePlanService Plans => Services.GetRequiredService<CarePlanService>();

    private async Task<int> SeedAsync(Segment segment)
    {
        await WithDbAsync(db => CarePlanSeed.EnsureAsync(db, TimeProvider.System));
        return await WithDbAsync(db => db.CarePlans.Where(p => p.Segment == segment).Select(p => p.Id).SingleAsync());
    }

    [Fact]
    public async Task The_edit_dialog_refuses_a_gap_that_is_not_a_whole_number_and_keeps_what_was_typed_then_saves_version_2()
    {
        await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var planId = await SeedAsync(Segment.B);
        var plan = await Plans.GetAsync(planId);
        var dialog = await ShowDialogAsync(new DialogParameters<CarePlanEditDialog>
        {
            { d => d.PlanId, planId }, { d => d.ExpectedVersion, 1 }, { d => d.Edit, CarePlanEdit.From(plan.Active!) },
        });
        Providers.WaitForElement("#care-plan-gap");
        Assert.Equal("90", Providers.Find("#care-plan-gap").GetAttribute("value"));
        Assert.Empty(Providers.FindAll("[data-testid=care-plan-approval-note]")); // the B plan's change applies at once

        Providers.Find("#care-plan-gap").Input("7,0");
        Providers.Find("#care-plan-change-note").Input("Tiheämpi yhteydenpito");
        Providers.Find("[data-testid=care-plan-save]").Click();

        Providers.WaitForAssertion(() => Assert.Contains("Kirjoita päivät kokonaislukuna, esim. 7.", Providers.Markup));
        Assert.Equal("7,0", Providers.Find("#care-plan-gap").GetAttribute("value"));
        Assert.Equal("Tiheämpi yhteydenpito", Providers.Find("#care-plan-change-note").GetAttribute("value"));
        Assert.Single((await Plans.GetAsync(planId)).History);

        Providers.Find("#care-plan-gap").Input("60");
        Providers.Find("[data-testid=care-plan-save]").Click();

        var result = await dialog.Result;
        Assert.False(result!.Canceled);
        Assert.Equal(2, ((CarePlanSaveResult)result.Data!).Number);
        var active = (await Plans.GetAsync(planId)).Active!;
        Assert.Equal((2, 60, "Tiheämpi yhteydenpito"), (active.Number, active.Rules.MaxContactGapDays, active.ChangeNote));
    }

    [Fact]
    public async Task The_A_plans_dialog_tells_an_account_manager_the_change_will_wait_and_shows_a_requirement_rows_message()
    {
        await SignInAsync(UserGroup.AccountManager, "Janne Koskela");
        var planId = await SeedAsync(Segment.A);
        var plan = await Plans.GetAsync(planId);
        var edit = CarePlanEdit.From(plan.Active!);
        await ShowDialogAsync(new DialogParameters<CarePlanEditDialog>
        {
            { d => d.PlanId, planId }, { d => d.NeedsApproval, true }, { d => d.ExpectedVersion, 1 }, { d => d.Edit, edit },
        });
        Providers.WaitForElement("[data-testid=care-plan-approval-note]");
        Assert.Equal(2, Providers.FindAll("[data-testid=care-plan-requirement]").Count);

        Providers.Find("#care-plan-per-year-1").Input("2.5");
        Providers.Find("[data-testid=care-plan-save]").Click();

        Providers.WaitForAssertion(() => Assert.Contains("Kirjoita määrä kokonaislukuna, esim. 2.", Providers.Markup));
        Assert.Equal("2.5", Providers.Find("#care-plan-per-year-1").GetAttribute("value"));
        Assert.Null((await Plans.GetAsync(planId)).Pending);
    }

    [Fact]
    public async Task A_save_over_a_version_someone_replaced_meanwhile_is_refused_in_the_dialog_and_the_typing_stays()
    {
        await SignInAsync(UserGroup.AccountManager, "Tiina Hakala");
        var planId = await SeedAsync(Segment.C);
        var plan = await Plans.GetAsync(planId);
        var dialog = await ShowDialogAsync(new DialogParameters<CarePlanEditDialog>
        {
            { d => d.PlanId, planId }, { d => d.ExpectedVersion, 1 }, { d => d.Edit, CarePlanEdit.From(plan.Active!) },
        });
        Providers.WaitForElement("#care-plan-care-fi");
        Providers.Find("#care-plan-care-fi").Input("• Peruspalvelu\n• Uutiskirje kahdesti vuodessa");
        // Meanwhile a colleague's change comes into force.
        var theirs = CarePlanEdit.From(plan.Active!);
        theirs.ReviewOn = new DateOnly(2027, 6, 30);
        await Plans.SaveChangeAsync(planId, theirs, 1);

        Providers.Find("[data-testid=care-plan-save]").Click();

        Providers.WaitForAssertion(() => Assert.Contains(CoreText.Get("CarePlanChangedByOther"), Providers.Find("[data-testid=care-plan-refusal]").TextContent));
        Assert.Contains("Uutiskirje kahdesti vuodessa", Providers.Find("#care-plan-care-fi").TextContent + Providers.Find("#care-plan-care-fi").GetAttribute("value"));
        Assert.Equal(2, (await Plans.GetAsync(planId)).History.Count);
        Assert.False(dialog.Result.IsCompleted);
    }

    [Theory]
    [InlineData(UserGroup.Management, true)]
    [InlineData(UserGroup.AccountManager, false)]
    public async Task The_pending_A_change_shows_what_changes_to_everyone_and_approve_only_to_management(UserGroup group, bool approves)
    {
        var proposer = await SignInAsync(UserGroup.CustomerRelationshipManager, "Arto Miettinen");
        var planId = await SeedAsync(Segment.A);
        var edit = CarePlanEdit.From((await Plans.GetAsync(planId)).Active!);
        edit.MaxContactGapDays = "14";
        edit.ChangeNote = "Kahden viikon väli";
        await Plans.SaveChangeAsync(planId, edit, 1);
        await SignInAsync(group, "Lukija");

        var page = RenderWithProviders<CarePlanPage>(p => p.Add(x => x.PlanId, planId));

        page.WaitForElement("[data-testid=care-plan-pending-change]");
        var pending = page.Find("[data-testid=care-plan-pending-change]").TextContent;
        Assert.Contains("Hyväksyntää odottava muutos: versio 2", pending);
        Assert.Contains(proposer.DisplayName, pending);
        var comparison = page.Find("[data-testid=care-plan-comparison]").TextContent;
        Assert.Contains("Yhteydenpito vähintään 7 päivän välein", comparison);
        Assert.Contains("Yhteydenpito vähintään 14 päivän välein", comparison);
        Assert.Contains("Muuttuu", comparison);
        Assert.Contains("Voimassa: versio 1", page.Find("[data-testid=care-plan-active]").TextContent);
        Assert.Equal(approves, page.FindAll("[data-testid=care-plan-approve]").Count == 1);
        if (!approves) return;

        page.Find("[data-testid=care-plan-approve]").Click();

        page.WaitForAssertion(() => Assert.Contains("Voimassa: versio 2", page.Find("[data-testid=care-plan-active]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=care-plan-pending-change]"));
        Assert.Contains("Muutos hyväksytty ja voimassa.", Providers.Markup);
    }

    [Fact]
    public async Task The_plan_list_says_the_rules_in_words_and_flags_a_waiting_change()
    {
        await SignInAsync(UserGroup.CustomerRelationshipManager);
        var planId = await SeedAsync(Segment.A);
        var edit = CarePlanEdit.From((await Plans.GetAsync(planId)).Active!);
        edit.ChangeNote = "Muutos";
        await Plans.SaveChangeAsync(planId, edit, 1);

        var page = RenderWithProviders<CarePlansPage>();

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-testid=care-plan-row]").Count));
        var rows = page.FindAll("tbody tr");
        Assert.Contains("Segmentti A – avainasiakas", rows[0].TextContent);
        Assert.Contains("Yhteydenpito vähintään 7 päivän välein (asiakkuustyö, kokous (kv tai kansallinen), käynti, ohjausryhmä, soitto, sähköposti)", rows[0].TextContent);
        Assert.Contains("Vuodessa: 1 × johdon katselmus, 2 × yhteiskehittämispalaveri", rows[0].TextContent);
        Assert.Contains("Muutos odottaa hyväksyntää", rows[0].TextContent);
        Assert.DoesNotContain("Muutos odottaa hyväksyntää", rows[1].TextContent);
        Assert.Contains("Ei mitattavia sääntöjä", rows[2].TextContent);
        Assert.Contains("suunniteltu yhteydenotto riittää", rows[3].TextContent);
    }
}
