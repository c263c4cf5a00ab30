using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portaali.Core.Selections;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Selections;

namespace Portaali.Tests.Components.Selections;

/// <summary>The selections index's parts: each row's actions follow ownership, and the combine dialog makes a new list of
/// the chosen operation. (The page around them lists through SelectionService, which the selections part implements.)</summary>
public class SelectionsIndexTests : ComponentHarness
{
    private StaticListService Lists => Services.GetRequiredService<StaticListService>();

    private static SelectionSummary Summary(int id, string name, SelectionKind kind, bool mine, SelectionTarget target = SelectionTarget.Contacts) =>
        new(id, name, kind, target, SelectionPurpose.Email, IsShared: !mine, IsMine: mine, OwnerName: mine ? "Minä" : "Kaisa Kollega",
            IsFavourite: false, UpdatedAtUtc: new DateTime(2026, 3, 10, 8, 0, 0, DateTimeKind.Utc), LastExportedAtUtc: null);

    private IReadOnlyList<string> MenuOf(IRenderedComponent<SelectionTable> table, int row)
    {
        table.FindAll("[data-testid=actions] button")[row].Click();
        Providers.WaitForAssertion(() => Assert.NotEmpty(Providers.FindAll(".mud-popover-open [data-testid^=action-]")));
        var items = Providers.FindAll(".mud-popover-open [data-testid^=action-]").Select(i => i.GetAttribute("data-testid")!).ToList();
        table.FindAll("[data-testid=actions] button")[row].Click();
        Providers.WaitForAssertion(() => Assert.Empty(Providers.FindAll(".mud-popover-open [data-testid^=action-]")));
        return items;
    }

    [Fact]
    public async Task Only_ones_own_rows_offer_rename_and_delete_and_each_opens_by_its_kind()
    {
        await SignInAsync(UserGroup.SalesAndMarketing, "Mirja Markkinoija");
        _ = Providers;
        var table = Render<SelectionTable>(p => p
            .Add(x => x.Items, [Summary(7, "Oma poiminta", SelectionKind.Dynamic, mine: true), Summary(8, "Kaisan lista", SelectionKind.Static, mine: false)]));

        Assert.Equal(["action-open", "action-copy", "action-rename", "action-delete"], MenuOf(table, 0));
        Assert.Equal(["action-open", "action-copy"], MenuOf(table, 1));
        Assert.Equal(["/selections/7", "/lists/8"], table.FindAll("[data-testid=open]").Select(a => a.GetAttribute("href")));
        Assert.Contains("Staattinen lista", table.FindAll("tbody tr")[1].TextContent);
        Assert.Contains("Kaisa Kollega · jaettu", table.FindAll("tbody tr")[1].TextContent);
    }

    [Fact]
    public async Task An_administrator_may_rename_and_delete_what_others_own()
    {
        await SignInAsync(UserGroup.Administrator, "Aino Admin");
        _ = Providers;
        var table = Render<SelectionTable>(p => p
            .Add(x => x.Items, [Summary(8, "Kaisan lista", SelectionKind.Static, mine: false)]).Add(x => x.IsAdministrator, true));

        Assert.Equal(["action-open", "action-copy", "action-rename", "action-delete"], MenuOf(table, 0));
    }

    [Fact]
    public async Task The_combine_dialog_creates_the_intersection_as_a_new_list_and_offers_only_lists_of_the_same_target()
    {
        await SignInAsync(UserGroup.SalesAndMarketing, "Mirja Markkinoija");
        var a = await AddCustomerAsync("Aalto Oy");
        var b = await AddCustomerAsync("Berg Oy");
        var c = await AddCustomerAsync("Castren Oy");
        var left = await Lists.CreateAsync("Kevät", SelectionTarget.Customers, SelectionPurpose.General);
        await Lists.AddMembersAsync(left, [a, b]);
        var right = await Lists.CreateAsync("Syksy", SelectionTarget.Customers, SelectionPurpose.General);
        await Lists.AddMembersAsync(right, [b, c]);
        var contacts = await Lists.CreateAsync("Henkilöt", SelectionTarget.Contacts, SelectionPurpose.Email);
        IReadOnlyList<SelectionSummary> items =
        [
            Summary(left, "Kevät", SelectionKind.Static, true, SelectionTarget.Customers),
            Summary(right, "Syksy", SelectionKind.Static, true, SelectionTarget.Customers),
            Summary(contacts, "Henkilöt", SelectionKind.Static, true, SelectionTarget.Contacts),
        ];

        var dialog = await ShowDialogAsync(new DialogParameters<CombineDialog> { { d => d.Items, items } });
        Providers.WaitForAssertion(() => Assert.NotEmpty(Providers.FindAll("#combine-name")));
        await ChooseAsync("Ensimmäinen", "Kevät (Staattinen lista, Asiakkaat)");
        var rightSelect = Providers.FindComponents<MudSelect<int?>>().Single(s => s.Instance.Label == "Toinen");
        await Providers.InvokeAsync(rightSelect.Instance.OpenMenu);
        Assert.Equal(["Syksy (Staattinen lista, Asiakkaat)"], Providers.FindAll(".mud-popover-open .mud-list-item").Select(o => o.TextContent.Trim()));
        Providers.FindAll(".mud-popover-open .mud-list-item").Single().Click();
        var intersection = Providers.Find("[data-testid=combine-intersection]");
        (intersection.TagName == "INPUT" ? intersection : intersection.QuerySelector("input")!).Click();
        Providers.Find("#combine-name").Input("Molemmat");
        await Providers.Find("[data-testid=combine-confirm]").ClickAsync(new MouseEventArgs());

        var result = await dialog.Result;
        var id = Assert.IsType<int>(result!.Data);
        var (name, members) = await WithDbAsync(async db => (
            (await db.Selections.SingleAsync(s => s.Id == id)).Name,
            await db.StaticListMembers.Where(m => m.SelectionId == id).Select(m => m.MemberId).ToListAsync()));
        Assert.Equal("Molemmat", name);
        Assert.Equal([b], members);
    }

    private async Task ChooseAsync(string label, string option)
    {
        var select = Providers.FindComponents<MudSelect<int?>>().Single(s => s.Instance.Label == label);
        await Providers.InvokeAsync(select.Instance.OpenMenu);
        Providers.WaitForAssertion(() => Assert.NotEmpty(Providers.FindAll(".mud-popover-open .mud-list-item")));
        Providers.FindAll(".mud-popover-open .mud-list-item").Single(o => o.TextContent.Trim() == option).Click();
    }
}
