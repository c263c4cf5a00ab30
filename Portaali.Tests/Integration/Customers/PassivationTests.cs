using Portaali.Core.Common;
using Portaali.Core.Contacts;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Customers;

public class PassivationTests : HarnessTest
{
    private static ContactEdit Liisa() => new() { FirstName = "Liisa", LastName = "Virtanen", Email = "liisa.virtanen@kuljetus.fi" };

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Passivating_needs_a_reason(string reason)
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        using var _ = UiCulture.Finnish();
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => H.Customers.PassivateAsync(customer.Id, reason));

        Assert.Equal("Kerro passivoinnin syy.", Assert.Single(error.Errors).Message);
        Assert.False((await H.Customers.GetAsync(customer.Id)).IsPassive);
    }

    [Fact]
    public async Task Passivated_customer_keeps_reason_and_date_and_rejects_new_contact()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        using var _ = UiCulture.Finnish();
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");

        await H.Customers.PassivateAsync(customer.Id, "  Toiminta lopetettu ");

        var details = await H.Customers.GetAsync(customer.Id);
        Assert.True(details.IsPassive);
        Assert.Equal("Toiminta lopetettu", details.PassivationReason);
        Assert.Equal(DateOnly.FromDateTime(CoreHarness.Now.UtcDateTime), details.PassivatedOn);

        var error = await Assert.ThrowsAsync<DomainException>(() => H.Contacts.CreateAsync(customer.Id, Liisa()));
        Assert.Equal("Asiakas Virtasen Kuljetus Oy on passiivinen: siihen ei voi liittää uutta työtä. Aktivoi asiakas ensin.", error.Message);
        Assert.Empty((await H.Customers.GetAsync(customer.Id)).Contacts);
    }

    [Fact]
    public async Task Reactivated_customer_accepts_new_contacts_and_the_trail_keeps_the_passivation()
    {
        var user = await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        await H.Customers.PassivateAsync(customer.Id, "Konkurssi");
        H.Clock.Advance(TimeSpan.FromDays(30));

        await H.Customers.ReactivateAsync(customer.Id);
        var contactId = await H.Contacts.CreateAsync(customer.Id, Liisa());

        var details = await H.Customers.GetAsync(customer.Id);
        Assert.False(details.IsPassive);
        Assert.Equal(contactId, Assert.Single(details.Contacts).Id);

        var trail = await H.Customers.GetAuditTrailAsync(customer.Id);
        var passivated = Assert.Single(trail, a => a.Action == "Passivated");
        Assert.Equal(CoreHarness.Now.UtcDateTime, passivated.At);
        Assert.Equal(user.DisplayName, passivated.UserName);
        Assert.Equal("Konkurssi", Assert.Single(passivated.Changes).New);
        var reactivated = Assert.Single(trail, a => a.Action == "Reactivated");
        Assert.Equal("Konkurssi", Assert.Single(reactivated.Changes).Old);
    }

    [Fact]
    public async Task Passivating_twice_is_refused()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        using var _ = UiCulture.Finnish();
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        await H.Customers.PassivateAsync(customer.Id, "Konkurssi");

        var error = await Assert.ThrowsAsync<DomainException>(() => H.Customers.PassivateAsync(customer.Id, "Uudestaan"));

        Assert.Equal("Asiakas on jo passiivinen.", error.Message);
        Assert.Equal("Konkurssi", (await H.Customers.GetAsync(customer.Id)).PassivationReason);
    }
}
