using Microsoft.EntityFrameworkCore;
using Portaali.Core.Data;
using Portaali.Core.Imports;
using Portaali.Core.Suggestions;
using Portaali.Core.Users;
using Portaali.Tests.Imports;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Imports;

/// <summary>The per-customer PRH enrichment against a local HTTP stub of the API.</summary>
public class PrhApiImportTests : IAsyncLifetime
{
    private PrhStub stub = null!;
    private CoreHarness h = null!;
    private string folder = "";

    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    public async Task InitializeAsync()
    {
        stub = await PrhStub.StartAsync();
        (h, folder) = await ImportHarness.CreateAsync(stub.BaseUrl, batchSize: 2, provider: DatabaseProvider);
    }

    public async Task DisposeAsync()
    {
        await h.DisposeAsync();
        await stub.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private async Task<int> StartAsync(ImportMode mode)
    {
        var id = await h.Service<ImportService>().StartAsync(ImportSource.PrhApi, mode);
        await h.RunQueuedAsync();
        return id;
    }

    [Fact]
    public async Task Dry_run_shows_field_changes_and_changes_nothing_then_the_run_applies_them()
    {
        var customer = await h.AddCustomerAsync("Vanha Nimi Oy", "1234567-1", configure: c => c.Website = "https://vanha.fi");
        stub.Serve("1234567-1", "prh-company-renamed-bankrupt.json");
        await h.SignInAsAsync(UserGroup.Administrator);
        var imports = h.Service<ImportService>();

        var dry = await StartAsync(ImportMode.DryRun);

        var run = await imports.GetRunAsync(dry);
        Assert.Equal(ImportStatus.Succeeded, run.Status);
        Assert.Equal((0, 1, 0, 0), (run.Created, run.Updated, run.Unchanged, run.Failed));
        var change = Assert.Single((await imports.GetChangesAsync(dry, 0, 50)).Items);
        Assert.Contains(change.Changes, c => c is { Field: "Name", Old: "Vanha Nimi Oy", New: "Uusi Nimi Oy" });
        Assert.Contains(change.Changes, c => c is { Field: "Website", Old: "https://vanha.fi", New: "https://www.uusinimi.fi" });
        Assert.Contains(change.Changes, c => c is { Field: "IndustryCodeSet", Old: null, New: "TOIMI4" });
        Assert.Contains(change.Changes, c => c is { Field: "MainLineCode", Old: null, New: "62010" });
        Assert.DoesNotContain(change.Changes, c => c.Field == "IndustryCode"); // a TOL 2025 code is not a TOL 2008 code
        Assert.Contains(change.Changes, c => c.Field == "Suggestion");
        await using (var db = h.Db())
        {
            Assert.Equal("Vanha Nimi Oy", (await db.Customers.SingleAsync()).Name);
            Assert.Empty(await db.CompanyProfiles.ToListAsync());
            Assert.Empty(await db.Suggestions.ToListAsync());
        }

        var applied = await imports.ApplyDryRunAsync(dry);
        await h.RunQueuedAsync();

        Assert.Equal(ImportStatus.Succeeded, (await imports.GetRunAsync(applied)).Status);
        var details = await h.Customers.GetAsync(customer.Id);
        Assert.Equal("Uusi Nimi Oy", details.Name);
        Assert.Equal("Oy", details.CompanyForm);
        Assert.Null(details.IndustryCode);
        Assert.Equal("Mannerheimintie 12 B 34, 00100 Helsinki", details.VisitingAddress.ToString());
        Assert.Equal("PL 123, 00101 Helsinki", details.PostalAddress.ToString());
        Assert.Contains(details.Classifications, k => k.Path == "Toimiala (YTJ) › 62010 Ohjelmistojen suunnittelu ja valmistus (TOL 2025)");
        Assert.False(details.IsPassive); // flagged, never passivated silently
        await using var check = h.Db();
        var profile = await check.CompanyProfiles.SingleAsync();
        Assert.Equal("Vanha Nimi Oy", profile.FormerNames);
        Assert.Equal("KONK 2025-11-03", profile.Situations);
    }

    [Fact]
    public async Task A_429_is_waited_out_and_the_company_still_comes_in()
    {
        var customer = await h.AddCustomerAsync("Vanha Nimi Oy", "1234567-1");
        stub.Serve("1234567-1", "prh-company-renamed-bankrupt.json");
        stub.TooManyOnce["1234567-1"] = true;
        await h.SignInAsAsync(UserGroup.Administrator);

        var id = await StartAsync(ImportMode.Apply);

        Assert.Equal(2, stub.Requests.Count(r => r == "1234567-1"));
        Assert.Equal(ImportStatus.Succeeded, (await h.Service<ImportService>().GetRunAsync(id)).Status);
        Assert.Equal("Uusi Nimi Oy", (await h.Customers.GetAsync(customer.Id)).Name);
    }

    [Fact]
    public async Task Second_run_on_unchanged_records_changes_nothing()
    {
        await h.AddCustomerAsync("Vanha Nimi Oy", "1234567-1");
        await h.AddCustomerAsync("Pieni Toiminimi", "2345678-0");
        stub.Serve("1234567-1", "prh-company-renamed-bankrupt.json");
        stub.Serve("2345678-0", "prh-company-minimal.json");
        await h.SignInAsAsync(UserGroup.Administrator);
        var imports = h.Service<ImportService>();

        var first = await imports.GetRunAsync(await StartAsync(ImportMode.Apply));
        int audits, suggestions;
        await using (var db = h.Db()) (audits, suggestions) = (await db.AuditEntries.CountAsync(), await db.Suggestions.CountAsync());
        var second = await imports.GetRunAsync(await StartAsync(ImportMode.Apply));

        Assert.Equal((1, 1), (first.Updated, first.Unchanged));
        Assert.Equal((0, 2), (second.Updated, second.Unchanged));
        await using var check = h.Db();
        Assert.Equal(audits, await check.AuditEntries.CountAsync());
        Assert.Equal(suggestions, await check.Suggestions.CountAsync());
    }

    [Fact]
    public async Task Customer_unknown_to_PRH_or_with_a_broken_business_id_is_a_reported_row_and_the_rest_go_on()
    {
        using var _ = UiCulture.Finnish();
        var unknown = await h.AddCustomerAsync("Tuntematon Oy", "4567890-7");
        var broken = await h.AddCustomerAsync("Väärä Oy", "1234567-2");
        await h.AddCustomerAsync("Vanha Nimi Oy", "1234567-1");
        stub.Serve("1234567-1", "prh-company-renamed-bankrupt.json");
        await h.SignInAsAsync(UserGroup.Administrator);
        var imports = h.Service<ImportService>();

        var id = await StartAsync(ImportMode.Apply);

        var run = await imports.GetRunAsync(id);
        Assert.Equal(ImportStatus.CompletedWithErrors, run.Status);
        Assert.Equal((1, 2), (run.Updated, run.Failed));
        var errors = (await imports.GetErrorsAsync(id, 0, 50)).Items;
        Assert.Contains(errors, e => e.Line == unknown.Id && e.Message == "Y-tunnusta 4567890-7 ei löydy YTJ:stä.");
        Assert.Contains(errors, e => e.Line == broken.Id && e.Message.Contains("tarkist", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("1234567-2", stub.Requests); // never asked PRH about an id that cannot exist
    }

    [Fact]
    public async Task Bankrupt_company_shows_a_passivation_suggestion_to_its_responsible_person_who_can_accept_it()
    {
        var customer = await h.AddCustomerAsync("Vanha Nimi Oy", "1234567-1");
        var manager = await h.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var other = await h.CreateUserAsync(UserGroup.AccountManager, "Pekka Muu");
        await h.AddResponsibleAsync(customer.Id, manager.Id);
        stub.Serve("1234567-1", "prh-company-renamed-bankrupt.json");
        await h.SignInAsAsync(UserGroup.Administrator);
        await StartAsync(ImportMode.Apply);
        var suggestions = h.Service<SuggestionService>();

        h.SignInAs(other);
        Assert.Empty(await suggestions.ListOpenAsync());
        h.SignInAs(manager);
        var item = Assert.Single(await suggestions.ListOpenAsync());
        Assert.Equal(SuggestionKind.Passivate, item.Kind);
        Assert.StartsWith("Konkurssi YTJ:n mukaan", item.Reason);

        h.SignInAs(other);
        await Assert.ThrowsAsync<Portaali.Core.Common.ForbiddenException>(() => suggestions.AcceptAsync(item.Id));
        h.SignInAs(manager);
        await suggestions.AcceptAsync(item.Id);

        var details = await h.Customers.GetAsync(customer.Id);
        Assert.True(details.IsPassive);
        Assert.Equal(item.Reason, details.PassivationReason);
        Assert.Empty(await suggestions.ListOpenAsync());
    }

    [Fact]
    public async Task A_run_stopped_mid_way_keeps_whole_batches_and_the_next_run_resumes_after_them()
    {
        var ids = new List<string> { "1234567-1", "2345678-0", "4567890-7", "5678901-2", "6789012-4" };
        foreach (var (bid, i) in ids.Select((b, i) => (b, i)))
        {
            await h.AddCustomerAsync($"Vanha {i} Oy", bid);
            stub.Serve(bid, "prh-company-minimal.json", edit: json => json.Replace("Pieni Toiminimi", $"Uusi {i} Oy"));
        }
        await h.SignInAsAsync(UserGroup.Administrator);
        var imports = h.Service<ImportService>();
        using var shutdown = new CancellationTokenSource();
        stub.OnRequest = bid => { if (bid == "5678901-2") shutdown.Cancel(); }; // the app stops while asking for the 4th

        var first = await imports.StartAsync(ImportSource.PrhApi, ImportMode.Apply);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Service<ImportJobs>().ExecuteAsync(first, shutdown.Token));
        stub.OnRequest = null;

        await using (var db = h.Db())
        {
            // Batch size 2: customers 1–2 were committed; the 3rd was processed but its batch never committed.
            Assert.Equal(["Uusi 0 Oy", "Uusi 1 Oy", "Vanha 2 Oy", "Vanha 3 Oy", "Vanha 4 Oy"],
                await db.Customers.OrderBy(c => c.Id).Select(c => c.Name).ToListAsync());
            // A crash leaves the run "running"; at the next start it is marked interrupted.
            await db.ImportRuns.Where(r => r.Id == first).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ImportStatus.Running));
        }
        await h.Service<ImportJobs>().MarkInterruptedAsync();
        Assert.Equal(ImportStatus.Interrupted, (await imports.GetRunAsync(first)).Status);
        while (stub.Requests.TryDequeue(out _)) { }

        var second = await StartAsync(ImportMode.Apply);

        var run = await imports.GetRunAsync(second);
        Assert.Equal(first, run.ResumedFromRunId);
        Assert.Equal(3, run.Updated);
        Assert.Equal(["4567890-7", "5678901-2", "6789012-4"], stub.Requests.ToList());
        await using var check = h.Db();
        Assert.Equal(["Uusi 0 Oy", "Uusi 1 Oy", "Uusi 2 Oy", "Uusi 3 Oy", "Uusi 4 Oy"],
            await check.Customers.OrderBy(c => c.Id).Select(c => c.Name).ToListAsync());
    }

    [Fact]
    public async Task Only_administrators_start_imports()
    {
        await h.SignInAsAsync(UserGroup.AccountManager);
        await Assert.ThrowsAsync<Portaali.Core.Common.ForbiddenException>(() => h.Service<ImportService>().StartAsync(ImportSource.PrhApi, ImportMode.DryRun));
        h.SignOut();
        await Assert.ThrowsAsync<Portaali.Core.Common.ForbiddenException>(() => h.Service<ImportService>().ListRunsAsync(0, 20));
    }
}
