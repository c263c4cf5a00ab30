using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Contacts;
using Portaali.Core.Customers;
using Portaali.Core.Selections;
using Portaali.Core.Users;
using Portaali.Web.Components.Layout;
using Portaali.Web.Components.Pages.Selections;

namespace Portaali.Tests.Components.Selections;

/// <summary>The builder on a real database: each change re-evaluates through the engine and the count on screen follows;
/// "not" and nested groups combine as they read; revenue is typed as people write amounts; a late older answer never
/// replaces a newer one; saving stars the selection in the menu.</summary>
public class SelectionBuilderTests : ComponentHarness
{
    private readonly HoldingPreviewer previewer;

    public SelectionBuilderTests()
    {
        previewer = new HoldingPreviewer(Services);
        Services.AddScoped<SelectionPreviewer>(_ => previewer);
    }

    /// <summary>Three customers of size classes 3, 6 and 7, each with one contact.</summary>
    private async Task ArrangeAsync()
    {
        await SignInAsync(UserGroup.SalesAndMarketing, "Markku Markkinoija");
        await AddCompanyAsync("Pieni Oy", 3, 1_000_000m, "Pia");
        await AddCompanyAsync("Keski Oy", 6, 2_000_000m, "Kari");
        await AddCompanyAsync("Suuri Oy", 7, 1_500_000.50m, "Sanna");
    }

