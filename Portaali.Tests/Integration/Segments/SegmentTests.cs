using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Segments;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Segments;

public class SegmentTests : HarnessTest
{
    [Theory]
    [InlineData(UserGroup.AccountManager)]
    [InlineData(UserGroup.CustomerRelationshipManager)]
    [InlineData(UserGroup.Administrator)]
    public async Task Only_management_may_make_a_customer_a_key_account(UserGroup group)
    {
        await H.SignInAsAsync(group);
        var customer = await H.AddCustomerAsync("Vantaan Leipomo Oy", segment: Segment.B);

        using var _ = UiCulture.Finnish();
        var error = await Assert.ThrowsAsync<ForbiddenException>(() => H.Segments.ChangeAsync(customer.Id, Segment.A, "Laaja yhteistyö"));
        Assert.StartsWith("Vain johto voi nostaa asiakkaan A-segmenttiin", error.Message);

        var details = await H.Customers.GetAsync(customer.Id);
        Assert.Equal(Segment.B, details.Segment);
        Assert.Empty(details.SegmentHistory);
    }

    [Fact]
    public async Task Management_change_to_a_is_recorded_with_who_when_and_why()
    {
        var riitta = await H.CreateUserAsync(UserGroup.Management, "Riitta Halonen");
        var customer = await H.AddCustomerAsync("Vantaan Leipomo Oy", segment: Segment.B);
        H.SignInAs(riitta);

        await H.Segments.ChangeAsync(customer.Id, Segment.A, "  Yhteistyösopimus, hyväksytty johtoryhmässä ");

        var details = await H.Customers.GetAsync(customer.Id);
        Assert.Equal(Segment.A, details.Segment);
        var change = Assert.Single(details.SegmentHistory);
        Assert.Equal(new SegmentHistoryRow(Segment.B, Segment.A, "Yhteistyösopimus, hyväksytty johtoryhmässä", "Riitta Halonen",
            CoreHarness.Now.UtcDateTime), change);
        var audit = Assert.Single(await H.Customers.GetAuditTrailAsync(customer.Id));
        Assert.Equal(("SegmentChanged", "B", "A"), (audit.Action, audit.Changes[0].Old, audit.Changes[0].New));
    }

    [Fact]
    public async Task Sixth_key_account_is_refused()
    {
        await H.SignInAsAsync(UserGroup.Management);
        using var _ = UiCulture.Finnish();
        for (var i = 1; i <= 5; i++) await H.AddCustomerAsync($"Avainasiakas {i} Oy", segment: Segment.A);
        var sixth = await H.AddCustomerAsync("Vantaan Leipomo Oy", segment: Segment.B);

        var error = await Assert.ThrowsAsync<KeyAccountLimitException>(() => H.Segments.ChangeAsync(sixth.Id, Segment.A, "Iso tilaus"));

        Assert.Equal("A-segmentissä voi olla enintään 5 aktiivista asiakasta. Nyt siinä ovat Avainasiakas 1 Oy, Avainasiakas 2 Oy, " +
            "Avainasiakas 3 Oy, Avainasiakas 4 Oy, Avainasiakas 5 Oy. Siirrä ensin joku niistä pois A-segmentistä.", error.Message);
        Assert.Equal(Segment.B, (await H.Customers.GetAsync(sixth.Id)).Segment);
    }

    [Fact]
    public async Task Fifth_key_account_is_allowed_and_freeing_a_place_lets_another_in()
    {
        await H.SignInAsAsync(UserGroup.Management);
        var keyAccounts = new List<int>();
        for (var i = 1; i <= 4; i++) keyAccounts.Add((await H.AddCustomerAsync($"Avainasiakas {i} Oy", segment: Segment.A)).Id);
        var fifth = await H.AddCustomerAsync("Vantaan Leipomo Oy");
        var sixth = await H.AddCustomerAsync("Espoon Sähkötyö Oy");

        await H.Segments.ChangeAsync(fifth.Id, Segment.A, "Yhteistyösopimus");
        await Assert.ThrowsAsync<KeyAccountLimitException>(() => H.Segments.ChangeAsync(sixth.Id, Segment.A, "Yhteistyösopimus"));
        await H.Segments.ChangeAsync(keyAccounts[0], Segment.B, "Yhteistyö päättyi");
        await H.Segments.ChangeAsync(sixth.Id, Segment.A, "Yhteistyösopimus");

        Assert.Equal(Segment.A, (await H.Customers.GetAsync(sixth.Id)).Segment);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Segment_change_needs_a_reason(string reason)
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        using var _ = UiCulture.Finnish();
        var customer = await H.AddCustomerAsync("Vantaan Leipomo Oy");

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => H.Segments.ChangeAsync(customer.Id, Segment.B, reason));

        Assert.Equal("Kerro segmentin muutoksen peruste.", Assert.Single(error.Errors).Message);
        var details = await H.Customers.GetAsync(customer.Id);
        Assert.Equal(Segment.C, details.Segment);
        Assert.Empty(details.SegmentHistory);
    }

    [Fact]
    public async Task Account_manager_moves_between_b_c_and_potential_and_history_lists_newest_first()
    {
        var minna = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var customer = await H.AddCustomerAsync("Vantaan Leipomo Oy", segment: Segment.Potential);
        H.SignInAs(minna);

        await H.Segments.ChangeAsync(customer.Id, Segment.B, "Ensimmäinen tilaus");
        H.Clock.Advance(TimeSpan.FromDays(200));
        await H.Segments.ChangeAsync(customer.Id, Segment.C, "Ei tilauksia vuoteen");

        var history = (await H.Customers.GetAsync(customer.Id)).SegmentHistory;
        Assert.Equal([(Segment.B, Segment.C, "Ei tilauksia vuoteen"), (Segment.Potential, Segment.B, "Ensimmäinen tilaus")],
            history.Select(h => ((Segment)h.From!, h.To, h.Reason)));
        Assert.All(history, h => Assert.Equal("Minna Lehtonen", h.ChangedBy));
    }

    [Fact]
    public async Task Only_management_may_move_a_key_account_out_of_a()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        using var _ = UiCulture.Finnish();
        var customer = await H.AddCustomerAsync("Vantaan Leipomo Oy", segment: Segment.A);

        var error = await Assert.ThrowsAsync<ForbiddenException>(() => H.Segments.ChangeAsync(customer.Id, Segment.B, "Vähemmän yhteistyötä"));

        Assert.Equal("Vain johto voi siirtää avainasiakkaan pois A-segmentistä.", error.Message);
        Assert.Equal(Segment.A, (await H.Customers.GetAsync(customer.Id)).Segment);
    }

    [Theory]
    [InlineData(UserGroup.ProjectOperations)]
    [InlineData(UserGroup.Communications)]
    public async Task Staff_outside_the_customer_team_cannot_change_segments(UserGroup group)
    {
        await H.SignInAsAsync(group);
        var customer = await H.AddCustomerAsync("Vantaan Leipomo Oy");

        await Assert.ThrowsAsync<ForbiddenException>(() => H.Segments.ChangeAsync(customer.Id, Segment.B, "Tarjous tehty"));
        Assert.Equal(Segment.C, (await H.Customers.GetAsync(customer.Id)).Segment);
    }

    [Fact]
    public async Task Passive_customer_cannot_change_segment()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Vantaan Leipomo Oy", passive: true);

        await Assert.ThrowsAsync<DomainException>(() => H.Segments.ChangeAsync(customer.Id, Segment.B, "Tarjous tehty"));
        Assert.Equal(Segment.C, (await H.Customers.GetAsync(customer.Id)).Segment);
    }
}
