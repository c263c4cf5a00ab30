using Portaali.Core.Common;
using Portaali.Core.Selections;
using Portaali.Tests.Support;
using static Portaali.Tests.Integration.Selections.SelectionDataset;

namespace Portaali.Tests.Integration.Selections;

/// <summary>"Member of" a saved selection or static list: union, intersection and minus through OR, AND and NOT, evaluated
/// live in one query; a cycle and a list of the other target are refused with a message.</summary>
public class SelectionMemberOfTests(SelectionDataset data) : IClassFixture<SelectionDataset>
{
    private async Task<int> SaveAsync(string name, SelectionTarget target, CriteriaGroup? criteria = null, int[]? members = null)
    {
        await using var db = data.H.Db();
        var selection = new Selection
        {
            Name = name, Target = target, Kind = members is null ? SelectionKind.Dynamic : SelectionKind.Static,
            CriteriaJson = CriteriaJson.Write(criteria ?? new CriteriaGroup()), OwnerUserId = data.Responsible.Id,
            CreatedAtUtc = CoreHarness.Now.UtcDateTime, UpdatedAtUtc = CoreHarness.Now.UtcDateTime,
        };
        foreach (var id in members ?? []) selection.Members.Add(new StaticListMember { MemberId = id, AddedAtUtc = CoreHarness.Now.UtcDateTime });
        db.Selections.Add(selection);
        await db.SaveChangesAsync();
        return selection.Id;
    }

    [Fact]
    public async Task Union_intersection_and_minus_of_a_saved_selection_and_a_static_list()
    {
        var industries = await SaveAsync("Teollisuus ja koulutus", SelectionTarget.Customers, And(new IndustryCriterion { Prefixes = ["28", "85"] }));
        var list = await SaveAsync("Messukävijät", SelectionTarget.Customers, members: [data.VantaanVari, data.HelsinginSahko, data.Lopettanut]);
        MemberOfCriterion Selection() => new() { SelectionId = industries };
        MemberOfCriterion List() => new() { SelectionId = list };

        Assert.Equal(["Espoon Kone Oy", "Helsingin Sähkö Oy"], await data.CustomersAsync(Selection()));
        // The passive customer on the list stays out, as in the list itself.
        Assert.Equal(["Helsingin Sähkö Oy", "Vantaan Väri Oy"], await data.CustomersAsync(List()));
        Assert.Equal(["Espoon Kone Oy", "Helsingin Sähkö Oy", "Vantaan Väri Oy"], await data.CustomersAsync(Or(Selection(), List())));
        Assert.Equal(["Helsingin Sähkö Oy"], await data.CustomersAsync(Selection(), List()));
        Assert.Equal(["Espoon Kone Oy"], await data.CustomersAsync(Selection(), Not(List())));
    }

    [Fact]
    public async Task A_saved_selection_is_evaluated_now_with_its_own_member_of_criteria()
    {
        var espoo = await SaveAsync("Espoo", SelectionTarget.Contacts, And(new MunicipalityCriterion { Codes = [Espoo] }));
        var espooDecisionMakers = await SaveAsync("Espoon päättäjät", SelectionTarget.Contacts,
            And(new MemberOfCriterion { SelectionId = espoo }, new ContactRoleCriterion { RoleNodeIds = [data.DecisionMaker] }));
        Assert.Equal(["Olli Kieltäjä", "Äini Öhman"], await data.ContactsAsync(new MemberOfCriterion { SelectionId = espooDecisionMakers }));
    }

    [Fact]
    public async Task A_cycle_through_another_selection_is_refused_with_the_selections_name()
    {
        await using var db = data.H.Db();
        var first = await SaveAsync("Kehä A", SelectionTarget.Customers);
        var second = await SaveAsync("Kehä B", SelectionTarget.Customers, And(new MemberOfCriterion { SelectionId = first }));
        var a = db.Selections.Single(s => s.Id == first);
        a.CriteriaJson = CriteriaJson.Write(And(new MemberOfCriterion { SelectionId = second }));
        await db.SaveChangesAsync();

        using var _ = UiCulture.Finnish();
        var error = await Assert.ThrowsAsync<DomainException>(() => data.Engine.PreviewAsync(SelectionDefinition.Of(a)));
        Assert.Contains("Kehä A", error.Message);
        Assert.Contains("kehän", error.Message);
        // The same refusal when the builder evaluates an edited copy that names itself.
        var self = SelectionDefinition.Of(a) with { Criteria = And(new MemberOfCriterion { SelectionId = first }) };
        await Assert.ThrowsAsync<DomainException>(() => data.Engine.PreviewAsync(self));
    }

    [Fact]
    public async Task A_list_of_contacts_cannot_be_a_criterion_of_a_customer_selection()
    {
        var contacts = await SaveAsync("Yhteyshenkilölista", SelectionTarget.Contacts, members: [data.Aini]);
        using var _ = UiCulture.English();
        var error = await Assert.ThrowsAsync<DomainException>(() => data.CustomersAsync(new MemberOfCriterion { SelectionId = contacts }));
        Assert.Contains("Yhteyshenkilölista", error.Message);
        Assert.Contains("other records", error.Message);
    }
}
