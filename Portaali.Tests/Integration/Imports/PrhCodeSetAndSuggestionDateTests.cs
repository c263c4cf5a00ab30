using Microsoft.EntityFrameworkCore;
using Portaali.Core.Classifications;
using Portaali.Core.Data;
using Portaali.Core.Imports;
using Portaali.Core.Suggestions;
using Portaali.Core.Users;
using Portaali.Tests.Imports;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Imports;

/// <summary>What the PRH import leaves on a customer: suggestions dated by the app clock, and each industry code in its own
/// code set, never over the college's TOL 2008 code or its own classification.</summary>
public class PrhCodeSetAndSuggestionDateTests : IAsyncLifetime
{
    private PrhStub stub = null!;
    private CoreHarness h = null!;
    private string folder = "";

    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    public async Task InitializeAsync()
    {
        stub = await PrhStub.StartAsync();
        (h, folder) = await ImportHarness.CreateAsync(stub.BaseUrl, provider: DatabaseProvider);
    }

    public async Task DisposeAsync()
    {
        await h.DisposeAsync();
        await stub.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private async Task RunPrhAsync()
    {
        await h.SignInAsAsync(UserGroup.Administrator);
        await h.Service<ImportService>().StartAsync(ImportSource.PrhApi, ImportMode.Apply);
        await h.RunQueuedAsync();
    }

    [Fact]
    public async Task A_passivation_suggestion_from_the_import_is_dated_by_the_app_clock()
    {
        var customer = await h.AddCustomerAsync("Vanha Nimi Oy", "1234567-1");
        stub.Serve("1234567-1", "prh-company-renamed-bankrupt.json");
        var manager = await h.CreateUserAsync(UserGroup.AccountManager);
        await h.AddResponsibleAsync(customer.Id, manager.Id);

        await RunPrhAsync();

        h.SignInAs(manager);
        var suggestion = Assert.Single(await h.Service<SuggestionService>().ListOpenAsync());
        Assert.Equal(CoreHarness.Now.UtcDateTime, suggestion.CreatedAt);
        Assert.Equal(CoreHarness.Now.UtcDateTime, Assert.Single(await h.Service<SuggestionService>().ListOpenForCustomerAsync(customer.Id)).CreatedAt);
    }

    [Fact]
    public async Task The_database_refuses_a_suggestion_without_a_date()
    {
        var customer = await h.AddCustomerAsync("Vanha Nimi Oy", "1234567-1");
        await using var db = h.Db();
        db.Suggestions.Add(new Suggestion { CustomerId = customer.Id, Kind = SuggestionKind.Passivate, Code = "KONK", Reason = "x", CreatedAt = default });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task A_TOL_2025_main_line_keeps_its_own_code_set_and_leaves_the_TOL_2008_code_and_the_colleges_classification_alone()
    {
        var customer = await h.AddCustomerAsync("Vanha Nimi Oy", "1234567-1", configure: c => c.IndustryCode = "62020");
        await using (var db = h.Db())
        {
            var own = new ClassificationNode { Name = "Tietotekniikka", Target = ClassificationTarget.Customer };
            db.ClassificationNodes.Add(own);
            await db.SaveChangesAsync();
            db.CustomerClassifications.Add(new CustomerClassification { CustomerId = customer.Id, NodeId = own.Id, AssignedAt = CoreHarness.Now.UtcDateTime });
            await db.SaveChangesAsync();
        }
        // First the register gives a TOL 2008 main line, later a TOL 2025 one (as PRH did from 2026).
        stub.Serve("1234567-1", "prh-company-renamed-bankrupt.json", lastModified: "2025-01-01T00:00:00",
            edit: json => json.Replace("\"TOIMI4\"", "\"TOIMI3\"").Replace("\"62010\"", "\"62020\""));
        await RunPrhAsync();
        stub.Serve("1234567-1", "prh-company-renamed-bankrupt.json");
        await RunPrhAsync();

        var details = await h.Customers.GetAsync(customer.Id);
        Assert.Equal("62020", details.IndustryCode); // the TOL 2008 field holds only TOL 2008 codes
        var profile = await h.Service<CompanyProfileService>().GetAsync(customer.Id);
        Assert.Equal(("62010", "TOIMI4", "TOL 2025"), (profile!.MainLineCode, profile.IndustryCodeSet, profile.IndustryCodeSetLabel));
        var paths = details.Classifications.Select(k => k.Path).ToList();
        Assert.Contains("Tietotekniikka", paths);
        Assert.Contains(paths, p => p.StartsWith("Toimiala (YTJ) › 62020 ", StringComparison.Ordinal) && p.EndsWith("(TOL 2008)", StringComparison.Ordinal));
        Assert.Contains("Toimiala (YTJ) › 62010 Ohjelmistojen suunnittelu ja valmistus (TOL 2025)", paths);
    }

    [Fact]
    public async Task A_TOL_2008_main_line_from_the_register_updates_the_TOL_2008_code()
    {
        var customer = await h.AddCustomerAsync("Vanha Nimi Oy", "1234567-1", configure: c => c.IndustryCode = "62090");
        stub.Serve("1234567-1", "prh-company-renamed-bankrupt.json", edit: json => json.Replace("\"TOIMI4\"", "\"TOIMI3\""));

        await RunPrhAsync();

        Assert.Equal("62010", (await h.Customers.GetAsync(customer.Id)).IndustryCode);
        var profile = await h.Service<CompanyProfileService>().GetAsync(customer.Id);
        Assert.Equal("TOL 2008", profile!.IndustryCodeSetLabel);
    }
}
