using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.Contacts;
using Portaali.Core.Projects;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Activities;
using Portaali.Web.Components.Pages.Projects;

namespace Portaali.Tests.Components.Projects;

/// <summary>The project page (details, network, project work), the customer's projects tab and the activity form's project field.</summary>
public class ProjectComponentTests : ComponentHarness
{
    private const int ProjectWorkType = 8;

    private async Task<(int Project, int Customer)> ArrangeAsync(AppUser owner, ProjectStatus status = ProjectStatus.Active)
    {
        var customerId = await AddCustomerAsync("Koulutus Kivi Oy");
        var passiveId = await AddCustomerAsync("Lopettanut Laine Oy", passive: true);
        var projectId = await WithDbAsync(async db =>
        {
            var kaisa = new Contact { CustomerId = customerId, FirstName = "Kaisa", LastName = "Kivi", Title = "Henkilöstöjohtaja", Email = "kaisa@kivi.fi" };
            var lauri = new Contact { CustomerId = customerId, FirstName = "Lauri", LastName = "Lähtijä", HasLeft = true };
            db.Contacts.AddRange(kaisa, lauri);
            await db.SaveChangesAsync();
            var project = new Project
            {
                Name = "Osaava pk-yritys", Funder = "ESR+", FundingStarts = new DateOnly(2026, 1, 1), FundingEnds = new DateOnly(2027, 12, 31),
                OwnerUserId = owner.Id, Status = status, Description = "Työpaikkojen osaamisen kehittäminen", UpdatedByName = owner.DisplayName,
            };
            project.Network.AddRange([
                new ProjectNetworkMember { CustomerId = customerId, Role = ProjectRole.Coordinator, Note = "Päätoteuttaja" },
                new ProjectNetworkMember { CustomerId = customerId, ContactId = kaisa.Id, Role = ProjectRole.SteeringGroup },
                new ProjectNetworkMember { CustomerId = customerId, ContactId = lauri.Id, Role = ProjectRole.Expert },
                new ProjectNetworkMember { CustomerId = passiveId, Role = ProjectRole.Partner },
            ]);
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            foreach (var (title, day) in new[] { ("Ohjausryhmän kokous", 3), ("Osaamiskartoitus", 10) })
            {
                var date = new DateOnly(2026, 2, day);
                var week = IsoWeek.Of(date);
                db.Activities.Add(new Activity
                {
                    ActivityTypeId = ProjectWorkType, ProjectId = project.Id, CustomerId = customerId, Title = title, LocalDate = date,
                    StartsAtUtc = HelsinkiTime.ToUtc(date.ToDateTime(new TimeOnly(10, 0))), IsoYear = week.Year, IsoWeek = week.Week,
                    DurationMinutes = 60, Status = ActivityStatus.Done, CreatedByUserId = owner.Id, CreatedByName = owner.DisplayName,
                    Participants = [new ActivityParticipant { UserId = owner.Id }],
                });
            }
            await db.SaveChangesAsync();
            return project.Id;
        });
        return (projectId, customerId);
    }

    [Fact]
    public async Task The_project_page_shows_details_the_network_with_passive_and_left_marked_and_the_project_work_newest_first()
    {
        var owner = await SignInAsync(UserGroup.ProjectOperations, "Pirjo Projekti");
        var (projectId, _) = await ArrangeAsync(owner);

        var page = RenderWithProviders<ProjectPage>(p => p.Add(c => c.Id, projectId));

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-testid=project-network] tbody tr").Count));
        Assert.Equal("Osaava pk-yritys", page.Find("[data-testid=project-title]").TextContent);
        Assert.Contains("Käynnissä", page.Find("[data-testid=project-status-chip]").TextContent);
        Assert.Equal("1.1.2026–31.12.2027", page.Find("[data-testid=project-period]").TextContent);
        Assert.Contains("Pirjo Projekti", page.Find("[data-testid=project-details]").TextContent);

