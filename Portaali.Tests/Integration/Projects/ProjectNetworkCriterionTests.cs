using Portaali.Core.Projects;
using Portaali.Core.Selections;
using Portaali.Core.Users;
using Portaali.Core.Data;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Projects;

/// <summary>
/// A project's network as a selection criterion, against real SQLite. Two projects: "Osaava" has Alfa Oy as an
/// organisation (partner), Beeta Oy through its contact Bea (expert), the passive Gamma Oy and Leo, who has left Alfa;
/// "Erasmus" has Delta Oy as funder. Alfa's Aarne and Beeta's Bruno are not named in any network; Eetu Oy is in none.
/// </summary>
public class NetworkDataset : IAsyncLifetime
{
    public CoreHarness H { get; private set; } = null!;
    public int Osaava, Erasmus;

    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    public async Task InitializeAsync()
    {
        H = await CoreHarness.CreateAsync(provider: DatabaseProvider);
        var owner = await H.CreateUserAsync(UserGroup.ProjectOperations, "Pirjo Projekti");
        var alfa = await H.AddCustomerAsync("Alfa Oy");
        var beeta = await H.AddCustomerAsync("Beeta Oy");
        var gamma = await H.AddCustomerAsync("Gamma Oy", passive: true);
        var delta = await H.AddCustomerAsync("Delta Oy");
        var eetu = await H.AddCustomerAsync("Eetu Oy");
        await H.AddContactAsync(alfa.Id, "Aarne", "Alfa");
        var leo = await H.AddContactAsync(alfa.Id, "Leo", "Lähtenyt", c => c.HasLeft = true);
        var bea = await H.AddContactAsync(beeta.Id, "Bea", "Beeta");
        await H.AddContactAsync(beeta.Id, "Bruno", "Beeta");
        await H.AddContactAsync(delta.Id, "Dora", "Delta");
        await H.AddContactAsync(gamma.Id, "Gunnar", "Gamma");
        await H.AddContactAsync(eetu.Id, "Eila", "Eetu");

        await using var db = H.Db();
        ProjectNetworkMember Member(int customerId, int? contactId, ProjectRole role) =>
            new() { CustomerId = customerId, ContactId = contactId, Role = role, AddedAtUtc = CoreHarness.Now.UtcDateTime };
        var osaava = new Project { Name = "Osaava", OwnerUserId = owner.Id, Status = ProjectStatus.Active };
        osaava.Network.AddRange([Member(alfa.Id, null, ProjectRole.Partner), Member(beeta.Id, bea.Id, ProjectRole.Expert),
            Member(gamma.Id, null, ProjectRole.Partner), Member(alfa.Id, leo.Id, ProjectRole.Partner)]);
        var erasmus = new Project { Name = "Erasmus", OwnerUserId = owner.Id, Status = ProjectStatus.Ended };
        erasmus.Network.Add(Member(delta.Id, null, ProjectRole.Funder));
        db.Projects.AddRange(osaava, erasmus);
        await db.SaveChangesAsync();
        (Osaava, Erasmus) = (osaava.Id, erasmus.Id);
        await H.SignInAsAsync(UserGroup.SalesAndMarketing);
    }

    public async Task<string[]> NamesAsync(SelectionTarget target, Criterion criterion)
    {
        var preview = await H.Service<SelectionEngine>().PreviewAsync(new SelectionDefinition(target, new CriteriaGroup { Children = [criterion] }), pageSize: 100);
        var names = preview.FirstPage.Select(m => m.ContactName ?? m.CustomerName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(preview.Count, names.Length);
        return names;
    }

    public Task DisposeAsync() => H.DisposeAsync().AsTask();
}

public class ProjectNetworkCriterionTests(NetworkDataset data) : IClassFixture<NetworkDataset>
{
    private ProjectNetworkCriterion Osaava(bool negated = false, bool whole = false, params ProjectRole[] roles) =>
        new() { ProjectIds = [data.Osaava], Negated = negated, WholeOrganisations = whole, Roles = [.. roles] };

    [Fact]
    public async Task Customers_in_the_network_as_organisations_or_through_contacts_passive_ones_left_out()
    {
        Assert.Equal(["Alfa Oy", "Beeta Oy"], await data.NamesAsync(SelectionTarget.Customers, Osaava()));
        Assert.Equal(["Alfa Oy", "Beeta Oy", "Delta Oy"], await data.NamesAsync(SelectionTarget.Customers, new ProjectNetworkCriterion()));
    }

    [Fact]
    public async Task Negated_it_gives_the_customers_outside_the_network()
    {
        Assert.Equal(["Delta Oy", "Eetu Oy"], await data.NamesAsync(SelectionTarget.Customers, Osaava(negated: true)));
    }

    [Fact]
    public async Task Contacts_are_those_named_in_the_network_unless_whole_organisations_are_asked_for()
    {
        // Leo is named too, but has left.
        Assert.Equal(["Bea Beeta"], await data.NamesAsync(SelectionTarget.Contacts, Osaava()));
        Assert.Equal(["Aarne Alfa", "Bea Beeta", "Bruno Beeta"], await data.NamesAsync(SelectionTarget.Contacts, Osaava(whole: true)));
        Assert.Equal(["Aarne Alfa", "Bruno Beeta", "Dora Delta", "Eila Eetu"], await data.NamesAsync(SelectionTarget.Contacts, Osaava(negated: true)));
    }

    [Fact]
    public async Task Roles_narrow_the_network()
    {
        Assert.Equal(["Alfa Oy"], await data.NamesAsync(SelectionTarget.Customers, Osaava(roles: ProjectRole.Partner)));
        Assert.Equal(["Beeta Oy"], await data.NamesAsync(SelectionTarget.Customers, Osaava(roles: ProjectRole.Expert)));
        Assert.Empty(await data.NamesAsync(SelectionTarget.Contacts, Osaava(roles: ProjectRole.Partner)));
    }

    [Fact]
    public async Task The_criterion_survives_saving_as_json_and_reads_in_finnish_and_english()
    {
        var tree = CriteriaJson.Read(CriteriaJson.Write(new CriteriaGroup { Children = [Osaava(negated: true, whole: true, ProjectRole.Partner)] }));
        var criterion = Assert.IsType<ProjectNetworkCriterion>(Assert.Single(tree.Children));
        Assert.Equal([data.Osaava], criterion.ProjectIds);
        Assert.Equal([ProjectRole.Partner], criterion.Roles);
        Assert.True(criterion.WholeOrganisations && criterion.Negated);

        var explainer = data.H.Service<SelectionExplainer>();
        using (UiCulture.Finnish())
            Assert.Equal("Ei: organisaatio projektiverkostossa: Osaava, rooli: Kumppani", await explainer.DescribeAsync(criterion));
        using (UiCulture.English())
            Assert.Equal("In a project network: Osaava or Erasmus, role: any",
                await explainer.DescribeAsync(new ProjectNetworkCriterion { ProjectIds = [data.Osaava, data.Erasmus] }));
    }
}
