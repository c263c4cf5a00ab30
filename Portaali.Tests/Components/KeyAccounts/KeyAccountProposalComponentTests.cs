using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Portaali.Core.Segments;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Customers;
using Portaali.Web.Components.Pages.KeyAccounts;

namespace Portaali.Tests.Components.KeyAccounts;

/// <summary>The approval dialog, the pending list and the segment dialog as management and account managers see them.</summary>
public class KeyAccountProposalComponentTests : ComponentHarness
{
    private async Task<int> AddSegmentCustomerAsync(string name, Segment segment, int? responsibleUserId = null)
    {
        var id = await AddCustomerAsync(name, responsibleUserId: responsibleUserId);
        await WithDbAsync(db => db.Customers.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Segment, segment)));
        return id;
    }

    private async Task<KeyAccountProposal> AddProposalAsync(int customerId, AppUser by, string justification)
    {
        var proposal = new KeyAccountProposal
        {
            CustomerId = customerId, ProposedByUserId = by.Id, ProposedByName = by.DisplayName, Justification = justification,
            ProposedAt = DateTime.UtcNow, State = KeyAccountProposalState.Pending,
        };
        await WithDbAsync(db => { db.KeyAccountProposals.Add(proposal); return db.SaveChangesAsync(); });
        return proposal;
    }

    private async Task AddFiveKeyAccountsAsync()
    {
        for (var i = 1; i <= 5; i++) await AddSegmentCustomerAsync($"Avainasiakas {i} Oy", Segment.A);
    }

    private Task<Segment> SegmentOfAsync(int id) => WithDbAsync(db => db.Customers.Where(c => c.Id == id).Select(c => c.Segment).FirstAsync());

    [Fact]
    public async Task Approval_refused_for_a_sixth_shows_the_five_in_the_dialog_and_keeps_the_note()
    {
        var minna = await AddUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        await SignInAsync(UserGroup.Management, "Riitta Halonen");
        await AddFiveKeyAccountsAsync();
        var bakery = await AddSegmentCustomerAsync("Vantaan Leipomo Oy", Segment.B, minna.Id);
        var proposal = await AddProposalAsync(bakery, minna, "Kolme tilausta vuodessa");
        var dialog = await ShowDialogAsync(new DialogParameters<ProposalDecisionDialog>
        {
            { d => d.ProposalId, proposal.Id }, { d => d.Version, proposal.Version }, { d => d.Approve, true },
            { d => d.CustomerName, "Vantaan Leipomo Oy" }, { d => d.ProposedByName, "Minna Lehtonen" }, { d => d.Justification, "Kolme tilausta vuodessa" },
        });
        Assert.Contains("Kolme tilausta vuodessa", Providers.Markup);
        Providers.Find("#decision-note").Input("Tärkeä kumppani");

        await Providers.Find("[data-testid=decision-save]").ClickAsync(new MouseEventArgs());

        Providers.WaitForAssertion(() => Assert.Contains(
            "Nyt siinä ovat Avainasiakas 1 Oy, Avainasiakas 2 Oy, Avainasiakas 3 Oy, Avainasiakas 4 Oy, Avainasiakas 5 Oy.",
            Providers.Find("[data-testid=decision-error]").TextContent));
        Assert.Equal("Tärkeä kumppani", Providers.Find("#decision-note").GetAttribute("value"));
        Assert.False(dialog.Result.IsCompleted);
        Assert.Equal(Segment.B, await SegmentOfAsync(bakery));
    }

    [Fact]
    public async Task Rejecting_without_a_note_asks_for_it_at_the_field()
    {
        var minna = await AddUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        await SignInAsync(UserGroup.Management, "Riitta Halonen");
        var bakery = await AddSegmentCustomerAsync("Vantaan Leipomo Oy", Segment.B, minna.Id);
        var proposal = await AddProposalAsync(bakery, minna, "Kolme tilausta vuodessa");
        var dialog = await ShowDialogAsync(new DialogParameters<ProposalDecisionDialog>
        {
            { d => d.ProposalId, proposal.Id }, { d => d.Version, proposal.Version }, { d => d.Approve, false },
        });

        await Providers.Find("[data-testid=decision-save]").ClickAsync(new MouseEventArgs());

        Providers.WaitForAssertion(() => Assert.Contains("Kerro ehdottajalle, miksi ehdotus hylätään.", Providers.Markup));
        Assert.False(dialog.Result.IsCompleted);
        Assert.Equal(KeyAccountProposalState.Pending,
            await WithDbAsync(db => db.KeyAccountProposals.Where(p => p.Id == proposal.Id).Select(p => p.State).FirstAsync()));
    }

    [Fact]
    public async Task Pending_list_shows_the_proposal_and_approving_it_makes_the_customer_a_and_empties_the_list()
    {
        var minna = await AddUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        await SignInAsync(UserGroup.Management, "Riitta Halonen");
        var bakery = await AddSegmentCustomerAsync("Vantaan Leipomo Oy", Segment.B, minna.Id);
        await AddProposalAsync(bakery, minna, "Kolme tilausta vuodessa");
        var changed = 0;
        var list = RenderWithProviders<PendingProposals>(p => p.Add(c => c.Changed, () => changed++));

        list.WaitForAssertion(() => Assert.Single(list.FindAll("[data-testid=pending-proposal]")));
        var row = list.Find("[data-testid=pending-proposal]").TextContent;
        Assert.Contains("Vantaan Leipomo Oy", row);
        Assert.Contains("Minna Lehtonen", row);
        Assert.Contains("Kolme tilausta vuodessa", row);
        Assert.Equal("A-paikkoja vapaana 5/5.", list.Find("[data-testid=free-slots]").TextContent);

        // The click awaits the dialog it opens, so it completes only after the decision is saved.
        var approving = list.Find("[data-testid=pending-approve]").ClickAsync(new MouseEventArgs());
        Providers.WaitForElement("#decision-note").Input("Hyvä perustelu");
        await Providers.Find("[data-testid=decision-save]").ClickAsync(new MouseEventArgs());
        await approving;

        list.WaitForAssertion(() => Assert.NotNull(list.Find("[data-testid=no-pending-proposals]")));
        Assert.Equal("A-paikkoja vapaana 4/5.", list.Find("[data-testid=free-slots]").TextContent);
        Assert.Equal(1, changed);
        Assert.Equal(Segment.A, await SegmentOfAsync(bakery));
    }

    [Fact]
    public async Task Pending_list_has_no_decision_buttons_for_those_who_only_follow_key_accounts()
    {
        var minna = await AddUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        await SignInAsync(UserGroup.CustomerRelationshipManager, "Jari Mäkinen");
        var bakery = await AddSegmentCustomerAsync("Vantaan Leipomo Oy", Segment.B, minna.Id);
        await AddProposalAsync(bakery, minna, "Kolme tilausta vuodessa");

        var list = RenderWithProviders<PendingProposals>();

        list.WaitForAssertion(() => Assert.Single(list.FindAll("[data-testid=pending-proposal]")));
        Assert.Empty(list.FindAll("[data-testid=pending-approve]"));
    }

    [Fact]
    public async Task Segment_dialog_offers_a_to_management_only_and_says_a_is_proposed()
    {
        await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        await ShowDialogAsync(new DialogParameters<SegmentDialog> { { d => d.Current, Segment.B }, { d => d.CanSetA, false } });
        Assert.DoesNotContain("A – avainasiakas", Providers.Markup);
        Assert.Contains("A-segmenttiä ehdotetaan", Providers.Find("[data-testid=a-is-proposed]").TextContent);

        await ShowDialogAsync(new DialogParameters<SegmentDialog> { { d => d.Current, Segment.B }, { d => d.CanSetA, true } });
        Assert.Contains("A – avainasiakas", Providers.Markup);
    }
}
