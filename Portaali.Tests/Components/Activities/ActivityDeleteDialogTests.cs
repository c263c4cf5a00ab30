using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portaali.Core.Activities;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Activities;

namespace Portaali.Tests.Components.Activities;

/// <summary>Deleting from the activity dialog: offered only to whom Core allows it, and only after a confirmation.</summary>
public class ActivityDeleteDialogTests : ComponentHarness
{
    private async Task<int> AddVisitAsync(int customerId, DateTime date) =>
        await Services.GetRequiredService<ActivityService>().CreateAsync(new ActivityEdit
        {
            CustomerId = customerId, TypeId = 5, Title = "Käynti: trukkikoulutus", Date = date, StartTime = new TimeSpan(10, 0, 0),
        });

    private async Task<IDialogReference> OpenAsync(int activityId)
    {
        var dialog = await ShowDialogAsync(new DialogParameters<ActivityDialog> { { d => d.ActivityId, activityId } });
        Providers.WaitForAssertion(() => Assert.NotEmpty(Providers.FindAll("[data-testid=activity-meta]")));
        return dialog;
    }

    [Fact]
    public async Task The_creator_deletes_a_planned_visit_after_confirming_it()
    {
        await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var customerId = await AddCustomerAsync("Virtasen Kuljetus Oy");
        var id = await AddVisitAsync(customerId, DateTime.Today.AddDays(7));
        var dialog = await OpenAsync(id);

        await Providers.Find("[data-testid=delete-activity]").ClickAsync(new MouseEventArgs());
        var confirm = Providers.WaitForElement("[data-testid=confirm-delete]");
        var text = System.Text.RegularExpressions.Regex.Replace(confirm.TextContent, @"\s+", " ");
        Assert.Contains("Poistetaanko toimenpide \"Käynti: trukkikoulutus\"? Poisto näkyy asiakkaan muutoshistoriassa.", text);
        Assert.Equal(1, await WithDbAsync(db => db.Activities.CountAsync())); // nothing is deleted before confirming

        await Providers.Find("[data-testid=delete-activity-confirm]").ClickAsync(new MouseEventArgs());

        Providers.WaitForAssertion(() => Assert.True(dialog.Result.IsCompleted));
        Assert.False((await dialog.Result)!.Canceled);
        Assert.Equal(0, await WithDbAsync(db => db.Activities.CountAsync()));
        Providers.WaitForAssertion(() => Assert.Contains("Toimenpide poistettu", Providers.Markup));
    }

    [Fact]
    public async Task No_delete_is_offered_on_an_ok_activity_to_its_creator()
    {
        await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var customerId = await AddCustomerAsync("Virtasen Kuljetus Oy");
        var id = await AddVisitAsync(customerId, DateTime.Today.AddDays(-7)); // in the past: OK
        await OpenAsync(id);

        Assert.Empty(Providers.FindAll("[data-testid=delete-activity]"));
        Assert.NotEmpty(Providers.FindAll("[data-testid=save-activity]"));
    }

    [Fact]
    public async Task Deleting_a_weekly_meeting_can_take_the_rest_of_its_series_along()
    {
        await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var first = await Services.GetRequiredService<ActivityService>().CreateAsync(new ActivityEdit
        {
            TypeId = 10, Title = "Viikkopalaveri", Date = DateTime.Today.AddDays(7), StartTime = new TimeSpan(9, 0, 0), RepeatWeeks = 3,
        });
        await OpenAsync(first);

        await Providers.Find("[data-testid=delete-activity]").ClickAsync(new MouseEventArgs());
        var confirm = Providers.WaitForElement("[data-testid=confirm-delete]");
        Assert.Contains("Poista myös sarjan 3 myöhempää avointa toimenpidettä", confirm.TextContent);
        Providers.Find("[data-testid=confirm-delete] input[type=checkbox]").Change(true);
        await Providers.Find("[data-testid=delete-activity-confirm]").ClickAsync(new MouseEventArgs());

        Providers.WaitForAssertion(() => Assert.Contains("4 toimenpidettä poistettu", Providers.Markup));
        Assert.Equal(0, await WithDbAsync(db => db.Activities.CountAsync()));
    }
}
