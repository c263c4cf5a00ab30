using System.Collections;
using System.Globalization;
using System.Resources;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Portaali.Web.Setup;

namespace Portaali.Tests.Web;

/// <summary>MudBlazor's own texts in Finnish: every key MudBlazor 9 has, and the data grid's column menu as a user opens it.</summary>
public class FinnishMudTextsTests : BunitContext, IAsyncLifetime
{
    private readonly CultureInfo culture = CultureInfo.CurrentCulture, uiCulture = CultureInfo.CurrentUICulture;

    public FinnishMudTextsTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fi-FI");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fi");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddTransient<MudLocalizer, FinnishMudLocalizer>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
        await DisposeAsync(); // MudBlazor's services dispose only asynchronously
    }

    [Fact]
    public void Every_text_MudBlazor_has_is_in_MudTexts()
    {
        var mud = new ResourceManager("MudBlazor.Resources.LanguageResource", typeof(MudButton).Assembly)
            .GetResourceSet(CultureInfo.InvariantCulture, true, false)!.Cast<DictionaryEntry>().Select(e => (string)e.Key).ToList();
        var ours = new ResourceManager("Portaali.Web.Resources.MudTexts", typeof(FinnishMudLocalizer).Assembly)
            .GetResourceSet(CultureInfo.InvariantCulture, true, false)!.Cast<DictionaryEntry>().Select(e => (string)e.Key).ToHashSet();

        Assert.True(mud.Count > 100, $"only {mud.Count} MudBlazor texts found: has its resource moved?");
        Assert.Empty(mud.Where(k => !ours.Contains(k)).Order());
    }

    [Fact]
    public void The_data_grids_column_menu_is_in_Finnish()
    {
        var page = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDataGrid<Row>>(1);
            builder.AddAttribute(2, nameof(MudDataGrid<Row>.Items), new[] { new Row("Rakennus Oy"), new Row("Kuljetus Oy") });
            builder.AddAttribute(3, nameof(MudDataGrid<Row>.Filterable), true);
            builder.AddAttribute(4, nameof(MudDataGrid<Row>.ShowColumnOptions), true);
            builder.AddAttribute(5, nameof(MudDataGrid<Row>.Columns), (RenderFragment)(columns =>
            {
                columns.OpenComponent<PropertyColumn<Row, string>>(0);
                columns.AddAttribute(1, nameof(PropertyColumn<Row, string>.Property), (System.Linq.Expressions.Expression<Func<Row, string>>)(r => r.Name));
                columns.AddAttribute(2, nameof(PropertyColumn<Row, string>.Title), "Nimi");
                columns.CloseComponent();
            }));
            builder.CloseComponent();
        });

        // The column menu's button is what a screen reader names and a mouse hovers; its items render when opened.
        var menuButton = page.Find(".mud-table-head .mud-menu button");
        Assert.Equal("Sarakkeen valinnat", menuButton.GetAttribute("aria-label"));
        Assert.DoesNotContain("Column options", page.Markup);
    }

    private sealed record Row(string Name);
}
