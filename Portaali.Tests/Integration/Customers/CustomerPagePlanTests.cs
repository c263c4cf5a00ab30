using Portaali.Sql;
using Portaali.Core.Activities;
using Portaali.Core.Classifications;
using Portaali.Core.Customers;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using Xunit.Abstractions;
using static Portaali.Tests.Integration.Activities.ActivityTestData;

namespace Portaali.Tests.Integration.Customers;

/// <summary>Opening a customer reads only that customer's rows: its contacts with their roles, numbers, responsible people
/// and activities each come through an index on the customer (or contact) id, never by reading a whole table, which at
/// 300,000 contacts and 2,000,000 activities is the difference between milliseconds and a tenth of a second.</summary>
public class CustomerPagePlanTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly SqlPlanRecorder recorder = new();
    private CoreHarness H { get; set; } = null!;

    public async Task InitializeAsync() => H = await CoreHarness.CreateAsync(configure: s => SqlPlanRecorder.AddTo(s, recorder));

    public async Task DisposeAsync() => await H.DisposeAsync();

    [Fact]
    public async Task Opening_a_customer_shows_its_contacts_with_their_roles_and_reads_only_its_own_rows()
    {
        var admin = await H.SignInAsAsync(UserGroup.Administrator);
        var minna = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var customer = await H.AddCustomerAsync("Kärkkäinen Oy");
        var other = await H.AddCustomerAsync("Öljy-Åström Ab");
        await H.AddResponsibleAsync(customer.Id, minna.Id);
        var roles = await H.Classifications.AddNodeAsync(ClassificationTarget.Contact, null, "Yhteyshenkilön rooli");
        var decisionMaker = await H.Classifications.AddNodeAsync(ClassificationTarget.Contact, roles, "Päättäjä");
        var invoicing = await H.Classifications.AddNodeAsync(ClassificationTarget.Contact, roles, "Laskutus");
        var left = await H.AddContactAsync(customer.Id, "Aino", "Aaltonen", c => c.HasLeft = true);
        var paivi = await H.AddContactAsync(customer.Id, "Päivi", "Hämäläinen");
        await H.AddContactAsync(customer.Id, "Kari", "Korhonen");
        var stranger = await H.AddContactAsync(other.Id, "Ville", "Virtanen");
        await H.Classifications.AssignToContactAsync(paivi.Id, invoicing);
        await H.Classifications.AssignToContactAsync(paivi.Id, decisionMaker);
        await H.Classifications.AssignToContactAsync(left.Id, decisionMaker);
        await H.Classifications.AssignToContactAsync(stranger.Id, invoicing);
        await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Käynti", new DateTime(2026, 3, 9, 10, 0, 0), 90, participants: [admin.Id, minna.Id]));

        recorder.Clear();
        var page = await H.Customers.GetAsync(customer.Id);
        var tab = await H.Activities.ListForCustomerAsync(customer.Id);

        Assert.Equal(["Päivi Hämäläinen: Päättäjä, Laskutus", "Kari Korhonen: ", "Aino Aaltonen: Päättäjä"],
            page.Contacts.Select(c => $"{c.FullName}: {string.Join(", ", c.Roles)}"));
        Assert.Equal(["Minna Lehtonen"], page.Responsibles.Select(r => r.Name));
        Assert.Equal(["Käynti"], tab.Items.Select(a => a.Title));
        var plans = recorder.Explain(H.DatabasePath);
        foreach (var plan in plans) output.WriteLine(plan + "\n");
        Assert.DoesNotContain(plans, p => p.ScansOf("Contacts", "ContactClassifications", "ExternalNumbers",
            "CustomerResponsibles", "CustomerClassifications", "Activities", "ActivityParticipants").Count > 0);
        // Every statement that reads the customer's own rows starts from an index (a SEARCH), the roles from the contacts'.
        // (The roles' statement; the classification nodes' one also starts from them, and has its own test in LookupShapeTests.)
        var rolesPlan = plans.Where(p => p.Sql.Contains("\"ContactClassifications\"") && !p.Sql.Contains("\"ClassificationNodes\""))
            .SelectMany(p => p.Plan).ToList();
        Assert.StartsWith("SEARCH", Assert.Single(rolesPlan, l => l.Contains("IX_Contacts_CustomerId")));
        Assert.All(rolesPlan, l => Assert.StartsWith("SEARCH", l));
    }
}
