using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Campaigns;
using Portaali.Core.Common;
using Portaali.Core.Contacts;
using Portaali.Core.Customers;
using Portaali.Core.Desktops;
using Portaali.Core.Imports;
using Portaali.Core.Selections;
using Portaali.Core.Usage;
using Portaali.Core.Users;
using Portaali.Tests.Imports;
using Portaali.Web.Components.Pages.Desktop.Widgets;

namespace Portaali.Tests.Components.Desktop;

/// <summary>Marketing's and the administrator's widgets (saved selections, campaigns, import status, users) rendered alone
/// over real Core services and a real SQLite file; and Core refusing their data to a role without the widget's policy.</summary>
public class MarketingAndAdminWidgetTests : ComponentHarness
{
    private readonly string importFolder = Path.Combine(Path.GetTempPath(), $"portaali-widget-imports-{Guid.NewGuid():N}");

    private sealed class NoSchedule : IImportSchedule
    {
        public IReadOnlyDictionary<ImportSource, ScheduledImport> Current() => new Dictionary<ImportSource, ScheduledImport>();
    }

    public MarketingAndAdminWidgetTests()
    {
        Services.AddSingleton<IImportQueue, RecordingImportQueue>();
        Services.AddSingleton<IImportSchedule, NoSchedule>();
        Services.Configure<ImportOptions>(o => o.DataFolder = importFolder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(importFolder)) Directory.Delete(importFolder, recursive: true);
    }

    private static WidgetPlacement Placement(string key, int height = 2) => new(Guid.NewGuid(), key, 6, height);

    private static string Text(AngleSharp.Dom.IElement e) =>
        System.Text.RegularExpressions.Regex.Replace(e.TextContent.Replace('\u00a0', ' ').Replace('\u202f', ' '), @"\s+", " ").Trim();

    private async Task<int> SelectionAsync(AppUser owner, string name, DateTime updated, SelectionKind kind = SelectionKind.Dynamic,
        bool shared = false, DateTime? exported = null)
    {
        var selection = new Selection
        {
            Name = name, Kind = kind, Target = SelectionTarget.Customers, OwnerUserId = owner.Id, IsShared = shared,
            CreatedAtUtc = updated, UpdatedAtUtc = updated, LastExportedAtUtc = exported,
        };
        await WithDbAsync(db => { db.Selections.Add(selection); return db.SaveChangesAsync(); });
        return selection.Id;
    }

    private Task StarAsync(AppUser user, int selectionId) => WithDbAsync(db =>
    {
        db.SelectionFavourites.Add(new SelectionFavourite { UserId = user.Id, SelectionId = selectionId, AddedAtUtc = DateTime.UtcNow });
        return db.SaveChangesAsync();
    });

