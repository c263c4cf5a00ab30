using Portaali.Core.Classifications;
using Portaali.Core.Segments;
using Portaali.Core.Selections;
using Portaali.Core.Users;
using Portaali.Core.Data;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Selections;

/// <summary>The engine's shape on a real database: customer criteria reach contacts through their customer, contact
/// criteria reach customers through their active contacts, and the default exclusions hold.</summary>
public class SelectionEngineSmokeTests
{
    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task Customer_and_contact_criteria_meet_in_one_query_with_passive_and_left_excluded()
    {
        await using var h = await CoreHarness.CreateAsync(provider: DatabaseProvider);
        await h.SignInAsAsync(UserGroup.SalesAndMarketing);
        var espoo = await h.AddCustomerAsync("Espoon Kone Oy", municipalityCode: "049", configure: c => { c.SizeClass = 6; c.Segment = Segment.B; });
        var helsinki = await h.AddCustomerAsync("Helsingin Sähkö Oy", municipalityCode: "091", configure: c => c.SizeClass = 7);
        var passive = await h.AddCustomerAsync("Lopettanut Oy", municipalityCode: "049", configure: c => { c.SizeClass = 6; c.IsPassive = true; });
        await h.AddContactAsync(espoo.Id, "Äini", "Öhman", p => p.Email = "Aini.Ohman@Example.fi");
        await h.AddContactAsync(espoo.Id, "Left", "Person", p => { p.Email = "left@example.fi"; p.HasLeft = true; });
        await h.AddContactAsync(espoo.Id, "No", "Mail", p => p.Email = null);
        await h.AddContactAsync(passive.Id, "Passive", "Contact", p => p.Email = "p@example.fi");
        await h.AddContactAsync(helsinki.Id, "Helsinki", "Contact", p => p.Email = "h@example.fi");

        var criteria = new CriteriaGroup
        {
            Children = [new MunicipalityCriterion { Codes = ["049"] }, new SizeClassCriterion { Min = 5 }, new ContactEmailCriterion()],
        };
        var engine = h.Service<SelectionEngine>();

        var contacts = await engine.PreviewAsync(new SelectionDefinition(SelectionTarget.Contacts, criteria));
        Assert.Equal(["Äini Öhman"], contacts.FirstPage.Select(m => m.ContactName));

        var customers = await engine.PreviewAsync(new SelectionDefinition(SelectionTarget.Customers, criteria));
        Assert.Equal(["Espoon Kone Oy"], customers.FirstPage.Select(m => m.CustomerName));

        criteria.Children[0].Negated = true;
        var notEspoo = await engine.PreviewAsync(new SelectionDefinition(SelectionTarget.Customers, criteria));
        Assert.Equal(["Helsingin Sähkö Oy"], notEspoo.FirstPage.Select(m => m.CustomerName));
        Assert.Equal(1, notEspoo.Count);
    }
}
