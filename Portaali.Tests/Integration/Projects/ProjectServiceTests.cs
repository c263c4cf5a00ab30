using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Activities;
using Portaali.Core.Common;
using Portaali.Core.Projects;
using Portaali.Core.Users;
using Portaali.Core.Data;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Projects;

/// <summary>One database for the class: each test makes its own projects and customers under names of its own.</summary>
public class ProjectHarness : IAsyncLifetime
{
    public CoreHarness H { get; private set; } = null!;
    public AppUser Owner { get; private set; } = null!;
    public AppUser OtherKeeper { get; private set; } = null!;
    public AppUser Manager { get; private set; } = null!;
    public AppUser Administrator { get; private set; } = null!;
    public AppUser AccountManager { get; private set; } = null!;

    public ProjectService Projects => H.Service<ProjectService>();
    public ProjectQueries Queries => H.Service<ProjectQueries>();

    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    public async Task InitializeAsync()
    {
        H = await CoreHarness.CreateAsync(provider: DatabaseProvider);
        Owner = await H.CreateUserAsync(UserGroup.ProjectOperations, "Pirjo Projekti");
        OtherKeeper = await H.CreateUserAsync(UserGroup.InternationalOperations, "Kalle Kansainvälinen");
        Manager = await H.CreateUserAsync(UserGroup.Management, "Johanna Johto");
        Administrator = await H.CreateUserAsync(UserGroup.Administrator, "Anna Admin");
        AccountManager = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Myyjä");
    }

    public async Task<int> CreateAsync(string name, ProjectStatus status = ProjectStatus.Active)
    {
        H.SignInAs(Owner);
        return await Projects.CreateAsync(new ProjectEdit { Name = name, Status = status, Funder = "ESR+" });
    }

    public Task DisposeAsync() => H.DisposeAsync().AsTask();
}

public class ProjectServiceTests(ProjectHarness f) : IClassFixture<ProjectHarness>
{
    private CoreHarness H => f.H;