    private async Task AddCompanyAsync(string name, int sizeClass, decimal revenue, string contact)
    {
        var id = await AddCustomerAsync(name, municipalityCode: "049");
        await WithDbAsync(async db =>
        {
            await db.Customers.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.SizeClass, sizeClass).SetProperty(c => c.Revenue, revenue));
            db.Contacts.Add(new Contact { CustomerId = id, FirstName = contact, LastName = "Testinen", NameSearch = CustomerRules.SearchForm(contact + " Testinen"),
                Email = contact.ToLowerInvariant() + "@example.fi" });
            await db.SaveChangesAsync();
        });
    }

    private IRenderedComponent<SelectionBuilder> RenderBuilder() =>
        RenderWithProviders<SelectionBuilder>(p => p.Add(b => b.Debounce, TimeSpan.Zero));

    private static string Count(IRenderedComponent<SelectionBuilder> page) =>
        page.Find("[data-testid=selection-count]").TextContent.Trim().Replace('\u00a0', ' ');

    private async Task AddCriterionAsync(AngleSharp.Dom.IElement group, string kind)
    {
        await group.QuerySelector("[data-testid=add-criterion] button")!.ClickAsync(new MouseEventArgs());
        Providers.WaitForElement($"[data-testid=add-{kind}]");
        await Providers.Find($"[data-testid=add-{kind}]").ClickAsync(new MouseEventArgs());
    }

    [Fact]
    public async Task Adding_a_criterion_changes_the_count_and_negating_it_turns_it_round()
    {
        await ArrangeAsync();
        var page = RenderBuilder();
        page.WaitForAssertion(() => Assert.Equal("3 yhteyshenkilöä", Count(page)));

        await AddCriterionAsync(page.Find("[data-testid=criteria-group]"), "sizeClass");
        page.WaitForElement("input[data-testid=size-min]").Input("5");
        page.WaitForAssertion(() => Assert.Equal("2 yhteyshenkilöä", Count(page)));
        Assert.DoesNotContain("Pia Testinen", page.Find("[data-testid=preview-rows]").TextContent);

        page.Find("input[data-testid=criterion-not], [data-testid=criterion-not] input").Change(true);
        page.WaitForAssertion(() => Assert.Equal("1 yhteyshenkilöä", Count(page)));
        page.WaitForAssertion(() => Assert.Contains("Pia Testinen", page.Find("[data-testid=preview-rows]").TextContent));
        Assert.Contains("EI:", page.Find("[data-testid=criterion-SizeClassCriterion]").TextContent);
    }

    [Fact]
    public async Task A_nested_or_group_matches_either_of_its_criteria_and_negating_the_group_leaves_the_rest()
    {
        await ArrangeAsync();
        var page = RenderBuilder();
        page.WaitForAssertion(() => Assert.Equal("3 yhteyshenkilöä", Count(page)));

        await page.Find("[data-testid=add-group]").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=criteria-group]").Count));
        await AddCriterionAsync(page.FindAll("[data-testid=criteria-group]")[1], "sizeClass");
        await AddCriterionAsync(page.FindAll("[data-testid=criteria-group]")[1], "sizeClass");
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("input[data-testid=size-min]").Count));
        // An empty size class still matches every known size: OR with it keeps everyone until it is narrowed too.
        page.FindAll("input[data-testid=size-min]")[0].Input("7");
        page.FindAll("input[data-testid=size-max]")[1].Input("3");
        page.WaitForAssertion(() => Assert.Equal("2 yhteyshenkilöä", Count(page)));

        page.FindAll("input[data-testid=group-not], [data-testid=group-not] input")[1].Change(true);
        page.WaitForAssertion(() => Assert.Equal("1 yhteyshenkilöä", Count(page)));
        Assert.Contains("Kari Testinen", page.Find("[data-testid=preview-rows]").TextContent);
    }

    [Theory]
    [InlineData("fi-FI", "1 500 000,50", "= 1 500 000,50 €")]
    [InlineData("en-US", "1,500,000.50", "= 1,500,000.50 €")]
    public async Task Revenue_is_read_and_printed_as_typed_in_the_ui_language(string culture, string typed, string printed)
    {
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        await ArrangeAsync();
        var page = RenderBuilder();
        page.WaitForAssertion(() => Assert.Equal("3", Count(page).Split(' ')[0]));

        await AddCriterionAsync(page.Find("[data-testid=criteria-group]"), "revenue");
        page.WaitForElement("input[data-testid=revenue-min]").Input(typed);

        page.WaitForAssertion(() => Assert.Equal("2", Count(page).Split(' ')[0]));
        page.WaitForAssertion(() => Assert.Contains(printed, page.Find("[data-testid=criterion-RevenueCriterion]").TextContent.Replace('\u00a0', ' ').Replace('\u202f', ' ')));
        Assert.Contains("Sanna Testinen", page.Find("[data-testid=preview-rows]").TextContent);
        Assert.DoesNotContain("Pia Testinen", page.Find("[data-testid=preview-rows]").TextContent);
    }

    [Fact]
    public async Task Revenue_that_cannot_be_read_is_flagged_and_leaves_the_count_as_it_was()
    {
        await ArrangeAsync();
        var page = RenderBuilder();
        page.WaitForAssertion(() => Assert.Equal("3 yhteyshenkilöä", Count(page)));
        await AddCriterionAsync(page.Find("[data-testid=criteria-group]"), "revenue");
        page.WaitForElement("input[data-testid=revenue-min]").Input("1 500 000,50");
        page.WaitForAssertion(() => Assert.Equal("2 yhteyshenkilöä", Count(page)));

        page.Find("input[data-testid=revenue-min]").Input("paljon");

        page.WaitForAssertion(() => Assert.Contains("mud-input-error", page.Find("[data-testid=criterion-RevenueCriterion]").InnerHtml));
        Assert.Equal("2 yhteyshenkilöä", Count(page));
    }

    [Fact]
    public async Task A_late_answer_to_an_older_change_does_not_overwrite_the_newer_count()
    {
        await ArrangeAsync();
        var page = RenderBuilder();
        page.WaitForAssertion(() => Assert.Equal("3 yhteyshenkilöä", Count(page)));
        await AddCriterionAsync(page.Find("[data-testid=criteria-group]"), "sizeClass");
        page.WaitForElement("input[data-testid=size-min]");

        var held = previewer.HoldNext();
        page.Find("input[data-testid=size-min]").Input("5");   // would answer 2, but is held back
        await held.Started.WaitAsync(TimeSpan.FromSeconds(30));
        page.Find("input[data-testid=size-min]").Input("7");   // answers 1 at once
        page.WaitForAssertion(() => Assert.Equal("1 yhteyshenkilöä", Count(page)));

        var older = await held.ReleaseAsync();
        Assert.Equal(2, older.Count);
        await page.InvokeAsync(() => { });
        page.WaitForAssertion(() => Assert.Equal("1 yhteyshenkilöä", Count(page)));
        Assert.DoesNotContain("Kari Testinen", page.Find("[data-testid=preview-rows]").TextContent);
    }

    [Fact]
    public async Task Saving_a_new_selection_stars_it_in_the_menu()
    {
        await ArrangeAsync();
        var menu = RenderWithProviders<NavMenu>();
        var page = RenderBuilder();
        page.WaitForAssertion(() => Assert.Equal("3 yhteyshenkilöä", Count(page)));
        await AddCriterionAsync(page.Find("[data-testid=criteria-group]"), "sizeClass");
        page.WaitForElement("input[data-testid=size-min]").Input("5");
        page.WaitForAssertion(() => Assert.Equal("2 yhteyshenkilöä", Count(page)));

        // The click's handler waits for the name dialog to answer: answer it before awaiting the click.
        var saving = page.Find("[data-testid=selection-save]").ClickAsync(new MouseEventArgs());
        Providers.WaitForElement("#prompt-text").Input("Isot espoolaiset");
        await Providers.Find("[data-testid=prompt-confirm]").ClickAsync(new MouseEventArgs());
        await saving.WaitAsync(TimeSpan.FromSeconds(30));

        menu.WaitForAssertion(() => Assert.Contains("Isot espoolaiset", menu.Find("[data-testid=nav-favourites]").TextContent));
        var saved = await WithDbAsync(db => db.Selections.AsNoTracking().SingleAsync());
        Assert.Equal("Isot espoolaiset", saved.Name);
        Assert.Equal(5, Assert.IsType<SizeClassCriterion>(Assert.Single(CriteriaJson.Read(saved.CriteriaJson).Children)).Min);
        Assert.EndsWith($"/selections/{saved.Id}", Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri);
    }

    /// <summary>The real engine behind a gate: an armed call waits until the test releases it, as a slow query would.</summary>
    private sealed class HoldingPreviewer(IServiceProvider services) : SelectionPreviewer(null!)
    {
        private Hold? armed;

        public Hold HoldNext() => armed = new Hold();

        public override async Task<SelectionPreview> PreviewAsync(SelectionDefinition definition, CancellationToken ct)
        {
            var hold = Interlocked.Exchange(ref armed, null);
            if (hold is not null)
            {
                hold.Begin();
                await hold.Gate;
            }
            // The held call answers even when the builder has moved on, as a query already running on the server would.
            var answer = await services.GetRequiredService<SelectionEngine>().PreviewAsync(definition, SelectionEngine.DefaultPageSize,
                hold is null ? ct : CancellationToken.None);
            hold?.Answered(answer);
            return answer;
        }
    }

    private sealed class Hold
    {
        private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<SelectionPreview> answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => started.Task;
        public Task Gate => gate.Task;
        public void Begin() => started.TrySetResult();
        public void Answered(SelectionPreview answer) => answered.TrySetResult(answer);

        public async Task<SelectionPreview> ReleaseAsync()
        {
            gate.TrySetResult();
            return await answered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
