using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Activities;

namespace Portaali.Tests.Components.Activities;

/// <summary>A new activity opened from a customer's tab: the dialog names that customer and shows no placeholder values.</summary>
public class ActivityDialogNewTests : ComponentHarness
{
    [Fact]
    public async Task From_the_customer_tab_the_dialog_shows_the_customer_name_and_an_empty_type()
    {
        await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var customerId = await AddCustomerAsync("Virtasen Kuljetus Oy");

        await ShowDialogAsync(new DialogParameters<ActivityDialog>
        {
            { d => d.CustomerId, customerId }, { d => d.CustomerName, "Virtasen Kuljetus Oy" }, { d => d.FixedCustomer, true },
        });
        Providers.WaitForAssertion(() => Assert.NotEmpty(Providers.FindAll("[data-testid=activity-form]")));

        var values = Providers.FindAll("[data-testid=activity-form] input:not(#activity-repeat)").Select(i => i.GetAttribute("value") ?? "").ToList();
        Assert.Contains("Virtasen Kuljetus Oy", values);
        Assert.DoesNotContain("customerName", Providers.Markup);
        Assert.DoesNotContain("0", values); // the unselected type is blank, not its id
    }

    [Fact]
    public async Task Just_after_midnight_in_helsinki_a_new_activity_is_dated_today_not_yesterday_in_utc()
    {
        // 00:30 on 10 March in Helsinki is still 9 March in UTC, the zone the server runs in.
        Services.AddSingleton<TimeProvider>(new Portaali.Tests.Support.FixedClock(new DateTimeOffset(2026, 3, 9, 22, 30, 0, TimeSpan.Zero)));
        await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");

        await ShowDialogAsync(new DialogParameters<ActivityDialog>());
        Providers.WaitForAssertion(() => Assert.NotEmpty(Providers.FindAll("#activity-date")));

        Assert.Equal("10.3.2026", Providers.Find("#activity-date").GetAttribute("value"));
    }

    [Fact]
    public async Task A_new_activity_can_repeat_weekly_and_the_form_says_how_many_and_until_when()
    {
        await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        await ShowDialogAsync(new DialogParameters<ActivityDialog>
        {
            { d => d.Initial, new Portaali.Core.Activities.ActivityEdit { Date = new DateTime(2026, 3, 17), TypeId = 10, Title = "Viikkopalaveri" } },
        });
        Providers.WaitForAssertion(() => Assert.NotEmpty(Providers.FindAll("#activity-repeat")));
        Assert.Contains("0 = ei toistoa", Providers.Find("[data-testid=activity-form]").TextContent);

        Providers.Find("#activity-repeat").Change("3");

        Providers.WaitForAssertion(() => Assert.Contains("Luodaan 4 toimenpidettä, viimeinen ti 7.4.2026.", Providers.Find("[data-testid=activity-form]").TextContent));
    }
}