    [Fact]
    public async Task A_project_keeper_creates_a_project_and_owns_it_but_an_account_manager_may_not()
    {
        H.SignInAs(f.Owner);
        var id = await f.Projects.CreateAsync(new ProjectEdit { Name = "Osaava Uusimaa", Funder = "ESR+", Description = "Kuvaus" });
        var project = await f.Queries.GetAsync(id);
        Assert.Equal(("Osaava Uusimaa", "Pirjo Projekti", ProjectStatus.Planned, true), (project.Name, project.OwnerName, project.Status, project.CanChange));

        H.SignInAs(f.AccountManager);
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Projects.CreateAsync(new ProjectEdit { Name = "Myyjän projekti" }));
        Assert.False((await f.Queries.GetAsync(id)).CanChange); // everyone sees it; only some change it
    }

    [Fact]
    public async Task Only_the_owner_administrators_and_management_change_a_project_and_its_network()
    {
        var id = await f.CreateAsync("Muutosoikeudet");
        var customer = await H.AddCustomerAsync("Oikeus Oy");

        H.SignInAs(f.OtherKeeper); // may keep projects, but this one is not theirs
        var edit = await f.Queries.GetForEditAsync(id);
        edit.Description = "Toisen muutos";
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Projects.UpdateAsync(id, edit));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Projects.AddMemberAsync(id, new NetworkMemberEdit(customer.Id, null, ProjectRole.Partner, null)));

        H.SignInAs(f.Manager);
        edit.Description = "Johdon muutos";
        await f.Projects.UpdateAsync(id, edit);
        H.SignInAs(f.Administrator);
        var member = await f.Projects.AddMemberAsync(id, new NetworkMemberEdit(customer.Id, null, ProjectRole.Partner, null));

        H.SignInAs(f.OtherKeeper);
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Projects.RemoveMemberAsync(member));
        var details = await f.Queries.GetAsync(id);
        Assert.Equal(("Johdon muutos", "Anna Admin", 1), (details.Description, details.UpdatedByName, details.NetworkSize));
    }

    [Fact]
    public async Task A_name_is_unique_among_open_projects_whatever_its_case_and_an_ended_one_frees_it()
    {
        var first = await f.CreateAsync("Äänekosken Pilotti");

        var taken = await Assert.ThrowsAsync<ValidationFailedException>(() => f.Projects.CreateAsync(new ProjectEdit { Name = "  ÄÄNEKOSKEN pilotti " }));
        Assert.Equal(nameof(ProjectEdit.Name), Assert.Single(taken.Errors).Field);

        var edit = await f.Queries.GetForEditAsync(first);
        edit.Status = ProjectStatus.Ended;
        await f.Projects.UpdateAsync(first, edit);
        var second = await f.Projects.CreateAsync(new ProjectEdit { Name = "Äänekosken pilotti", Status = ProjectStatus.Active });
        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("fi-FI", "1.9.2026", "31.8.2028")]
    [InlineData("en-US", "9/1/2026", "8/31/2028")]
    public async Task Funding_dates_are_typed_and_printed_in_the_users_language(string culture, string starts, string ends)
    {
        using var _ = UiCulture.Use(culture);
        H.SignInAs(f.Owner);
        var id = await f.Projects.CreateAsync(new ProjectEdit { Name = $"Kausi {culture}", FundingStarts = starts, FundingEnds = ends });

        var project = await f.Queries.GetAsync(id);
        Assert.Equal((new DateOnly(2026, 9, 1), new DateOnly(2028, 8, 31)), (project.FundingStarts, project.FundingEnds));
        var edit = await f.Queries.GetForEditAsync(id);
        Assert.Equal((starts, ends), (edit.FundingStarts, edit.FundingEnds));
    }

    [Fact]
    public async Task An_unreadable_date_and_a_period_that_ends_before_it_starts_are_refused_with_messages()
    {
        using var _ = UiCulture.Use("fi-FI");
        H.SignInAs(f.Owner);
        var unreadable = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            f.Projects.CreateAsync(new ProjectEdit { Name = "Päivät", FundingStarts = "31.2.2026" }));
        Assert.Equal(nameof(ProjectEdit.FundingStarts), Assert.Single(unreadable.Errors).Field);
        Assert.Contains("1.9.2026", unreadable.Message);

        var reversed = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            f.Projects.CreateAsync(new ProjectEdit { Name = "Päivät", FundingStarts = "1.9.2027", FundingEnds = "31.8.2027" }));
        Assert.Equal(nameof(ProjectEdit.FundingEnds), Assert.Single(reversed.Errors).Field);
        await using var db = H.Db();
        Assert.False(await db.Projects.AnyAsync(p => p.Name == "Päivät"));
    }

    [Fact]
    public async Task A_form_saved_by_someone_else_meanwhile_is_a_conflict_but_a_network_change_is_not()
    {
        var id = await f.CreateAsync("Samanaikaisuus");
        var customer = await H.AddCustomerAsync("Samanaikainen Oy");
        H.SignInAs(f.Owner);
        var mine = await f.Queries.GetForEditAsync(id);

        await f.Projects.AddMemberAsync(id, new NetworkMemberEdit(customer.Id, null, ProjectRole.Pilot, null));
        mine.Funder = "Erasmus+";
        await f.Projects.UpdateAsync(id, mine); // the network is not on the form

        H.SignInAs(f.Manager);
        var theirs = await f.Queries.GetForEditAsync(id);
        theirs.Description = "Johdon teksti";
        await f.Projects.UpdateAsync(id, theirs);

        H.SignInAs(f.Owner);
        mine.Description = "Omistajan teksti";
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Projects.UpdateAsync(id, mine));
        Assert.Equal("Johdon teksti", (await f.Queries.GetAsync(id)).Description);
    }

    [Fact]
    public async Task The_network_holds_each_organisation_and_contact_once_and_only_the_customers_own_contacts()
    {
        var id = await f.CreateAsync("Verkostosäännöt");
        var customer = await H.AddCustomerAsync("Verkko Oy");
        var other = await H.AddCustomerAsync("Muu Oy");
        var passive = await H.AddCustomerAsync("Lopettanut Oy", passive: true);
        var liisa = await H.AddContactAsync(customer.Id, "Liisa", "Verkko", c => { c.Title = "Koulutuspäällikkö"; c.Email = "liisa@verkko.fi"; });
        var left = await H.AddContactAsync(customer.Id, "Lasse", "Lähtenyt", c => c.HasLeft = true);
        var stranger = await H.AddContactAsync(other.Id, "Sanna", "Muu");
        H.SignInAs(f.Owner);

        await f.Projects.AddMemberAsync(id, new NetworkMemberEdit(customer.Id, null, ProjectRole.Coordinator, "Päätoteuttaja"));
        var contactRow = await f.Projects.AddMemberAsync(id, new NetworkMemberEdit(customer.Id, liisa.Id, ProjectRole.Expert, null));

        var twice = await Assert.ThrowsAsync<DomainException>(() => f.Projects.AddMemberAsync(id, new NetworkMemberEdit(customer.Id, null, ProjectRole.Partner, null)));
        Assert.Contains("Verkko Oy", twice.Message);
        await Assert.ThrowsAsync<DomainException>(() => f.Projects.AddMemberAsync(id, new NetworkMemberEdit(customer.Id, liisa.Id, ProjectRole.Partner, null)));
        var wrong = await Assert.ThrowsAsync<DomainException>(() => f.Projects.AddMemberAsync(id, new NetworkMemberEdit(customer.Id, stranger.Id, ProjectRole.Partner, null)));
        Assert.Contains("Sanna Muu", wrong.Message);
        await Assert.ThrowsAsync<DomainException>(() => f.Projects.AddMemberAsync(id, new NetworkMemberEdit(customer.Id, left.Id, ProjectRole.Partner, null)));
        await Assert.ThrowsAsync<DomainException>(() => f.Projects.AddMemberAsync(id, new NetworkMemberEdit(passive.Id, null, ProjectRole.Partner, null)));

        await f.Projects.ChangeMemberAsync(contactRow, ProjectRole.SteeringGroup, "Ohjausryhmän jäsen");
        var network = (await f.Queries.NetworkAsync(id)).Items;
        Assert.Equal([("Verkko Oy", null, ProjectRole.Coordinator, "Päätoteuttaja"), ("Verkko Oy", "Liisa Verkko", ProjectRole.SteeringGroup, "Ohjausryhmän jäsen")],
            network.Select(r => (r.CustomerName, r.ContactName, r.Role, r.Note)));
        Assert.Equal(("Koulutuspäällikkö", "liisa@verkko.fi"), (network[1].Title, network[1].Email));

        await f.Projects.RemoveMemberAsync(contactRow);
        Assert.Equal(1, (await f.Queries.NetworkAsync(id)).TotalCount);
    }

    [Fact]
    public async Task A_customer_merge_moves_network_rows_to_the_survivor_without_duplicates()
    {
        var both = await f.CreateAsync("Yhdistäminen A");
        var duplicateOnly = await f.CreateAsync("Yhdistäminen B");
        var survivor = await H.AddCustomerAsync("Säilyvä Oy");
        var duplicate = await H.AddCustomerAsync("Säilyvä Oy (kaksoiskappale)");
        var pekka = await H.AddContactAsync(duplicate.Id, "Pekka", "Kaksoinen");
        H.SignInAs(f.Owner);
        await f.Projects.AddMemberAsync(both, new NetworkMemberEdit(survivor.Id, null, ProjectRole.Coordinator, null));
        await f.Projects.AddMemberAsync(both, new NetworkMemberEdit(duplicate.Id, null, ProjectRole.Partner, null));
        await f.Projects.AddMemberAsync(both, new NetworkMemberEdit(duplicate.Id, pekka.Id, ProjectRole.Expert, null));
        await f.Projects.AddMemberAsync(duplicateOnly, new NetworkMemberEdit(duplicate.Id, null, ProjectRole.Funder, null));

        H.SignInAs(f.Administrator);
        await H.Customers.MergeAsync(duplicate.Id, survivor.Id);

        var network = (await f.Queries.NetworkAsync(both)).Items;
        Assert.Equal([("Säilyvä Oy", null, ProjectRole.Coordinator), ("Säilyvä Oy", "Pekka Kaksoinen", ProjectRole.Expert)],
            network.Select(r => (r.CustomerName, r.ContactName, r.Role)));
        Assert.Equal([(survivor.Id, ProjectRole.Funder)], (await f.Queries.NetworkAsync(duplicateOnly)).Items.Select(r => (r.CustomerId, r.Role)));
        Assert.Equal(3, (await f.Queries.ForCustomerAsync(survivor.Id)).Count);
    }

    [Fact]
    public async Task Project_work_is_logged_on_planned_and_active_projects_and_shows_on_the_project_newest_first()
    {
        var id = await f.CreateAsync("Projektityö");
        H.SignInAs(f.OtherKeeper);
        var typeId = (await H.Activities.GetFormDataAsync()).Types.First(t => !t.RequiresCustomer && !t.IsRetired).Id;
        Assert.Contains((await H.Activities.GetFormDataAsync()).Projects!, p => p.Id == id);
        ActivityEdit Work(string title, int day, int? project) =>
            new() { TypeId = typeId, Title = title, Date = new DateTime(2026, 3, day), DurationMinutes = 60, ProjectId = project };
        var older = await H.Activities.CreateAsync(Work("Hakemus", 2, id));
        await H.Activities.CreateAsync(Work("Kumppanitapaaminen", 5, id));
        await H.Activities.CreateAsync(Work("Ei projektille", 6, null));

        var missing = await Assert.ThrowsAsync<ValidationFailedException>(() => H.Activities.CreateAsync(Work("Olematon", 3, 999_999)));
        Assert.Equal("ProjectId", Assert.Single(missing.Errors).Field);

        var page = await f.Queries.ActivitiesAsync(id, page: 0, pageSize: 1);
        Assert.Equal((2, "Kumppanitapaaminen"), (page.TotalCount, Assert.Single(page.Items).Title));
        Assert.Equal("Hakemus", Assert.Single((await f.Queries.ActivitiesAsync(id, page: 1, pageSize: 1)).Items).Title);

        // An ended project takes no new work, but an activity already on it keeps it through an edit.
        H.SignInAs(f.Owner);
        var edit = await f.Queries.GetForEditAsync(id);
        edit.Status = ProjectStatus.Ended;
        await f.Projects.UpdateAsync(id, edit);
        H.SignInAs(f.OtherKeeper);
        await Assert.ThrowsAsync<ValidationFailedException>(() => H.Activities.CreateAsync(Work("Myöhässä", 9, id)));
        var details = await H.Activities.GetAsync(older);
        Assert.Equal((id, "Projektityö"), (details.Edit.ProjectId, details.Project!.Name));
        details.Edit.Title = "Hakemus (korjattu)";
        await H.Activities.UpdateAsync(older, details.Edit);
        Assert.DoesNotContain((await H.Activities.GetFormDataAsync()).Projects!, p => p.Id == id);

        var mine = await f.Queries.MineAsync(10); // project work the user took part in puts the project on their desktop
        var row = Assert.Single(mine.Items, r => r.Id == id);
        Assert.Equal((false, new DateOnly(2026, 3, 5)), (row.Owned, row.LastActivity));
    }

    [Fact]
    public async Task The_network_exports_to_excel_with_passive_and_left_marked_and_formula_text_kept_as_text()
    {
        using var _ = UiCulture.Use("fi-FI");
        var id = await f.CreateAsync("Vienti Exceliin");
        var customer = await H.AddCustomerAsync("=HYPERLINK(\"http://x\")");
        var anna = await H.AddContactAsync(customer.Id, "Anna", "Aalto", c => { c.Title = "Rehtori"; c.Email = "anna@aalto.fi"; });
        H.SignInAs(f.Owner);
        await f.Projects.AddMemberAsync(id, new NetworkMemberEdit(customer.Id, null, ProjectRole.Partner, "+358 huom"));
        await f.Projects.AddMemberAsync(id, new NetworkMemberEdit(customer.Id, anna.Id, ProjectRole.SteeringGroup, null));
        await using (var db = H.Db())
            await db.Contacts.Where(c => c.Id == anna.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.HasLeft, true));

        using var stream = new MemoryStream();
        var fileName = await H.Service<ProjectNetworkExport>().ExportAsync(id, stream);
        using var book = new XLWorkbook(new MemoryStream(stream.ToArray()));
        var sheet = book.Worksheet(1);

        Assert.Equal("Verkosto-Vienti Exceliin.xlsx", fileName);
        Assert.Equal(["Organisaatio", "Yhteyshenkilö", "Titteli", "Sähköposti", "Rooli", "Huomautus", "Tila"],
            Enumerable.Range(1, 7).Select(c => sheet.Cell(1, c).GetString()));
        Assert.Equal(["=HYPERLINK(\"http://x\")", "", "", "", "Kumppani", "+358 huom", ""], Enumerable.Range(1, 7).Select(c => sheet.Cell(2, c).GetString()));
        Assert.False(sheet.Cell(2, 1).HasFormula);
        Assert.Equal(["Anna Aalto", "Rehtori", "anna@aalto.fi", "Ohjausryhmä", "Lähtenyt"],
            new[] { 2, 3, 4, 5, 7 }.Select(c => sheet.Cell(3, c).GetString()));
        Assert.True(sheet.Cell(4, 1).IsEmpty());
    }
}
