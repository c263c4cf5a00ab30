using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Segments;
using Portaali.Core.Suggestions;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Segments;

/// <summary>A is proposed by the customer's people and decided by management; the proposer sees the outcome.</summary>
public class KeyAccountProposalTests : HarnessTest
{
    private KeyAccountProposalService Proposals => H.Service<KeyAccountProposalService>();

    private async Task<(AppUser minna, AppUser riitta, Customer bakery)> ArrangeAsync()
    {
        var minna = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var riitta = await H.CreateUserAsync(UserGroup.Management, "Riitta Halonen");
        var bakery = await H.AddCustomerAsync("Vantaan Leipomo Oy", segment: Segment.B);
        await H.AddResponsibleAsync(bakery.Id, minna.Id);
        return (minna, riitta, bakery);
    }

    private async Task AddKeyAccountsAsync(int count)
    {
        for (var i = 1; i <= count; i++) await H.AddCustomerAsync($"Avainasiakas {i} Oy", segment: Segment.A);
    }

    [Fact]
    public async Task Responsible_account_manager_proposes_and_management_approves_with_history_and_audit()
    {
        var (minna, riitta, bakery) = await ArrangeAsync();
        using var _ = UiCulture.Finnish();
        H.SignInAs(minna);
        await Proposals.ProposeAsync(bakery.Id, "  Kolme koulutustilausta vuodessa, puitesopimus neuvottelussa ");

        H.SignInAs(riitta);
        var pending = await Proposals.ListPendingAsync();
        var row = Assert.Single(pending.Items);
        Assert.Equal(("Vantaan Leipomo Oy", Segment.B, "Minna Lehtonen", "Minna Lehtonen", "Kolme koulutustilausta vuodessa, puitesopimus neuvottelussa"),
            (row.CustomerName, row.CurrentSegment, row.Responsibles, row.ProposedByName, row.Justification));
        Assert.Equal(5, pending.FreeSlots);
        Assert.True(pending.CanDecide);

        await Proposals.ApproveAsync(row.Id, "Hyvä perustelu", row.Version);

        var details = await H.Customers.GetAsync(bakery.Id);
        Assert.Equal(Segment.A, details.Segment);
        var change = details.SegmentHistory[0];
        Assert.Equal((Segment.B, Segment.A, "A-ehdotus hyväksytty: Kolme koulutustilausta vuodessa, puitesopimus neuvottelussa – Johto: Hyvä perustelu", "Riitta Halonen"),
            ((Segment)change.From!, change.To, change.Reason, change.ChangedBy));
        var audit = await H.Customers.GetAuditTrailAsync(bakery.Id);
        Assert.Contains(audit, a => a.EntityType == "KeyAccountProposal" && a.Action == "Proposed" && a.UserName == "Minna Lehtonen");
        Assert.Contains(audit, a => a.EntityType == "KeyAccountProposal" && a.Action == "Approved" && a.UserName == "Riitta Halonen");
        Assert.Empty((await Proposals.ListPendingAsync()).Items);
        Assert.Equal(4, (await Proposals.ListPendingAsync()).FreeSlots);
    }

    [Fact]
    public async Task Proposer_sees_the_rejection_with_the_note_as_new_until_marked_seen()
    {
        var (minna, riitta, bakery) = await ArrangeAsync();
        H.SignInAs(minna);
        var id = await Proposals.ProposeAsync(bakery.Id, "Paljon tilauksia");
        H.SignInAs(riitta);
        var version = (await Proposals.ForCustomerAsync(bakery.Id)).Pending!.Version;
        await Proposals.RejectAsync(id, "Ei vielä: odotetaan puitesopimusta", version);

        H.SignInAs(minna);
        var mine = Assert.Single(await Proposals.ListMineAsync());
        Assert.Equal((KeyAccountProposalState.Rejected, "Ei vielä: odotetaan puitesopimusta", "Riitta Halonen", true),
            (mine.State, mine.DecisionNote, mine.DecidedByName, mine.IsNew));
        Assert.Equal(1, await Proposals.CountUnseenAsync());

        await Proposals.MarkSeenAsync();

        Assert.False(Assert.Single(await Proposals.ListMineAsync()).IsNew);
        Assert.Equal(0, await Proposals.CountUnseenAsync());
        Assert.Equal(Segment.B, (await H.Customers.GetAsync(bakery.Id)).Segment);
    }