        var rows = page.FindAll("[data-testid=project-network] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains("Koordinaattori", rows[0]);
        Assert.Contains("Päätoteuttaja", rows[0]);
        Assert.Contains("Kaisa Kivi", rows[1]);
        Assert.Contains("Henkilöstöjohtaja", rows[1]);
        Assert.Contains("kaisa@kivi.fi", rows[1]);
        Assert.Contains("Ohjausryhmä", rows[1]);
        Assert.Contains("Lauri Lähtijä", rows[2]);
        Assert.Contains("Lähtenyt", rows[2]);
        Assert.Contains("Lopettanut Laine Oy", rows[3]);
        Assert.Contains("Passiivinen", rows[3]);

        page.WaitForAssertion(() => Assert.Equal(["Osaamiskartoitus", "Ohjausryhmän kokous"],
            page.FindAll("[data-testid=project-activities] [data-testid=activity-title]").Select(t => t.TextContent)));
        Assert.Equal($"/projects/{projectId}/network.xlsx", page.Find("[data-testid=network-export]").GetAttribute("href"));
        Assert.Equal($"/selections/new?project={projectId}", page.Find("[data-testid=network-select]").GetAttribute("href"));
        Assert.NotEmpty(page.FindAll("[data-testid=project-edit]"));
        Assert.NotEmpty(page.FindAll("[data-testid=network-add]"));
        Assert.Equal(4, page.FindAll("[data-testid=network-remove]").Count);
    }

    [Fact]
    public async Task Someone_who_may_not_change_the_project_sees_it_without_edit_controls()
    {
        var owner = await AddUserAsync(UserGroup.ProjectOperations, "Pirjo Projekti");
        var (projectId, _) = await ArrangeAsync(owner);
        await SignInAsync(UserGroup.AccountManager, "Minna Myyjä");

        var page = RenderWithProviders<ProjectPage>(p => p.Add(c => c.Id, projectId));

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-testid=project-network] tbody tr").Count));
        Assert.Empty(page.FindAll("[data-testid=project-edit]"));
        Assert.Empty(page.FindAll("[data-testid=network-add]"));
        Assert.Empty(page.FindAll("[data-testid=network-remove]"));
        Assert.NotEmpty(page.FindAll("[data-testid=network-export]"));
    }

    [Fact]
    public async Task The_customers_projects_tab_lists_the_projects_with_the_part_and_status_and_links_them()
    {
        var owner = await SignInAsync(UserGroup.ProjectOperations, "Pirjo Projekti");
        var (projectId, customerId) = await ArrangeAsync(owner);

        var tab = Render<CustomerProjectsTab>(p => p.Add(c => c.CustomerId, customerId));

        tab.WaitForAssertion(() => Assert.Equal(3, tab.FindAll("[data-testid=customer-projects] tbody tr").Count));
        var rows = tab.FindAll("[data-testid=customer-projects] tbody tr");
        Assert.Equal(["Osaava pk-yritys", "Käynnissä", "Organisaatio", "Koordinaattori"], rows[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Equal(["Osaava pk-yritys", "Käynnissä", "Kaisa Kivi", "Ohjausryhmä"], rows[1].QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Contains("Lähtenyt", rows[2].TextContent);
        Assert.Equal($"/projects/{projectId}", rows[0].QuerySelector("a")!.GetAttribute("href"));

        var empty = Render<CustomerProjectsTab>(p => p.Add(c => c.CustomerId, -1));
        empty.WaitForAssertion(() => Assert.NotEmpty(empty.FindAll("[data-testid=customer-projects-empty]")));
    }

    [Fact]
    public async Task Logging_work_from_the_project_page_preselects_the_project_in_the_activity_form()
    {
        var owner = await SignInAsync(UserGroup.ProjectOperations, "Pirjo Projekti");
        var (projectId, _) = await ArrangeAsync(owner);

        await ShowDialogAsync(new DialogParameters<ActivityDialog> { { d => d.Initial, new ActivityEdit { ProjectId = projectId, Date = new DateTime(2026, 3, 2) } } });

        Providers.WaitForAssertion(() => Assert.NotEmpty(Providers.FindAll("[data-testid=activity-project]")));
        Assert.Equal("Osaava pk-yritys", ShownProject());
    }

    /// <summary>The project the form's select shows, as the user reads it.</summary>
    private string? ShownProject() => Providers.Find("input[data-testid=activity-project]").GetAttribute("value");

    [Fact]
    public async Task An_activity_on_an_ended_project_still_shows_its_project_though_new_work_cannot_choose_it()
    {
        var owner = await SignInAsync(UserGroup.ProjectOperations, "Pirjo Projekti");
        var (projectId, _) = await ArrangeAsync(owner, ProjectStatus.Ended);
        var activityId = await WithDbAsync(db => Task.FromResult(db.Activities.First(a => a.ProjectId == projectId).Id));

        await ShowDialogAsync(new DialogParameters<ActivityDialog> { { d => d.ActivityId, activityId } });

        Providers.WaitForAssertion(() => Assert.NotEmpty(Providers.FindAll("[data-testid=activity-project]")));
        Assert.Equal("Osaava pk-yritys", ShownProject());
        Assert.DoesNotContain((await Services.GetRequiredService<ActivityService>().GetFormDataAsync()).Projects!, p => p.Id == projectId);
    }
}
