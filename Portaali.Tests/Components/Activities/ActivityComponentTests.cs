using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.Customers;
using Portaali.Web.Components.Pages.Activities;
using Portaali.Web.Components.Pages.Calendar;

namespace Portaali.Tests.Components.Activities;

/// <remarks>Times show in Finnish format (10.00), as the app's fi-FI culture writes them.</remarks>
public class ActivityComponentTests : IAsyncLifetime
{
    private readonly BunitContext ctx = new();

    private static readonly ActivityFormData Data = new(
        [
            new TypeOption(5, "Käynti", ActivityReferenceData.Visit, "#2e7d32", true, false),
            new TypeOption(11, "Soitto", ActivityReferenceData.Call, "#0277bd", true, false),
            new TypeOption(99, "Vanha tyyppi", null, "#000000", false, true),
        ],
        [new KeywordOption(2, 1, "Negatiivinen", true, false)],
        [new TemplateOption(1, 5, "Käyntiraportti", "Tavoite\n\n\nSovitut asiat\n", false)],
        [new PersonRef(1, "Minna Lehtonen"), new PersonRef(2, "Janne Koskela")]);

    public ActivityComponentTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fi");
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fi-FI");
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await ctx.DisposeAsync();

    private IRenderedComponent<T> Render<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null) where T : Microsoft.AspNetCore.Components.IComponent =>
        parameters is null ? ctx.Render<T>() : ctx.Render<T>(parameters);

    private IRenderedComponent<ActivityForm> RenderForm(ActivityEdit edit, bool isNew) =>
        Render<ActivityForm>(p => p.Add(f => f.Data, Data).Add(f => f.Edit, edit).Add(f => f.IsNew, isNew)
            .Add(f => f.CustomerFixed, true).Add(f => f.CustomerName, "Virtasen Kuljetus Oy"));

    [Fact]
    public async Task Choosing_visit_fills_the_memo_with_goal_and_agreed_items_headings()
    {
        var popovers = Render<MudPopoverProvider>();
        var edit = new ActivityEdit { CustomerId = 7, Date = new DateTime(2026, 3, 11) };
        var form = RenderForm(edit, isNew: true);

        var typeSelect = form.FindComponents<MudSelect<int>>().First();
        await form.InvokeAsync(typeSelect.Instance.OpenMenu);
        var options = popovers.FindAll(".mud-list-item");
        Assert.DoesNotContain(options, o => o.TextContent.Contains("Vanha tyyppi"));
        options.Single(o => o.TextContent.Trim() == "Käynti").Click();

        Assert.Equal(5, edit.TypeId);
        Assert.Equal("Tavoite\n\n\nSovitut asiat\n", edit.Memo);
        form.WaitForAssertion(() => Assert.Contains("Tavoite", form.Find("#activity-memo").GetAttribute("value") ?? form.Find("#activity-memo").TextContent));
    }

    [Fact]
    public async Task A_memo_already_written_is_not_replaced_by_the_template()
    {
        var popovers = Render<MudPopoverProvider>();
        var edit = new ActivityEdit { CustomerId = 7, Memo = "Omat muistiinpanot" };
        var form = RenderForm(edit, isNew: true);
        await form.InvokeAsync(form.FindComponents<MudSelect<int>>().First().Instance.OpenMenu);
        popovers.FindAll(".mud-list-item").Single(o => o.TextContent.Trim() == "Käynti").Click();
        Assert.Equal("Omat muistiinpanot", edit.Memo);
    }

    [Fact]
    public void Type_of_a_saved_activity_is_shown_locked()
    {
        var form = RenderForm(new ActivityEdit { TypeId = 11, CustomerId = 7, Title = "Soitto", Date = new DateTime(2026, 3, 9) }, isNew: false);
        Assert.True(form.FindComponents<MudSelect<int>>().First().Instance.Disabled);
        Assert.Contains("Tyyppi on lukittu", form.Markup);
    }

    [Fact]
    public async Task Saving_without_a_title_shows_the_finnish_message()
    {
        var form = RenderForm(new ActivityEdit { TypeId = 11, CustomerId = 7, Date = new DateTime(2026, 3, 9) }, isNew: true);
        var valid = await form.InvokeAsync(() => form.Instance.ValidateAsync());
        Assert.False(valid);
        form.WaitForAssertion(() => Assert.Contains("Otsikko on pakollinen.", form.Markup));
    }

    [Fact]
    public void Resolution_note_field_appears_for_negative_feedback()
    {
        var form = RenderForm(new ActivityEdit { TypeId = 1, KeywordId = 2, CustomerId = 7, Title = "Moite", Date = new DateTime(2026, 3, 9) }, isNew: false);
        Assert.NotNull(form.Find("#activity-resolution"));
        var call = RenderForm(new ActivityEdit { TypeId = 11, CustomerId = 7, Title = "Soitto", Date = new DateTime(2026, 3, 9) }, isNew: false);
        Assert.Empty(call.FindAll("#activity-resolution"));
    }

    private static CalendarEntry Entry(int id, DateTime start, int minutes, ActivityStatus status, string title) =>
        new(id, start, minutes, title, "Käynti", "#2e7d32", status, false, "Virtasen Kuljetus Oy", ["Minna Lehtonen"]);

    [Fact]
    public void Week_view_puts_each_activity_on_its_day_and_shows_its_status()
    {
        var monday = new DateOnly(2026, 3, 9);
        var grid = Render<CalendarWeekGrid>(p => p.Add(g => g.Monday, monday).Add(g => g.Today, monday.AddDays(1)).Add(g => g.Entries,
        [
            Entry(1, new DateTime(2026, 3, 10, 10, 0, 0), 90, ActivityStatus.Open, "Käynti tiistaina"),
            Entry(2, new DateTime(2026, 3, 12, 13, 0, 0), 30, ActivityStatus.Done, "Soitto torstaina"),
        ]));

        var days = grid.FindAll("[data-testid=calendar-day]");
        Assert.Equal(7, days.Count);
        Assert.Equal("2026-03-10", days[1].GetAttribute("data-date"));
        Assert.Contains("Käynti tiistaina", days[1].TextContent);
        Assert.Contains("○ 10.00", days[1].TextContent);
        Assert.Contains("✓ 13.00", days[3].TextContent);
        Assert.DoesNotContain("Käynti tiistaina", days[3].TextContent);
        Assert.Contains("Vk 11", grid.Markup);
    }

    [Fact]
    public void Overlapping_activities_sit_side_by_side()
    {
        var grid = Render<CalendarWeekGrid>(p => p.Add(g => g.Monday, new DateOnly(2026, 3, 9)).Add(g => g.Entries,
        [
            Entry(1, new DateTime(2026, 3, 10, 10, 0, 0), 120, ActivityStatus.Open, "A"),
            Entry(2, new DateTime(2026, 3, 10, 11, 0, 0), 60, ActivityStatus.Open, "B"),
            Entry(3, new DateTime(2026, 3, 10, 14, 0, 0), 60, ActivityStatus.Open, "C"),
        ]));
        var placed = grid.Instance.Layout(new DateOnly(2026, 3, 10));
        Assert.Equal([0, 1, 0], placed.Select(p => p.Column));
        Assert.Contains("left:50%", grid.FindAll("[data-testid=calendar-entry]")[1].GetAttribute("style"));
    }

    [Fact]
    public void Clicking_an_empty_hour_asks_for_a_new_activity_at_that_time_and_clicking_an_activity_opens_it()
    {
        DateTime? slot = null;
        CalendarEntry? opened = null;
        var grid = Render<CalendarWeekGrid>(p => p.Add(g => g.Monday, new DateOnly(2026, 3, 9))
            .Add(g => g.Entries, [Entry(1, new DateTime(2026, 3, 9, 8, 0, 0), 60, ActivityStatus.Open, "Suunnittelu")])
            .Add(g => g.SlotClicked, (DateTime d) => slot = d).Add(g => g.EntryClicked, (CalendarEntry e) => opened = e));

        grid.FindAll("[data-testid=calendar-day]")[2].QuerySelectorAll(".cal-slot")[3].Click();
        Assert.Equal(new DateTime(2026, 3, 11, 10, 0, 0), slot);
        grid.Find("[data-testid=calendar-entry]").Click();
        Assert.Equal(1, opened?.Id);
    }

    private static readonly CalendarEntry MondayVisit = Entry(1, new DateTime(2026, 3, 9, 10, 30, 0), 60, ActivityStatus.Open, "Käynti");

    /// <summary>The week of 9 March 2026 with one visit on Monday at 10.30; a drop is recorded in <paramref name="moves"/> when given.</summary>
    private IRenderedComponent<CalendarWeekGrid> RenderWeekWithVisit(List<CalendarMove>? moves) =>
        Render<CalendarWeekGrid>(p =>
        {
            p.Add(g => g.Monday, new DateOnly(2026, 3, 9)).Add(g => g.Entries, [MondayVisit]);
            if (moves is not null) p.Add(g => g.EntryMoved, (CalendarMove m) => moves.Add(m));
        });

    [Fact]
    public void Dragging_an_activity_to_another_hour_moves_it_keeping_its_minutes()
    {
        var moves = new List<CalendarMove>();
        var grid = RenderWeekWithVisit(moves);

        Assert.Equal("true", grid.Find("[data-testid=calendar-entry]").GetAttribute("draggable"));
        grid.Find("[data-testid=calendar-entry]").DragStart();
        Assert.Contains("cal-dragging", grid.Find("[data-testid=calendar-week]").ClassName);
        grid.Find("[data-slot='2026-03-12T14']").Drop();

        var moved = Assert.Single(moves);
        Assert.Equal((1, new DateTime(2026, 3, 12, 14, 30, 0)), (moved.Entry.Id, moved.StartsLocal));
        Assert.DoesNotContain("cal-dragging", grid.Find("[data-testid=calendar-week]").ClassName);
    }

    [Fact]
    public void Dropping_an_activity_back_on_its_own_hour_changes_nothing_and_a_read_only_calendar_does_not_drag()
    {
        var moves = new List<CalendarMove>();
        var grid = RenderWeekWithVisit(moves);
        grid.Find("[data-testid=calendar-entry]").DragStart();
        grid.Find("[data-slot='2026-03-09T10']").Drop();
        Assert.Empty(moves);

        var readOnly = RenderWeekWithVisit(moves: null);
        Assert.Equal("false", readOnly.Find("[data-testid=calendar-entry]").GetAttribute("draggable"));
    }

    [Fact]
    public void Dragging_an_activity_to_another_day_of_the_month_keeps_its_time()
    {
        CalendarMove? moved = null;
        var grid = Render<CalendarMonthGrid>(p => p.Add(g => g.Month, new DateOnly(2026, 3, 1))
            .Add(g => g.Entries, [MondayVisit]).Add(g => g.EntryMoved, (CalendarMove m) => moved = m));

        grid.Find("[data-testid=calendar-entry]").DragStart();
        grid.Find("[data-testid=calendar-month-day][data-date='2026-03-17']").Drop();

        Assert.Equal(new DateTime(2026, 3, 17, 10, 30, 0), moved?.StartsLocal);
    }
}
