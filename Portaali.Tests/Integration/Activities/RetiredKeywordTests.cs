using Portaali.Core.Activities;
using Portaali.Core.Common;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using static Portaali.Tests.Integration.Activities.ActivityTestData;

namespace Portaali.Tests.Integration.Activities;

/// <summary>A retired keyword is history: Core refuses it on new work, and keeps it on the activities that already have it.</summary>
public class RetiredKeywordTests : HarnessTest
{
    private const int SalesVisit = 3, AccountCare = 4;
    private static readonly DateTime Yesterday14 = new(2026, 3, 9, 14, 0, 0);

    private async Task RetireSalesVisitAsync()
    {
        await H.SignInAsAsync(UserGroup.Administrator);
        await H.ActivitySetup.UpdateKeywordAsync(SalesVisit, "Myyntikäynti", false, retired: true);
        await H.SignInAsAsync(UserGroup.AccountManager);
    }

    [Fact]
    public async Task New_activity_with_a_retired_keyword_is_refused()
    {
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        await RetireSalesVisitAsync();
        using var _ = UiCulture.Finnish();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            H.Activities.CreateAsync(Edit(Visit, customer.Id, "Käynti", Yesterday14, keyword: SalesVisit)));

        var message = Assert.Single(error.Errors, e => e.Field == "KeywordId");
        Assert.Equal("Avainsana Myyntikäynti on poistettu käytöstä: valitse toinen avainsana.", message.Message);
        Assert.Empty((await H.Activities.ListForCustomerAsync(customer.Id)).Items);
    }

    [Fact]
    public async Task The_refusal_is_in_english_too()
    {
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        await RetireSalesVisitAsync();
        using var _ = UiCulture.English();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            H.Activities.CreateAsync(Edit(Visit, customer.Id, "Visit", Yesterday14, keyword: SalesVisit)));

        Assert.Equal("Keyword Sales visit has been retired: choose another keyword.", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public async Task Changing_an_activity_to_a_retired_keyword_is_refused()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var id = await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Käynti", Yesterday14, keyword: AccountCare));
        await RetireSalesVisitAsync();
        var edit = (await H.Activities.GetAsync(id)).Edit;
        edit.KeywordId = SalesVisit;

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => H.Activities.UpdateAsync(id, edit));

        Assert.Equal("KeywordId", Assert.Single(error.Errors).Field);
        Assert.Equal(AccountCare, (await H.Activities.GetAsync(id)).Edit.KeywordId);
    }

    [Fact]
    public async Task Activity_that_already_has_a_retired_keyword_can_still_be_edited_and_moved()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var id = await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Käynti", Yesterday14, keyword: SalesVisit));
        await RetireSalesVisitAsync();
        var edit = (await H.Activities.GetAsync(id)).Edit;
        edit.Title = "Käynti: koulutustarpeet kartoitettu";

        var version = await H.Activities.UpdateAsync(id, edit);
        await H.Activities.MoveAsync(id, new DateTime(2026, 3, 9, 15, 0, 0), version);

        var details = await H.Activities.GetAsync(id);
        Assert.Equal(("Käynti: koulutustarpeet kartoitettu", SalesVisit, new TimeSpan(15, 0, 0)),
            (details.Edit.Title, details.Edit.KeywordId, details.Edit.StartTime!.Value));
    }
}
