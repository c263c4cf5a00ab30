using Microsoft.EntityFrameworkCore;
using Portaali.Core.Data;
using Portaali.Core.Imports;
using Portaali.Core.Suggestions;
using Portaali.Core.Users;
using Portaali.Tests.Imports;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Imports;

/// <summary>Sites the TOP import brings in get a responsible person, so their suggestions reach someone: the configured
/// work-placement coordinator, else the customer relationship manager.</summary>
public class WorkPlacementResponsibleTests : IAsyncLifetime
{
    private CoreHarness h = null!;
    private string folder = "";

    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    public Task InitializeAsync() => Task.CompletedTask;

    private async Task StartAsync(string? coordinatorEmail) =>
        (h, folder) = await ImportHarness.CreateAsync(configure: o => o.WorkPlacement.DefaultResponsibleEmail = coordinatorEmail, provider: DatabaseProvider);

    public async Task DisposeAsync()
    {
        await h.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private async Task<ImportRunRow> RunAsync(ImportMode mode)
    {
        await using var file = File.OpenRead(Fixtures.PathOf("work-placement.csv"));
        var id = await h.Service<ImportService>().StartUploadAsync(ImportSource.WorkPlacementCsv, "top.csv", file, mode);
        await h.RunQueuedAsync();
        return await h.Service<ImportService>().GetRunAsync(id);
    }

    private async Task<List<string>> ResponsiblesOfAsync(string customerName)
    {
        await using var db = h.Db();
        var id = await db.Customers.Where(c => c.Name == customerName).Select(c => c.Id).SingleAsync();
        return await db.CustomerResponsibles.Where(r => r.CustomerId == id).Select(r => r.User!.DisplayName).OrderBy(n => n).ToListAsync();
    }

    [Fact]
    public async Task Configured_coordinator_becomes_responsible_for_new_and_unowned_sites_and_sees_their_suggestion()
    {
        await StartAsync("Liisa.Koordinaattori@Omnia-Demo.fi");
        using var _ = UiCulture.Finnish();
        var coordinator = await h.CreateUserAsync(UserGroup.ProjectOperations, "Liisa Koordinaattori");
        await using (var db = h.Db())
        {
            var user = await db.Users.SingleAsync(u => u.Id == coordinator.Id);
            user.Email = "liisa.koordinaattori@omnia-demo.fi";
            await db.SaveChangesAsync();
        }
        await h.CreateUserAsync(UserGroup.CustomerRelationshipManager, "Arto Miettinen");
        var owner = await h.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        await h.AddCustomerAsync("Espoon Sähkötyö Oy", "6789012-4", municipalityCode: "049");
        await h.SignInAsAsync(UserGroup.Administrator);

        var dry = await RunAsync(ImportMode.DryRun);
        var changes = (await h.Service<ImportService>().GetChangesAsync(dry.Id, 0, 50)).Items;
        Assert.All(changes, c => Assert.Contains(c.Changes, f => f.Field == ImportChanges.ResponsibleField && f.Old is null && f.New == "Liisa Koordinaattori"));
        Assert.Equal("Vastuuhenkilö", ImportFieldNames.Display(ImportChanges.ResponsibleField));
        Assert.Empty(await ResponsiblesOfAsync("Espoon Sähkötyö Oy"));

        await RunAsync(ImportMode.Apply);

        Assert.Equal(["Liisa Koordinaattori"], await ResponsiblesOfAsync("Päiväkoti Satakieli"));
        Assert.Equal(["Liisa Koordinaattori"], await ResponsiblesOfAsync("Espoon Sähkötyö Oy"));
        h.SignInAs(coordinator);
        var suggestion = Assert.Single(await h.Service<SuggestionService>().ListOpenAsync());
        Assert.Equal(("Päiväkoti Satakieli", SuggestionKind.SegmentB), (suggestion.CustomerName, suggestion.Kind));
        h.SignInAs(owner);
        Assert.Empty(await h.Service<SuggestionService>().ListOpenAsync());
    }

    [Fact]
    public async Task Without_a_setting_sites_go_to_the_customer_relationship_manager_and_owned_sites_keep_their_people()
    {
        await StartAsync(null);
        var crm = await h.CreateUserAsync(UserGroup.CustomerRelationshipManager, "Arto Miettinen");
        var owner = await h.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var espoo = await h.AddCustomerAsync("Espoon Sähkötyö Oy", "6789012-4", municipalityCode: "049");
        await h.AddResponsibleAsync(espoo.Id, owner.Id);
        await h.SignInAsAsync(UserGroup.Administrator);

        var run = await RunAsync(ImportMode.Apply);
        var again = await RunAsync(ImportMode.Apply);

        Assert.Equal(["Arto Miettinen"], await ResponsiblesOfAsync("Päiväkoti Satakieli"));
        Assert.Equal(["Minna Lehtonen"], await ResponsiblesOfAsync("Espoon Sähkötyö Oy"));
        Assert.Null(run.Message);
        Assert.Equal((0, 0), (again.Created, again.Updated));
        h.SignInAs(crm);
        Assert.Equal("Päiväkoti Satakieli", Assert.Single(await h.Service<SuggestionService>().ListOpenAsync()).CustomerName);
    }

    [Fact]
    public async Task Configured_address_of_nobody_falls_back_to_the_customer_relationship_manager_and_the_run_says_so()
    {
        await StartAsync("koordinaattori@omnia-demo.fi");
        using var _ = UiCulture.Finnish();
        await h.CreateUserAsync(UserGroup.CustomerRelationshipManager, "Arto Miettinen");
        await h.SignInAsAsync(UserGroup.Administrator);

        var run = await RunAsync(ImportMode.Apply);

        Assert.Equal(["Arto Miettinen"], await ResponsiblesOfAsync("Päiväkoti Satakieli"));
        Assert.Contains("koordinaattori@omnia-demo.fi ei ole kenenkään aktiivisen käyttäjän sähköposti", run.Message);
        Assert.Contains("(Arto Miettinen)", run.Message);
    }
}