    [Fact]
    public async Task Selections_widget_lists_the_users_own_and_starred_selections_favourites_first()
    {
        var other = await AddUserAsync(UserGroup.Communications, "Viestijä Ville");
        var me = await SignInAsync(UserGroup.SalesAndMarketing, "Markku Markkinoija");
        var now = DateTime.UtcNow;
        var old = await SelectionAsync(me, "Vanha poiminta", now.AddDays(-30));
        var list = await SelectionAsync(me, "Messukävijät", now.AddDays(-20), SelectionKind.Static, exported: new DateTime(2026, 11, 30, 10, 15, 0, DateTimeKind.Utc));
        await SelectionAsync(me, "Uusin poiminta", now.AddDays(-1));
        var shared = await SelectionAsync(other, "Jaettu ja tähditetty", now.AddDays(-10), shared: true);
        await SelectionAsync(other, "Jaettu muttei tähditetty", now, shared: true);
        await SelectionAsync(other, "Yksityinen", now);
        await StarAsync(me, list);
        await StarAsync(me, shared);

        var widget = Render<SelectionsWidget>(p => p.Add(w => w.Placement, Placement(WidgetRegistry.Selections)));

        widget.WaitForAssertion(() => Assert.Equal(4, widget.FindAll("[data-testid=selections-widget-row]").Count));
        var rows = widget.FindAll("[data-testid=selections-widget-row]");
        Assert.Equal(["Suosikki Jaettu ja tähditetty · Dynaaminen poiminta Asiakkaat ei viety",
                      "Suosikki Messukävijät · Staattinen lista Asiakkaat 30.11.2026 12.15",
                      "Uusin poiminta · Dynaaminen poiminta Asiakkaat ei viety",
                      "Vanha poiminta · Dynaaminen poiminta Asiakkaat ei viety"], rows.Select(Text));
        Assert.Equal(2, widget.FindAll("[data-testid=selections-widget-star]").Count);
        Assert.Equal($"/lists/{list}", rows[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal($"/selections/{old}", rows[3].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("/selections/new", widget.Find("[data-testid=selections-widget-new]").GetAttribute("href"));
        Assert.Equal("Kaikki poiminnat ja listat (omia ja suosikkeja 4)", Text(widget.Find("[data-testid=widget-all-link]")));

        // One row of the grid: the favourite comes first and the rest wait behind the link.
        var small = Render<SelectionsWidget>(p => p.Add(w => w.Placement, Placement(WidgetRegistry.Selections, height: 1)));
        small.WaitForAssertion(() => Assert.Single(small.FindAll("[data-testid=selections-widget-row]")));
        Assert.StartsWith("Suosikki Jaettu ja tähditetty", Text(small.Find("[data-testid=selections-widget-row]")));
    }

    [Fact]
    public async Task Selections_widget_invites_a_first_selection_when_there_is_none()
    {
        await SignInAsync(UserGroup.AccountManager);

        var widget = Render<SelectionsWidget>(p => p.Add(w => w.Placement, Placement(WidgetRegistry.Selections)));

        widget.WaitForAssertion(() => Assert.Equal("Sinulla ei ole vielä tallennettuja poimintoja tai listoja.", Text(widget.Find("[data-testid=selections-widget-empty]"))));
        Assert.Equal("/selections/new", widget.Find("[data-testid=selections-widget-new]").GetAttribute("href"));
    }

    [Fact]
    public async Task Campaigns_widget_shows_the_campaigns_under_way_with_their_members_per_step()
    {
        var me = await SignInAsync(UserGroup.SalesAndMarketing, "Markku Markkinoija");
        var today = Portaali.Core.Calendar.HelsinkiTime.Today(TimeProvider.System);
        var now = DateTime.UtcNow;
        var customer = await AddCustomerAsync("Espoon Kone Oy");
        var contacts = new List<int>();
        foreach (var name in new[] { "Aino", "Bertta", "Cecilia" })
        {
            var contact = new Contact { CustomerId = customer, FirstName = name, LastName = "Kone", NameSearch = CustomerRules.SearchForm(name + " Kone") };
            await WithDbAsync(db => { db.Contacts.Add(contact); return db.SaveChangesAsync(); });
            contacts.Add(contact.Id);
        }
        Campaign C(string name, CampaignKind kind, DateOnly? day, DateTime updated) =>
            new() { Name = name, Kind = kind, EventDate = day, OwnerUserId = me.Id, CreatedAtUtc = updated, UpdatedAtUtc = updated };
        var seminar = C("Kevätseminaari", CampaignKind.Event, today.AddDays(10), now.AddDays(-40));
        seminar.Members =
        [
            new() { ContactId = contacts[0], CustomerId = customer, Step = CampaignStep.Invited },
            new() { ContactId = contacts[1], CustomerId = customer, Step = CampaignStep.Registered },
            new() { ContactId = contacts[2], CustomerId = customer, Step = CampaignStep.Added },
        ];
        var mailing = C("Joulutervehdys", CampaignKind.Mailing, null, now.AddDays(-2));
        await WithDbAsync(db =>
        {
            db.Campaigns.AddRange(seminar, mailing, C("Syysseminaari", CampaignKind.Event, today.AddDays(-1), now),
                C("Vanha postitus", CampaignKind.Mailing, null, now.AddDays(-ManagementWidgetQueries.UndatedCampaignDays - 1)));
            return db.SaveChangesAsync();
        });

        var widget = Render<CampaignsWidget>(p => p.Add(w => w.Placement, Placement(WidgetRegistry.Campaigns)));

        widget.WaitForAssertion(() => Assert.Equal(2, widget.FindAll("[data-testid=campaigns-widget-row]").Count));
        var rows = widget.FindAll("[data-testid=campaigns-widget-row]");
        Assert.StartsWith($"Kevätseminaari · Tapahtuma {today.AddDays(10):d.M.yyyy}", Text(rows[0]));
        Assert.Equal("Jäseniä 3 · Kutsuttu 1 · Ilmoittautunut 1 · Osallistui 0 · Ei saapunut 0", Text(rows[0].QuerySelector("[data-testid=campaigns-widget-steps]")!));
        Assert.Equal($"/campaigns/{seminar.Id}", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.StartsWith("Joulutervehdys · Postitus", Text(rows[1]));
        Assert.Equal("/campaigns", widget.Find("[data-testid=widget-all-link]").GetAttribute("href"));
    }

    [Fact]
    public async Task Import_status_widget_puts_a_failed_run_first_links_its_rejected_rows_and_counts_waiting_files()
    {
        await SignInAsync(UserGroup.Administrator);
        async Task<int> RunAsync(ImportSource source, ImportMode mode, ImportStatus status, int failed)
        {
            var run = new ImportRun
            {
                Source = source, Mode = mode, Trigger = ImportTrigger.Scheduled, Status = status, StartedByName = "Ajastus",
                QueuedAt = new DateTime(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc), Created = 2, Updated = 5, Failed = failed,
            };
            await WithDbAsync(db => { db.ImportRuns.Add(run); return db.SaveChangesAsync(); });
            return run.Id;
        }
        await RunAsync(ImportSource.BusinessInfoCsv, ImportMode.Apply, ImportStatus.Succeeded, failed: 0);
        var failedRun = await RunAsync(ImportSource.PrhApi, ImportMode.Apply, ImportStatus.Failed, failed: 3);
        await RunAsync(ImportSource.WorkPlacementCsv, ImportMode.DryRun, ImportStatus.Succeeded, failed: 0); // a dry run is not a run
        var options = Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ImportOptions>>().Value;
        Directory.CreateDirectory(options.FolderOf(ImportSource.BusinessInfoCsv));
        await File.WriteAllTextAsync(Path.Combine(options.FolderOf(ImportSource.BusinessInfoCsv), "yritykset.csv"), "y-tunnus\n");

        var widget = Render<ImportStatusWidget>(p => p.Add(w => w.Placement, Placement(WidgetRegistry.ImportStatus)));

        widget.WaitForAssertion(() => Assert.Equal(4, widget.FindAll("[data-testid=import-widget-row]").Count));
        var rows = widget.FindAll("[data-testid=import-widget-row]");
        Assert.StartsWith("YTJ-rajapinta Epäonnistui 22.11.2026 2.00", Text(rows[0]));
        Assert.Contains("2 uutta, 5 päivitettyä", Text(rows[0].QuerySelector("[data-testid=import-widget-counts]")!));
        var rejected = rows[0].QuerySelector("[data-testid=import-widget-rejected]")!;
        Assert.Equal("Hylättyjä rivejä 3", Text(rejected));
        Assert.Equal($"/admin/imports?run={failedRun}", rejected.GetAttribute("href"));
        var business = rows.Single(r => Text(r).StartsWith("Yritystiedot (CSV)"));
        Assert.Contains("Onnistui", Text(business));
        Assert.Equal("tiedostoja 1", Text(business.QuerySelector("[data-testid=import-widget-waiting]")!));
        Assert.Empty(business.QuerySelectorAll("[data-testid=import-widget-rejected]"));
        var placement = rows.Single(r => Text(r).StartsWith("Työssäoppimisjärjestelmä (TOP)"));
        Assert.Contains("Ei vielä ajettu", Text(placement));
        Assert.Equal("ei tiedostoja", Text(placement.QuerySelector("[data-testid=import-widget-waiting]")!));
        Assert.Equal("/admin/imports", widget.Find("[data-testid=widget-all-link]").GetAttribute("href"));
    }

    [Fact]
    public async Task The_rejected_rows_link_opens_that_runs_rejected_rows_on_the_imports_page()
    {
        await SignInAsync(UserGroup.Administrator);
        var run = new ImportRun
        {
            Source = ImportSource.BusinessInfoCsv, Mode = ImportMode.Apply, Trigger = ImportTrigger.Manual, Status = ImportStatus.CompletedWithErrors,
            StartedByName = "Pää Käyttäjä", QueuedAt = DateTime.UtcNow, Failed = 1,
        };
        await WithDbAsync(async db =>
        {
            db.ImportRuns.Add(run);
            await db.SaveChangesAsync();
            db.ImportRowErrors.Add(new ImportRowError { RunId = run.Id, Line = 7, Key = "1234567-8", Message = "Y-tunnus ei kelpaa" });
            await db.SaveChangesAsync();
        });
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"/admin/imports?run={run.Id}");

        var page = RenderWithProviders<Portaali.Web.Components.Pages.Admin.Imports.ImportsPage>();

        page.WaitForAssertion(() => Assert.Contains("Y-tunnus ei kelpaa", Text(page.Find("[data-testid=run-errors]"))));
        Assert.StartsWith($"#{run.Id} ", Text(page.Find("[data-testid=run-details] h6")));
    }

    [Fact]
    public async Task Users_widget_counts_each_group_and_who_never_signed_in()
    {
        var admin = await SignInAsync(UserGroup.Administrator, "Pää Käyttäjä");
        var aino = await AddUserAsync(UserGroup.AccountManager, "Aino Asiakasvastaava");
        await AddUserAsync(UserGroup.AccountManager, "Bertta Asiakasvastaava");
        var gone = await AddUserAsync(UserGroup.AccountManager, "Cecilia Lähtenyt");
        await WithDbAsync(db =>
        {
            db.Users.Attach(gone).Entity.IsActive = false;
            db.SignInRecords.AddRange(new SignInRecord { UserId = admin.Id, AtUtc = DateTime.UtcNow, LocalDate = new DateOnly(2026, 12, 1) },
                new SignInRecord { UserId = aino.Id, AtUtc = DateTime.UtcNow, LocalDate = new DateOnly(2026, 12, 1) });
            return db.SaveChangesAsync();
        });
        var before = await WithDbAsync(db => Task.FromResult(db.Users.Count(u => u.IsActive)));

        var widget = Render<UsersWidget>(p => p.Add(w => w.Placement, Placement(WidgetRegistry.Users)));

        widget.WaitForAssertion(() => Assert.NotEmpty(widget.FindAll("[data-testid=users-widget-row]")));
        var rows = widget.FindAll("[data-testid=users-widget-row]").Select(Text).ToList();
        Assert.Contains("Asiakasvastaava 2 1", rows);
        Assert.Contains("Pääkäyttäjä 1 0", rows);
        Assert.Equal($"Aktiivisia käyttäjiä {before}, ei-aktiivisia 1", Text(widget.Find("[data-testid=users-widget-total]")));
        // Everyone active but the administrator and Aino has no sign-in recorded (Bertta, and any users the database came with).
        Assert.EndsWith($": {before - 2}", Text(widget.Find("[data-testid=users-widget-never]")));
        Assert.Equal("/admin/users", widget.Find("[data-testid=widget-all-link]").GetAttribute("href"));
    }

    [Fact]
    public async Task Core_refuses_marketing_and_administrator_widgets_data_to_roles_without_their_policy()
    {
        await SignInAsync(UserGroup.AccountManager);
        var queries = Services.GetRequiredService<ManagementWidgetQueries>();
        await Assert.ThrowsAsync<ForbiddenException>(() => queries.CurrentCampaignsAsync(5));
        await Assert.ThrowsAsync<ForbiddenException>(() => queries.UserCountsAsync());

        await SignInAsync(UserGroup.Management);
        await Assert.ThrowsAsync<ForbiddenException>(() => Services.GetRequiredService<ImportService>().GetOverviewAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => queries.UserCountsAsync());
        Assert.Equal(0, (await queries.CurrentCampaignsAsync(5)).TotalCount);
    }
}
