using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Contacts;
using Portaali.Core.Projects;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Selections;

namespace Portaali.Tests.Components.Projects;

/// <summary>"Poimi verkosto" on a project page opens the builder with the project's network as its criterion.</summary>
public class ProjectSelectionTests : ComponentHarness
{
    public ProjectSelectionTests() => Services.AddScoped<SelectionPreviewer>();

    [Fact]
    public async Task A_new_selection_from_a_project_starts_with_its_network_and_counts_the_contacts_named_in_it()
    {
        var owner = await SignInAsync(UserGroup.ProjectOperations, "Pirjo Projekti");
        var customerId = await AddCustomerAsync("Verkosto Oy");
        var projectId = await WithDbAsync(async db =>
        {
            var named = new Contact { CustomerId = customerId, FirstName = "Nimetty", LastName = "Henkilö" };
            db.Contacts.AddRange(named, new Contact { CustomerId = customerId, FirstName = "Muu", LastName = "Henkilö" });
            await db.SaveChangesAsync();
            var project = new Project { Name = "Verkostohanke", OwnerUserId = owner.Id, Status = ProjectStatus.Active };
            project.Network.Add(new ProjectNetworkMember { CustomerId = customerId, ContactId = named.Id, Role = ProjectRole.Expert });
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            return project.Id;
        });

        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo($"/selections/new?project={projectId}");
        var page = RenderWithProviders<SelectionBuilder>(p => p.Add(b => b.Debounce, TimeSpan.Zero));

        page.WaitForAssertion(() => Assert.Equal("1 yhteyshenkilöä", page.Find("[data-testid=selection-count]").TextContent.Trim()));
        Assert.Contains("Projektiverkosto", page.Find("[data-testid=criterion-ProjectNetworkCriterion]").TextContent);
        Assert.Contains("Verkostohanke", page.Find("[data-testid=criterion-ProjectNetworkCriterion]").InnerHtml);
    }
}