    [Fact]
    public async Task Rejecting_needs_a_note_in_both_languages()
    {
        var (minna, riitta, bakery) = await ArrangeAsync();
        H.SignInAs(minna);
        var id = await Proposals.ProposeAsync(bakery.Id, "Paljon tilauksia");
        H.SignInAs(riitta);
        var version = (await Proposals.ForCustomerAsync(bakery.Id)).Pending!.Version;

        using (UiCulture.Finnish())
        {
            var fi = await Assert.ThrowsAsync<ValidationFailedException>(() => Proposals.RejectAsync(id, "  ", version));
            Assert.Equal(("DecisionNote", "Kerro ehdottajalle, miksi ehdotus hylätään."), (fi.Errors[0].Field, fi.Errors[0].Message));
        }
        using (UiCulture.English())
        {
            var en = await Assert.ThrowsAsync<ValidationFailedException>(() => Proposals.RejectAsync(id, null, version));
            Assert.Equal("Tell the proposer why the proposal is rejected.", en.Errors[0].Message);
        }
        Assert.NotNull((await Proposals.ForCustomerAsync(bakery.Id)).Pending);
    }

    [Fact]
    public async Task Justification_is_required_at_the_field_in_both_languages()
    {
        var (minna, _, bakery) = await ArrangeAsync();
        H.SignInAs(minna);
        using (UiCulture.Finnish())
        {
            var fi = await Assert.ThrowsAsync<ValidationFailedException>(() => Proposals.ProposeAsync(bakery.Id, " "));
            Assert.Equal(("Justification", "Perustele, miksi asiakkaan pitäisi olla avainasiakas (A)."), (fi.Errors[0].Field, fi.Errors[0].Message));
        }
        using (UiCulture.English())
        {
            var en = await Assert.ThrowsAsync<ValidationFailedException>(() => Proposals.ProposeAsync(bakery.Id, null));
            Assert.Equal("Explain why the customer should be a key account (A).", en.Errors[0].Message);
            var tooLong = await Assert.ThrowsAsync<ValidationFailedException>(() => Proposals.ProposeAsync(bakery.Id, new string('x', 2001)));
            Assert.Equal("The justification is too long (at most 2000 characters).", tooLong.Errors[0].Message);
        }
        Assert.Null((await Proposals.ForCustomerAsync(bakery.Id)).Pending);
    }

    [Fact]
    public async Task Only_the_customers_people_and_management_may_propose()
    {
        var (_, riitta, bakery) = await ArrangeAsync();
        var other = await H.CreateUserAsync(UserGroup.AccountManager, "Pekka Muu");
        H.SignInAs(other);
        using var _ = UiCulture.Finnish();

        Assert.False((await Proposals.ForCustomerAsync(bakery.Id)).CanPropose);
        var error = await Assert.ThrowsAsync<ForbiddenException>(() => Proposals.ProposeAsync(bakery.Id, "Hyvä asiakas"));
        Assert.Equal("A-segmenttiä voivat ehdottaa asiakkaan vastuuhenkilöt ja johto.", error.Message);

        H.SignInAs(riitta);
        Assert.True((await Proposals.ForCustomerAsync(bakery.Id)).CanPropose);
        await Proposals.ProposeAsync(bakery.Id, "Johdon oma ehdotus");
        Assert.NotNull((await Proposals.ForCustomerAsync(bakery.Id)).Pending);
    }

