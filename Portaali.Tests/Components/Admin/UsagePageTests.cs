using System.Globalization;
using Bunit;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using Portaali.Core.Desktops;
using Portaali.Core.Usage;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using Portaali.Web.Components.Pages.Admin.Usage;
using Portaali.Web.Components.Pages.Desktop.Widgets;

namespace Portaali.Tests.Components.Admin;

/// <summary>The usage report page: the half-year presets, dates typed in either culture, the numbers in the group table and
/// its users, the Excel download read back; and the desktop widget's short summary.</summary>
public class UsagePageTests : ComponentHarness
{
    public UsagePageTests() => Services.AddSingleton<TimeProvider>(new FixedClock(CoreHarness.Now)); // 10.3.2026

    private async Task<AppUser> SeedAsync()
    {
        await SignInAsync(UserGroup.Administrator, "Sari Lindqvist");
        var minna = await AddUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        await WithDbAsync(db =>
        {
            long id = 0;
            foreach (var day in new[] { new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 20), new DateOnly(2026, 2, 2), new DateOnly(2026, 3, 9) })
            {
                db.SignInRecords.Add(new SignInRecord { Id = ++id, UserId = minna.Id, LocalDate = day, AtUtc = day.ToDateTime(new TimeOnly(7, 0)) });
                db.UserActiveDays.Add(new UserActiveDay { UserId = minna.Id, Date = day });
            }
            return db.SaveChangesAsync();
        });
        return minna;
    }

    private static AngleSharp.Dom.IElement Input(IRenderedComponent<UsagePage> page, string testId)
    {
        var element = page.Find($"[data-testid={testId}]");
        return element.TagName == "INPUT" ? element : element.QuerySelector("input")!;
    }

    private static List<string> GroupCells(IRenderedComponent<UsagePage> page, UserGroup group) =>
        page.Find($"[data-testid=usage-groups] tr[data-group={group}]").QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();

    [Theory]
    [InlineData("fi-FI", "fi", "1.1.2026–30.6.2026", "1.1.2026", "31.1.2026", "Käyttö 1.1.2026–31.1.2026")]
    [InlineData("en-US", "en", "1/1/2026–6/30/2026", "1/1/2026", "1/31/2026", "Use 1/1/2026–1/31/2026")]
    public async Task A_typed_period_is_read_in_the_users_culture_and_the_table_shows_its_numbers(string culture, string uiCulture,
        string firstHalf, string from, string to, string heading)
    {
        await SeedAsync();
        CultureInfo.CurrentCulture = new(culture);
        CultureInfo.CurrentUICulture = new(uiCulture);

        var page = RenderWithProviders<UsagePage>();

        // Opens on this half-year, offered first among the presets (the second half of 2026 has not begun).
        page.WaitForAssertion(() => Assert.Equal(heading.Split(' ')[0] + " " + firstHalf, page.Find("[data-testid=usage-period]").TextContent.Trim()));
        var presets = page.FindAll("[data-testid=usage-preset]").Select(b => b.TextContent.Trim()).ToList();
        Assert.Equal((3, firstHalf), (presets.Count, presets[0]));
        Assert.Equal(["1", "1", "4", "4", "0", "0", "0", "0", "0"], GroupCells(page, UserGroup.AccountManager));

        Input(page, "usage-from").Change(from);
        Input(page, "usage-to").Change(to);
        page.Find("[data-testid=usage-show]").Click();

        page.WaitForAssertion(() => Assert.Equal(heading, page.Find("[data-testid=usage-period]").TextContent.Trim()));
        Assert.Equal(["1", "1", "2", "2", "0", "0", "0", "0", "0"], GroupCells(page, UserGroup.AccountManager));
        // A group without users is in the table with zeros.
        Assert.Equal(["0", "0", "0", "0", "0", "0", "0", "0", "0"], GroupCells(page, UserGroup.InternationalOperations));
        Assert.Equal("1 / 2", page.Find("[data-testid=usage-months] tr[data-group=AccountManager] td").TextContent.Trim());
    }

    [Fact]
    public async Task An_unreadable_date_is_told_and_kept_for_correcting()
    {
        await SeedAsync();
        var page = RenderWithProviders<UsagePage>();
        page.WaitForAssertion(() => Assert.Equal("Käyttö 1.1.2026–30.6.2026", page.Find("[data-testid=usage-period]").TextContent.Trim()));

        Input(page, "usage-from").Change("31.13.2026");
        page.Find("[data-testid=usage-show]").Click();

        Assert.Equal("Päivämäärä ei kelpaa. Kirjoita se muodossa 30.6.2026.", page.Find("[data-testid=usage-period-error]").TextContent.Trim());
        Assert.Equal("31.13.2026", Input(page, "usage-from").GetAttribute("value"));
        Assert.Equal("Käyttö 1.1.2026–30.6.2026", page.Find("[data-testid=usage-period]").TextContent.Trim());

        Input(page, "usage-from").Change("1.2.2026");
        Input(page, "usage-to").Change("31.1.2026");
        page.Find("[data-testid=usage-show]").Click();
        Assert.Equal("Aikavälin loppupäivä on ennen alkupäivää.", page.Find("[data-testid=usage-period-error]").TextContent.Trim());
    }

    [Fact]
    public async Task A_group_opens_to_its_users_and_the_excel_download_holds_both_tables()
    {
        var minna = await SeedAsync();
        var module = JSInterop.SetupModule("./download.js");
        // The file is open only while the browser takes it: the handler reads it at the call, before the call may finish.
        var content = new MemoryStream();
        var called = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var save = module.SetupVoid("saveFile", call =>
        {
            if (called.Task.IsCompleted) return true;
            ((DotNetStreamReference)call.Arguments[1]!).Stream.CopyTo(content);
            called.TrySetResult((string)call.Arguments[0]!);
            return true;
        });
        var page = RenderWithProviders<UsagePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=usage-group-toggle]")));

        page.Find("[data-testid=usage-groups] tr[data-group=AccountManager] [data-testid=usage-group-toggle]").Click();

        var user = page.Find($"[data-testid=usage-user-row][data-user='{minna.Id}']");
        Assert.Equal(["Minna Lehtonen", "", "", "4", "4", "0", "0", "0", "0", "0"], user.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));

        page.Find("[data-testid=usage-export]").Click();
        Assert.Equal("kayttoraportti-1.1.2026-30.6.2026.xlsx", await called.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        save.SetVoidResult();

        using var book = new XLWorkbook(new MemoryStream(content.ToArray()));
        var groups = book.Worksheet("Käyttäjäryhmät");
        Assert.Equal("Aktiivisia käyttäjiä", groups.Cell(1, 3).GetString());
        var row = groups.RowsUsed().Single(r => r.Cell(1).GetString() == "Asiakasvastaava");
        Assert.Equal([1, 1, 4, 4, 0, 0, 0, 0, 0], Enumerable.Range(2, 9).Select(c => (int)row.Cell(c).GetDouble()));
        Assert.Equal(15, groups.RowsUsed().Count()); // the header and all 14 groups
        var users = book.Worksheet("Käyttäjät");
        var minnaRow = users.RowsUsed().Single(r => r.Cell(1).GetString() == "Minna Lehtonen");
        Assert.Equal(("Asiakasvastaava", "kyllä", 4), (minnaRow.Cell(2).GetString(), minnaRow.Cell(3).GetString(), (int)minnaRow.Cell(4).GetDouble()));
        Assert.Equal(new DateTime(2026, 3, 1), book.Worksheet("Kuukausittain").RowsUsed()
            .Where(r => r.Cell(1).GetString() == "Asiakasvastaava").Select(r => r.Cell(2).GetDateTime()).ElementAt(2));
    }

    [Fact]
    public async Task The_widget_shows_the_last_thirty_days_and_links_to_the_report()
    {
        await SeedAsync();

        var widget = Render<UsageWidget>(p => p.Add(w => w.Placement, new WidgetPlacement(Guid.NewGuid(), WidgetRegistry.Usage, 6, 2)));

        // 9.2.–10.3.2026: the sign-ins of 9 March only; 2 February is older.
        widget.WaitForAssertion(() => Assert.Equal("Viimeiset 30 päivää: 1 aktiivista käyttäjää, 1 kirjautumista",
            widget.Find("[data-testid=usage-widget-total]").TextContent.Trim()));
        Assert.Equal(["Asiakasvastaava", "1", "1"], widget.FindAll("[data-testid=usage-widget-groups] tbody tr th, [data-testid=usage-widget-groups] tbody tr td")
            .Select(c => c.TextContent.Trim()));
        Assert.Equal("/admin/usage", widget.Find("[data-testid=usage-widget-link]").GetAttribute("href"));
    }
}
