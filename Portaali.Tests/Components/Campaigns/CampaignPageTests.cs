using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portaali.Core.Campaigns;
using Portaali.Core.Contacts;
using Portaali.Core.Customers;
using Portaali.Core.Selections;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Campaigns;

namespace Portaali.Tests.Components.Campaigns;

/// <summary>The campaign pages: counts per step and the funnel's numbers, a bulk step change, the list's counts and a
/// campaign started from a saved selection.</summary>
public class CampaignPageTests : ComponentHarness
{
    private CampaignService Campaigns => Services.GetRequiredService<CampaignService>();

    /// <summary>A campaign whose members are the contacts named, all at the first step.</summary>
    private async Task<int> CampaignAsync(AppUser owner, string name, params string[] contacts)
    {
        var listId = await ListAsync(owner, contacts);
        return (await Campaigns.CreateFromSelectionAsync(new CampaignEdit { Name = name, EventDate = "15.3.2027" }, listId)).Id;
    }

    private async Task<int> ListAsync(AppUser owner, string[] contacts)
    {
        var customerId = await AddCustomerAsync("Espoon Kone Oy");
        var ids = new List<int>();
        foreach (var name in contacts)
        {
            var contact = new Contact
            {
                CustomerId = customerId, FirstName = name, LastName = "Kone", NameSearch = CustomerRules.SearchForm(name + " Kone"),
                Email = $"{name.ToLowerInvariant()}@espoonkone.fi",
            };
            await WithDbAsync(db => { db.Contacts.Add(contact); return db.SaveChangesAsync(); });
            ids.Add(contact.Id);
        }
        var list = new Selection
        {
            Name = "Espoon Koneen väki", Kind = SelectionKind.Static, Target = SelectionTarget.Contacts, OwnerUserId = owner.Id,
            Members = ids.Select(id => new StaticListMember { MemberId = id }).ToList(),
        };
        await WithDbAsync(db => { db.Selections.Add(list); return db.SaveChangesAsync(); });
        return list.Id;
    }

    private async Task MoveAsync(int campaign, CampaignStep step, params string[] names)
    {
        var ids = await WithDbAsync(db => db.CampaignMembers.Where(m => m.CampaignId == campaign && names.Contains(m.Contact!.FirstName)).Select(m => m.Id).ToListAsync());
        await Campaigns.SetStepAsync(campaign, ids, step);
    }