    [Fact]
    public async Task Account_manager_cannot_approve_or_reject()
    {
        var (minna, _, bakery) = await ArrangeAsync();
        H.SignInAs(minna);
        var id = await Proposals.ProposeAsync(bakery.Id, "Paljon tilauksia");
        var pending = (await Proposals.ForCustomerAsync(bakery.Id)).Pending!;
        Assert.False(pending.CanDecide);
        Assert.True(pending.CanWithdraw);

        await Assert.ThrowsAsync<ForbiddenException>(() => Proposals.ApproveAsync(id, null, pending.Version));
        await Assert.ThrowsAsync<ForbiddenException>(() => Proposals.RejectAsync(id, "Ei", pending.Version));
        Assert.Equal(Segment.B, (await H.Customers.GetAsync(bakery.Id)).Segment);
    }

    [Fact]
    public async Task A_second_pending_proposal_an_a_customer_and_a_passive_customer_are_refused()
    {
        var (minna, riitta, bakery) = await ArrangeAsync();
        var keyAccount = await H.AddCustomerAsync("Avain Oy", segment: Segment.A);
        var passive = await H.AddCustomerAsync("Lopettanut Oy", segment: Segment.B, passive: true);
        await H.AddResponsibleAsync(keyAccount.Id, minna.Id);
        await H.AddResponsibleAsync(passive.Id, minna.Id);
        H.SignInAs(minna);
        using var _ = UiCulture.Finnish();
        await Proposals.ProposeAsync(bakery.Id, "Paljon tilauksia");

        Assert.Equal("Asiakkaalle Vantaan Leipomo Oy on jo odottava A-ehdotus: johto käsittelee sen ensin.",
            (await Assert.ThrowsAsync<DomainException>(() => Proposals.ProposeAsync(bakery.Id, "Uudestaan"))).Message);
        Assert.Equal("Avain Oy on jo avainasiakas (A).",
            (await Assert.ThrowsAsync<DomainException>(() => Proposals.ProposeAsync(keyAccount.Id, "Jo A"))).Message);
        await Assert.ThrowsAsync<DomainException>(() => Proposals.ProposeAsync(passive.Id, "Passiivinen"));
        Assert.False((await Proposals.ForCustomerAsync(keyAccount.Id)).CanPropose);
        Assert.False((await Proposals.ForCustomerAsync(bakery.Id)).CanPropose);
        Assert.Single(await Proposals.ListMineAsync());
    }

    [Fact]
    public async Task Proposer_withdraws_and_may_propose_again_others_may_not_withdraw()
    {
        var (minna, riitta, bakery) = await ArrangeAsync();
        H.SignInAs(minna);
        var id = await Proposals.ProposeAsync(bakery.Id, "Paljon tilauksia");
        H.SignInAs(riitta);
        await Assert.ThrowsAsync<ForbiddenException>(() => Proposals.WithdrawAsync(id));

        H.SignInAs(minna);
        await Proposals.WithdrawAsync(id);

        Assert.Equal(KeyAccountProposalState.Withdrawn, (await Proposals.ListMineAsync())[0].State);
        Assert.Equal(0, await Proposals.CountUnseenAsync());
        Assert.True((await Proposals.ForCustomerAsync(bakery.Id)).CanPropose);
        await Proposals.ProposeAsync(bakery.Id, "Uusi perustelu");
        Assert.Equal(2, (await Proposals.ListMineAsync()).Count);
    }

    [Fact]
    public async Task A_stale_version_and_an_already_decided_proposal_give_clear_messages()
    {
        var (minna, riitta, bakery) = await ArrangeAsync();
        H.SignInAs(minna);
        var id = await Proposals.ProposeAsync(bakery.Id, "Paljon tilauksia");
        H.SignInAs(riitta);
        using var _ = UiCulture.Finnish();

        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Proposals.ApproveAsync(id, null, Guid.NewGuid()));
        Assert.Equal("Joku muutti A-ehdotusta sillä välin. Päivitä näkymä ja yritä uudelleen.", stale.Message);
        Assert.Equal(Segment.B, (await H.Customers.GetAsync(bakery.Id)).Segment);

