using Microsoft.EntityFrameworkCore;
using Portaali.Core.Projects;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Seeding;

[Collection(SeededDatabaseCollection.Name)]
public class ProjectDemoSeedTests(SeededDatabase seeded)
{
    private CoreHarness H => seeded.H;

    [Fact]
    public async Task Demo_projects_have_networks_of_seeded_customers_and_contacts_and_project_work_on_them()
    {
        await using var db = H.Db();
        var projects = await db.Projects.Select(p => new
        {
            p.Name, p.Status, Organisations = p.Network.Count(m => m.ContactId == null), Contacts = p.Network.Count(m => m.ContactId != null),
            Work = db.Activities.Count(a => a.ProjectId == p.Id),
        }).ToListAsync();

        Assert.Equal(4, projects.Count);
        Assert.Contains(projects, p => p.Name.Contains("Erasmus+") && p.Status == ProjectStatus.Active);
        Assert.All(projects, p => Assert.True(p.Organisations >= 5 && p.Work >= 2, p.Name));
        Assert.True(projects.Sum(p => p.Contacts) > 5);
        // Every contact in a network belongs to the organisation its row names.
        Assert.False(await db.ProjectNetworkMembers.AnyAsync(m => m.ContactId != null && m.Contact!.CustomerId != m.CustomerId));
    }
}
