using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Activities;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Customers;

namespace Portaali.Tests.Components.Activities;

/// <summary>The customer's Muutoshistoria tab, as a Finnish user reads an activity's history in it.</summary>
public class ActivityHistoryTabTests : ComponentHarness
{
    [Fact]
    public async Task Resolved_negative_feedback_reads_in_finnish_with_the_activity_named_and_statuses_translated()
    {
        await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var customerId = await AddCustomerAsync("Virtasen Kuljetus Oy");
        var activities = Services.GetRequiredService<ActivityService>();
        var id = await activities.CreateAsync(new ActivityEdit
        {
            CustomerId = customerId, TypeId = 1, KeywordId = 2, Title = "Kouluttaja myöhästyi",
            Date = new DateTime(2026, 3, 9), StartTime = new TimeSpan(9, 0, 0),
        });
        var version = (await activities.GetAsync(id)).Edit.Version;
        await activities.SetStatusAsync(id, ActivityStatus.Done, "Pahoittelimme asiakkaalle", version);

        var tab = Render<AuditTab>(p => p.Add(t => t.CustomerId, customerId));

        tab.WaitForAssertion(() =>
        {
            var rows = tab.FindAll("[data-testid=audit-trail] tbody tr");
            Assert.Equal(2, rows.Count);
            var resolved = rows[0].TextContent;
            Assert.Contains("Minna Lehtonen", resolved);
            Assert.Contains("Toimenpide · ratkaistu", resolved);
            Assert.Contains("Toimenpide: Kouluttaja myöhästyi (9.3.2026)", resolved);
            Assert.Contains("Tila: Hoitamatta → OK", resolved);
            Assert.Contains("Kuittaus: – → Pahoittelimme asiakkaalle", resolved);
            var created = rows[1].TextContent;
            Assert.Contains("Toimenpide · luotu", created);
            Assert.Contains("Tyyppi: – → Asiakaspalaute", created);
            Assert.Contains("Avainsana: – → Negatiivinen", created);
            Assert.DoesNotContain("Field_", tab.Markup);
        });
    }
}