        var version = (await Proposals.ForCustomerAsync(bakery.Id)).Pending!.Version;
        await Proposals.RejectAsync(id, "Ei nyt", version);
        var decided = await Assert.ThrowsAsync<DomainException>(() => Proposals.ApproveAsync(id, null, version));
        Assert.Equal("A-ehdotus on jo käsitelty (hylätty). Päivitä näkymä.", decided.Message);
        Assert.Equal(Segment.B, (await H.Customers.GetAsync(bakery.Id)).Segment);
    }

    [Fact]
    public async Task Approving_a_sixth_is_refused_naming_the_five_and_nothing_is_saved()
    {
        var (minna, riitta, bakery) = await ArrangeAsync();
        await AddKeyAccountsAsync(5);
        H.SignInAs(minna);
        var id = await Proposals.ProposeAsync(bakery.Id, "Paljon tilauksia");
        H.SignInAs(riitta);
        var version = (await Proposals.ForCustomerAsync(bakery.Id)).Pending!.Version;
        Assert.Equal(0, (await Proposals.ListPendingAsync()).FreeSlots);

        using (UiCulture.English())
        {
            var error = await Assert.ThrowsAsync<KeyAccountLimitException>(() => Proposals.ApproveAsync(id, "Yes", version));
            Assert.Equal("Segment A holds at most 5 active customers. It now holds Avainasiakas 1 Oy, Avainasiakas 2 Oy, Avainasiakas 3 Oy, "
                + "Avainasiakas 4 Oy, Avainasiakas 5 Oy. Move one of them out of segment A first.", error.Message);
        }

        var details = await H.Customers.GetAsync(bakery.Id);
        Assert.Equal(Segment.B, details.Segment);
        Assert.Empty(details.SegmentHistory);
        var pending = (await Proposals.ForCustomerAsync(bakery.Id)).Pending;
        Assert.Equal(version, pending!.Version); // still pending, can be approved once a place is free
        Assert.DoesNotContain(await H.Customers.GetAuditTrailAsync(bakery.Id), a => a.Action == "Approved");
    }

    [Fact]
    public async Task Proposing_resolves_the_open_propose_a_suggestion_as_accepted()
    {
        var (minna, _, bakery) = await ArrangeAsync();
        await using (var db = H.Db())
        {
            db.Suggestions.Add(new Suggestion { CustomerId = bakery.Id, Kind = SuggestionKind.ProposeA, Code = "RFM-TOP", Reason = "Huippu-RFM kaksi vuotta", CreatedAt = CoreHarness.Now.UtcDateTime });
            db.Suggestions.Add(new Suggestion { CustomerId = bakery.Id, Kind = SuggestionKind.Passivate, Code = "KONK", Reason = "Konkurssi", CreatedAt = CoreHarness.Now.UtcDateTime });
            await db.SaveChangesAsync();
        }
        H.SignInAs(minna);

        await Proposals.ProposeAsync(bakery.Id, "RFM-pisteet huipussa");

        await using var check = H.Db();
        var suggestions = await check.Suggestions.AsNoTracking().OrderBy(s => s.Id).ToListAsync();
        Assert.Equal((SuggestionResolution?)SuggestionResolution.Accepted, suggestions[0].Resolution);
        Assert.Equal("Minna Lehtonen", suggestions[0].ResolvedByName);
        Assert.Null(suggestions[1].Resolution);
    }

    [Fact]
    public async Task Merging_keeps_the_duplicates_proposals_on_the_survivor()
    {
        var (minna, _, bakery) = await ArrangeAsync();
        var survivor = await H.AddCustomerAsync("Vantaan Leipomo Oy (uusi)", "0737546-2", segment: Segment.B);
        H.SignInAs(minna);
        await Proposals.ProposeAsync(bakery.Id, "Paljon tilauksia");
        await H.SignInAsAsync(UserGroup.Administrator);

        await H.Customers.MergeAsync(bakery.Id, survivor.Id);

        H.SignInAs(minna);
        var mine = Assert.Single(await Proposals.ListMineAsync());
        Assert.Equal((survivor.Id, KeyAccountProposalState.Pending), (mine.CustomerId, mine.State));
    }
}