    private IRenderedComponent<CampaignPage> Open(int id)
    {
        var page = RenderWithProviders<CampaignPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=campaign-member-table] tbody tr [data-testid=campaign-member-check]")));
        return page;
    }

    private static string Text(AngleSharp.Dom.IElement e) => e.TextContent.Replace('\u00a0', ' ').Replace('\u202f', ' ').Trim();

    private static List<string> Rows(IRenderedComponent<CampaignPage> page, string table) =>
        page.FindAll($"[data-testid={table}] tbody tr").Select(r => string.Join(" ", r.Children.Select(Text))).ToList();

    [Fact]
    public async Task The_campaign_page_shows_the_counts_per_step_and_the_funnels_numbers_with_the_shares()
    {
        var owner = await SignInAsync(UserGroup.SalesAndMarketing, "Markku Markkinoija");
        var id = await CampaignAsync(owner, "Kevätseminaari", "Aino", "Bertta", "Cecilia", "Daniel", "Eeva", "Frans");
        await MoveAsync(id, CampaignStep.Invited, "Aino", "Bertta", "Cecilia", "Daniel");
        await MoveAsync(id, CampaignStep.Attended, "Aino");
        await MoveAsync(id, CampaignStep.Absent, "Bertta");

        var page = Open(id);

        Assert.Equal("Kevätseminaari", Text(page.Find("[data-testid=campaign-title]")));
        Assert.Contains("15.3.2027", Text(page.Find("[data-testid=campaign-date]")));
        Assert.Equal(["Lisätty 2", "Kutsuttu 2", "Ilmoittautunut 0", "Osallistui 1", "Ei saapunut 1", "Yhteensä 6"], Rows(page, "campaign-step-counts"));
        Assert.Equal(["Jäsenet 6", "Kutsutut 4", "Ilmoittautuneet 2", "Osallistuneet 1"], Rows(page, "campaign-funnel"));
        Assert.Equal("Ilmoittautuneita kutsutuista: 50 %", Text(page.Find("[data-testid=campaign-registered-share]")));
        Assert.Equal("Osallistuneita ilmoittautuneista: 50 %", Text(page.Find("[data-testid=campaign-attended-share]")));
        Assert.Contains("Jäsenet (6)", page.Find("[data-testid=campaign-members] h2").TextContent);
    }

    [Fact]
    public async Task Ticked_members_move_to_the_chosen_step_together_and_the_counts_follow()
    {
        var owner = await SignInAsync(UserGroup.Communications, "Viestintä Väinö");
        var id = await CampaignAsync(owner, "Avoimet ovet", "Aino", "Bertta", "Cecilia");
        var page = Open(id);

        var checks = page.FindAll("[data-testid=campaign-member-table] tbody tr input[type=checkbox]");
        checks[0].Change(true);
        page.FindAll("[data-testid=campaign-member-table] tbody tr input[type=checkbox]")[2].Change(true);
        page.WaitForAssertion(() => Assert.Equal("Valittu 2", Text(page.Find("[data-testid=campaign-selected-count]"))));
        var bulk = page.FindComponents<MudSelect<CampaignStep>>().Single(s => s.Instance.Label == "Siirrä vaiheeseen");
        await page.InvokeAsync(bulk.Instance.OpenMenu);
        Providers.WaitForAssertion(() => Assert.NotEmpty(Providers.FindAll(".mud-popover-open .mud-list-item")));
        Providers.FindAll(".mud-popover-open .mud-list-item").Single(o => o.TextContent.Trim() == "Ilmoittautunut").Click();
        page.Find("[data-testid=campaign-bulk-apply]").Click();

        page.WaitForAssertion(() => Assert.Contains("Ilmoittautunut 2", Rows(page, "campaign-step-counts")));
        Assert.Contains("Lisätty 1", Rows(page, "campaign-step-counts"));
        Assert.Equal("Valittu 0", Text(page.Find("[data-testid=campaign-selected-count]")));
        var steps = await WithDbAsync(db => db.CampaignMembers.Where(m => m.CampaignId == id).OrderBy(m => m.Contact!.FirstName)
            .Select(m => new { m.Contact!.FirstName, m.Step, m.StepChangedByName }).ToListAsync());
        Assert.Equal([("Aino", CampaignStep.Registered), ("Bertta", CampaignStep.Added), ("Cecilia", CampaignStep.Registered)],
            steps.Select(s => (s.FirstName, s.Step)));
        Assert.Equal("Viestintä Väinö", steps[0].StepChangedByName);
    }

    [Fact]
    public async Task The_list_shows_each_campaigns_counts_and_a_new_campaign_starts_from_a_saved_selection()
    {
        var owner = await SignInAsync(UserGroup.SalesAndMarketing, "Markku Markkinoija");
        var first = await CampaignAsync(owner, "Syysseminaari", "Aino", "Bertta");
        await MoveAsync(first, CampaignStep.Registered, "Aino", "Bertta");

        var list = RenderWithProviders<CampaignsPage>();
        list.WaitForAssertion(() => Assert.Single(list.FindAll("[data-testid=campaign-list] tbody tr")));
        Assert.Equal("Syysseminaari Tapahtuma 15.3.2027 2 0 2 0 0",
            string.Join(" ", list.Find("[data-testid=campaign-list] tbody tr").Children.Select(Text)));

        var selectionId = await WithDbAsync(db => db.Selections.Select(s => s.Id).SingleAsync());
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo($"/campaigns/new?selection={selectionId}");
        var create = RenderWithProviders<CampaignNewPage>();
        create.WaitForAssertion(() => Assert.Equal("Espoon Koneen väki", Text(create.Find("[data-testid=campaign-selection-name]"))));
        Assert.Equal("Espoon Koneen väki", create.Find("#campaign-name").GetAttribute("value"));
        create.Find("#campaign-name").Input("Kevätseminaari");
        create.Find("#campaign-event-date").Input("31.4.2027");
        create.Find("[data-testid=campaign-create]").Click();
        create.WaitForAssertion(() => Assert.Contains("Päivämäärää ei voi lukea. Kirjoita se muodossa 15.3.2027.", create.Markup));
        Assert.Equal("31.4.2027", create.Find("#campaign-event-date").GetAttribute("value"));

        create.Find("#campaign-event-date").Input("30.4.2027");
        create.Find("[data-testid=campaign-create]").Click();

        create.WaitForAssertion(() => Assert.Matches(@"/campaigns/\d+$", navigation.Uri));
        var created = await WithDbAsync(db => db.Campaigns.Where(c => c.Name == "Kevätseminaari")
            .Select(c => new { c.Id, c.EventDate, Members = db.CampaignMembers.Count(m => m.CampaignId == c.Id) }).SingleAsync());
        Assert.Equal((new DateOnly(2027, 4, 30), 2), (created.EventDate!.Value, created.Members));
        Assert.EndsWith($"/campaigns/{created.Id}", navigation.Uri);
    }

    [Fact]
    public async Task A_registration_list_is_tried_first_showing_the_rows_it_cannot_use_then_applied_and_the_counts_follow()
    {
        var owner = await SignInAsync(UserGroup.SalesAndMarketing, "Markku Markkinoija");
        var id = await CampaignAsync(owner, "Kevätseminaari", "Aino", "Bertta", "Cecilia");
        var page = Open(id);
        var csv = "Nimi;Sähköposti\r\nAino;AINO@espoonkone.fi\r\nCecilia; cecilia@EspoonKone.fi\r\nTuntematon;tuntematon@muu.fi\r\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(bytes, "ilmoittautuneet.csv"));
        page.WaitForAssertion(() => Assert.Equal("ilmoittautuneet.csv: 3 riviä", Text(page.Find("[data-testid=registration-file-name]"))));
        page.Find("[data-testid=registration-dry-run]").Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=registration-plan-counts] li")));
        Assert.Equal("2 jäsentä merkitään vaiheeseen Ilmoittautunut", Text(page.FindAll("[data-testid=registration-plan-counts] li")[0]));
        Assert.Equal(["4 tuntematon@muu.fi"], page.FindAll("[data-testid=registration-unmatched] tbody tr").Select(r => string.Join(" ", r.Children.Select(Text))));
        Assert.Contains("Lisätty 3", Rows(page, "campaign-step-counts")); // the dry run changed nothing

        page.Find("[data-testid=registration-apply]").Click();

        page.WaitForAssertion(() => Assert.Contains("Ilmoittautunut 2", Rows(page, "campaign-step-counts")));
        Assert.Contains("Lisätty 1", Rows(page, "campaign-step-counts"));
        Assert.Empty(page.FindAll("[data-testid=registration-plan]"));
    }
}
