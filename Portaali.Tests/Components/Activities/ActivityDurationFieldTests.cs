using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Portaali.Core.Activities;
using Portaali.Core.Customers;
using Portaali.Web.Components.Pages.Activities;

namespace Portaali.Tests.Components.Activities;

/// <summary>The activity form's duration: typed as people write it in either language, shown as what will be saved,
/// and refused when it could mean two things (the old number field saved English "1,5" as 15 h).</summary>
public class ActivityDurationFieldTests : IAsyncLifetime
{
    private readonly BunitContext ctx = new();
    private readonly (CultureInfo, CultureInfo) previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    private static readonly ActivityFormData Data = new(
        [new TypeOption(5, "Käynti", ActivityReferenceData.Visit, "#2e7d32", true, false)], [], [], [new PersonRef(1, "Minna Lehtonen")]);

    public ActivityDurationFieldTests()
    {
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await ctx.DisposeAsync();
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
    }

    public static readonly TheoryData<string, string, int, string> Typed = new()
    {
        { "fi-FI", "1,5", 90, "Tallennetaan: 1 h 30 min" }, { "fi-FI", "1.5", 90, "Tallennetaan: 1 h 30 min" },
        { "fi-FI", "0,25", 15, "Tallennetaan: 15 min" }, { "fi-FI", "1 h 30 min", 90, "Tallennetaan: 1 h 30 min" },
        { "en-US", "1,5", 90, "Will be saved as: 1 h 30 min" }, { "en-US", "1.5", 90, "Will be saved as: 1 h 30 min" },
        { "en-US", "0,25", 15, "Will be saved as: 15 min" }, { "en-US", "45 min", 45, "Will be saved as: 45 min" },
        { "en-US", "1h30", 90, "Will be saved as: 1 h 30 min" },
    };

    [Theory, MemberData(nameof(Typed))]
    public async Task Typed_duration_is_read_in_either_language_and_shown_as_what_will_be_saved(string culture, string typed, int minutes, string preview)
    {
        Use(culture);
        var edit = NewEdit();
        var form = RenderForm(edit);

        form.Find("#activity-duration").Input(typed);

        form.WaitForAssertion(() => Assert.Contains(preview, Field(form).TextContent));
        Assert.Equal(minutes, edit.DurationMinutes);
        Assert.True(await form.InvokeAsync(() => form.Instance.ValidateAsync()));
    }

    public static readonly TheoryData<string, string, string> Refused = new()
    {
        { "fi-FI", "1,500", "monitulkintainen" }, { "en-US", "1,500", "ambiguous" }, { "en-US", "1.000", "ambiguous" },
        { "fi-FI", "1,5,0", "monitulkintainen" }, { "fi-FI", "25", "enintään 24 h" }, { "en-US", "-1", "negative" },
    };

    [Theory, MemberData(nameof(Refused))]
    public async Task Ambiguous_or_out_of_range_duration_shows_why_and_blocks_saving_without_changing_the_duration(string culture, string typed, string message)
    {
        Use(culture);
        var edit = NewEdit();
        var form = RenderForm(edit);

        form.Find("#activity-duration").Input(typed);

        form.WaitForAssertion(() => Assert.Contains(message, Field(form).TextContent));
        Assert.DoesNotContain("Tallennetaan", Field(form).TextContent);
        Assert.Equal(60, edit.DurationMinutes);
        Assert.False(await form.InvokeAsync(() => form.Instance.ValidateAsync()));
    }

    [Fact]
    public void A_saved_duration_opens_as_hours_and_minutes()
    {
        Use("fi-FI");
        var edit = NewEdit();
        edit.DurationMinutes = 135;
        var form = RenderForm(edit);
        Assert.Equal("2 h 15 min", form.Find("#activity-duration").GetAttribute("value"));
        Assert.Contains("Tallennetaan: 2 h 15 min", Field(form).TextContent);
    }

    private static ActivityEdit NewEdit() => new() { CustomerId = 7, TypeId = 5, Title = "Käynti", Date = new DateTime(2026, 3, 11), DurationMinutes = 60 };

    private IRenderedComponent<ActivityForm> RenderForm(ActivityEdit edit) =>
        ctx.Render<ActivityForm>(p => p.Add(f => f.Data, Data).Add(f => f.Edit, edit).Add(f => f.IsNew, true)
            .Add(f => f.CustomerFixed, true).Add(f => f.CustomerName, "Virtasen Kuljetus Oy"));

    private static AngleSharp.Dom.IElement Field(IRenderedComponent<ActivityForm> form) =>
        form.Find("[data-testid=activity-duration]").Closest(".mud-input-control")!;

    private static void Use(string culture)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture[..2]);
    }
}
