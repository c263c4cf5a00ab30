using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portaali.Core.Activities;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Activities;

namespace Portaali.Tests.Components.Offers;

/// <summary>An offer made from a visit: the form opens linked to that activity, and the saved offer's page opens.</summary>
public class OfferFromActivityTests : ComponentHarness
{
    [Fact]
    public async Task An_offer_made_from_a_visit_is_linked_to_it_and_its_page_opens()
    {
        await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var customerId = await AddCustomerAsync("Virtasen Kuljetus Oy");
        var visit = await Services.GetRequiredService<ActivityService>().CreateAsync(new ActivityEdit
        {
            CustomerId = customerId, TypeId = 5, Title = "Käynti: trukkikoulutus", Date = DateTime.Today.AddDays(-1), StartTime = new TimeSpan(10, 0, 0),
        });
        var dialog = await ShowDialogAsync(new DialogParameters<ActivityDialog> { { d => d.ActivityId, visit } });
        Providers.WaitForAssertion(() => Assert.NotEmpty(Providers.FindAll("[data-testid=activity-meta]")));

        // The click's handler waits for the offer dialog, so it completes only after the offer is saved.
        var offering = Providers.Find("[data-testid=offer-from-activity]").ClickAsync(new MouseEventArgs());
        Providers.WaitForAssertion(() => Assert.NotEmpty(Providers.FindAll("[data-testid=offer-form]")));
        Assert.Contains("Käynti: trukkikoulutus", Providers.Find("[data-testid=offer-form]").InnerHtml);
        Providers.Find("#offer-title").Input("Trukkikoulutus käynnin pohjalta");
        Providers.Find("[data-testid=add-tailored-line]").Click();
        Providers.Find("#line-0-description").Input("Trukkikoulutus, 8 henkilöä");
        Providers.Find("#line-0-price").Input("3 600");
        await Providers.Find("[data-testid=save-offer]").ClickAsync(new MouseEventArgs());
        await offering.WaitAsync(TimeSpan.FromSeconds(30));

        var offer = await WithDbAsync(db => db.Offers.AsNoTracking().SingleAsync());
        Assert.Equal((visit, 360_000L), (offer.ActivityId!.Value, offer.TotalExVatCents));
        Assert.True(dialog.Result.IsCompleted);
        Assert.EndsWith($"/offers/{offer.Id}", Services.GetRequiredService<NavigationManager>().Uri);
    }
}
