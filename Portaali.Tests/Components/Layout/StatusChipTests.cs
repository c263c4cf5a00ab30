using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Portaali.Core.Activities;
using Portaali.Core.Imports;
using Portaali.Core.Offers;
using Portaali.Core.Projects;
using Portaali.Web.Components.Pages.Activities;
using Portaali.Web.Components.Pages.Admin.Imports;
using Portaali.Web.Components.Pages.Offers;
using Portaali.Web.Components.Pages.Projects;

namespace Portaali.Tests.Components.Layout;

/// <summary>
/// A status must be told apart without its colour (WCAG 1.4.1): every status chip shows its own words and an icon,
/// so someone who cannot see red from green still reads Hoitamatta, Kesken and OK apart.
/// </summary>
public class StatusChipTests : IAsyncLifetime
{
    private readonly BunitContext ctx = new();

    public StatusChipTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fi");
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fi-FI");
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await ctx.DisposeAsync();

    [Fact]
    public void Activity_statuses_read_Hoitamatta_Kesken_and_OK_each_with_its_own_icon()
    {
        var chips = Enum.GetValues<ActivityStatus>().Select(s => Chip(ctx.Render<ActivityStatusChip>(p => p.Add(c => c.Status, s)))).ToList();

        Assert.Equal(["Hoitamatta", "Kesken", "OK"], chips.Select(c => c.Text));
        AssertToldApartWithoutColour(chips);
    }

    [Fact]
    public void Project_statuses_show_words_and_an_icon()
        => AssertToldApartWithoutColour(Enum.GetValues<ProjectStatus>().Select(s => Chip(ctx.Render<ProjectStatusChip>(p => p.Add(c => c.Status, s)))).ToList());

    [Fact]
    public void Import_run_statuses_show_words_and_an_icon()
        => AssertToldApartWithoutColour(Enum.GetValues<ImportStatus>().Select(s => Chip(ctx.Render<RunStatusChip>(p => p.Add(c => c.Status, s)))).ToList());

    [Fact]
    public void Offer_and_order_states_show_words_and_an_icon()
    {
        var chips = Enum.GetValues<OfferState>().Where(s => s != OfferState.Accepted)
            .Select(s => Chip(ctx.Render<OfferStateChip>(p => p.Add(c => c.State, s))))
            .Concat(Enum.GetValues<OrderState>().Select(o => Chip(ctx.Render<OfferStateChip>(p => p.Add(c => c.State, OfferState.Accepted).Add(c => c.Order, o)))))
            .ToList();

        AssertToldApartWithoutColour(chips);
    }

    private static (string Text, string Icon) Chip<T>(IRenderedComponent<T> chip) where T : IComponent
        => (chip.Find(".mud-chip-content").TextContent.Trim(), chip.Find(".mud-chip svg").InnerHtml);

    private static void AssertToldApartWithoutColour(List<(string Text, string Icon)> chips)
    {
        Assert.All(chips, c => Assert.False(string.IsNullOrWhiteSpace(c.Text)));
        Assert.All(chips, c => Assert.False(string.IsNullOrWhiteSpace(c.Icon)));
        Assert.Equal(chips.Count, chips.Select(c => c.Text).Distinct().Count());
        Assert.Equal(chips.Count, chips.Select(c => c.Icon).Distinct().Count());
    }
}
