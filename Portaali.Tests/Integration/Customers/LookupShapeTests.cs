using Portaali.Sql;
using Portaali.Core.Classifications;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using Xunit.Abstractions;
using static Portaali.Tests.Integration.Activities.ActivityTestData;

namespace Portaali.Tests.Integration.Customers;

/// <summary>The single-customer lookups at 25× the base cost about as much per statement as hand-written SQL, but EF's
/// fixed cost is paid per statement: these tests hold the number of statements (and, for the duplicate check, the rows
/// it reads) to what the page needs. Deterministic shapes, not timings.</summary>
public class LookupShapeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly SqlPlanRecorder recorder = new();
    private CoreHarness H { get; set; } = null!;

    public async Task InitializeAsync() => H = await CoreHarness.CreateAsync(configure: s => SqlPlanRecorder.AddTo(s, recorder));

    public async Task DisposeAsync() => await H.DisposeAsync();

    [Fact]
    public async Task Opening_a_customer_with_its_activities_tab_runs_one_statement_per_part_of_the_page()
    {
        var admin = await H.SignInAsAsync(UserGroup.Administrator);
        var customer = await H.AddCustomerAsync("Kärkkäinen Oy");
        var roles = await H.Classifications.AddNodeAsync(ClassificationTarget.Contact, null, "Yhteyshenkilön rooli");
        var decisionMaker = await H.Classifications.AddNodeAsync(ClassificationTarget.Contact, roles, "Päättäjä");
        var paivi = await H.AddContactAsync(customer.Id, "Päivi", "Hämäläinen");
        await H.Classifications.AssignToContactAsync(paivi.Id, decisionMaker);
        await H.Customers.ToggleFavouriteAsync(customer.Id);
        await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Käynti", new DateTime(2026, 3, 9, 10, 0, 0), 90, participants: [admin.Id],
            memo: "Sovittiin jatkosta"));

        recorder.Clear();
        var page = await H.Customers.GetAsync(customer.Id);
        var tab = await H.Activities.ListForCustomerAsync(customer.Id);

        Assert.True(page.IsFavourite);
        Assert.Equal(["Päivi Hämäläinen: Päättäjä"], page.Contacts.Select(c => $"{c.FullName}: {string.Join(", ", c.Roles)}"));
        Assert.Equal(["Käynti"], tab.Items.Select(a => a.Title));
        Assert.Equal(admin.DisplayName, Assert.Single(tab.Items).Participants);
        foreach (var command in recorder.Commands) output.WriteLine(command.Sql.Split('\n')[0]);
        // The customer with whether it is a favourite; its numbers, responsible people, contacts, the contacts' roles,
        // its classifications, the classification tree (it has roles to name), segment history and merges: 9. The tab, one
        // command by hand: the count, the page with its participants' names, the templates' headings for the memo previews: 3.
        Assert.Equal(12, recorder.Commands.Count);
    }

    [Fact]
    public async Task Opening_a_customer_reads_only_the_classification_nodes_it_names_with_their_ancestors()
    {
        await H.SignInAsAsync(UserGroup.Administrator);
        var customer = await H.AddCustomerAsync("Kärkkäinen Oy");
        var groups = await H.Classifications.AddNodeAsync(ClassificationTarget.Customer, null, "Asiakasryhmät");
        var workPlacement = await H.Classifications.AddNodeAsync(ClassificationTarget.Customer, groups, "Työpaikkaohjaajat");
        var metal = await H.Classifications.AddNodeAsync(ClassificationTarget.Customer, workPlacement, "Metalliala");
        for (var i = 0; i < 5; i++) await H.Classifications.AddNodeAsync(ClassificationTarget.Customer, groups, $"Muu ryhmä {i}");
        await H.Classifications.AssignToCustomerAsync(customer.Id, metal);
        var bare = await H.AddCustomerAsync("Öljy-Åström Ab");
        await H.AddContactAsync(bare.Id, "Päivi", "Hämäläinen");

        recorder.Clear();
        var page = await H.Customers.GetAsync(customer.Id);
        var nothingToName = await H.Customers.GetAsync(bare.Id);

        Assert.Equal(["Asiakasryhmät › Työpaikkaohjaajat › Metalliala"], page.Classifications.Select(k => k.Path));
        Assert.Empty(nothingToName.Classifications);
        Assert.Equal(["Päivi Hämäläinen"], nothingToName.Contacts.Select(c => c.FullName));
        // The nodes come by key from the customer's and its contacts' classifications up through their parents, not as the tree.
        var nodes = recorder.Explain(H.DatabasePath).First(p => p.Sql.Contains("FROM \"ClassificationNodes\" AS n WHERE"));
        foreach (var step in nodes.DrawnPlan) output.WriteLine(step);
        Assert.Empty(nodes.ScansOf("ClassificationNodes"));
        Assert.Contains(nodes.Plan, l => l == "SEARCH n USING INTEGER PRIMARY KEY (rowid=?)");
    }

    [Fact]
    public async Task Duplicate_check_reads_the_rows_of_only_the_similar_customers()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var virtanen = await H.AddCustomerAsync("Virtasen Kuljetus Oy", null, "091");
        // Three share a third of the typed name ("sen k") at a similar length: SQL cannot tell them from a near miss.
        var others = new List<int>();
        foreach (var name in new[] { "Mäkisen Kuljetus Oy", "Laitisen Kuljetus Oy", "Nieminen Kuljetus Ky", "Salosen Kuljetus Oy" })
            others.Add((await H.AddCustomerAsync(name, null, "091")).Id);

        recorder.Clear();
        var found = await H.Customers.FindDuplicatesAsync("Virtasen Kuljetsu Ky", null, "091");

        Assert.Equal([virtanen.Id], found.Select(d => d.Id));
        var plans = recorder.Explain(H.DatabasePath);
        foreach (var plan in plans) output.WriteLine(plan.ToString());
        // The candidates come from the (municipality, comparable name) index alone; then one statement reads the similar rows.
        Assert.Equal(2, recorder.Commands.Count);
        Assert.Contains(plans.Single(p => p.Sql == recorder.Commands[0].Sql).Plan, l => l.Contains("COVERING INDEX IX_Customers_MunicipalityCode_ComparableName"));
        var rowRead = recorder.Commands[1].Parameters.Select(p => p.Value).ToList();
        Assert.Contains(virtanen.Id, rowRead);
        Assert.DoesNotContain(rowRead, v => v is int id && others.Contains(id));
    }

    [Fact]
    public async Task Duplicate_check_with_no_similar_name_reads_no_customer_row()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        await H.AddCustomerAsync("Mäkisen Kuljetus Oy", null, "091");

        recorder.Clear();
        Assert.Empty(await H.Customers.FindDuplicatesAsync("Virtasen Kuljetsu Ky", null, "091"));

        Assert.Single(recorder.Commands);
    }
}
