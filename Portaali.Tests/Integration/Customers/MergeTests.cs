using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Classifications;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Segments;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Customers;

public class MergeTests : HarnessTest
{
    private AppUser admin = null!, minna = null!, janne = null!;
    private Customer survivor = null!, duplicate = null!;
    private int authorities, workPlacement;

    /// <summary>A survivor with thin data and a duplicate rich in contacts, classifications, numbers, history and fans.</summary>
    private async Task ArrangeAsync()
    {
        admin = await H.CreateUserAsync(UserGroup.Administrator, "Sari Lindqvist");
        minna = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        janne = await H.CreateUserAsync(UserGroup.AccountManager, "Janne Koskela");

        survivor = await H.AddCustomerAsync("Virtasen Kuljetus Oy", "0737546-2", "091", configure: c =>
        {
            c.Website = "https://www.virtasenkuljetus.fi";
            c.ExternalNumbers.Add(new ExternalNumber { System = "TOP", Number = "TOP-10001" });
        });
        duplicate = await H.AddCustomerAsync("Virtasen Kuljetus", null, "091", configure: c =>
        {
            c.Phone = "09 123 4567";
            c.Email = "info@virtasenkuljetus.fi";
            c.Website = "https://virtanen.example.fi";
            c.SizeClass = 4;
            c.Revenue = 1_200_000m;
            c.VisitingAddress = new Address { Street = "Satamatie 4", PostalCode = "00980", City = "Helsinki" };
            c.ExternalNumbers.Add(new ExternalNumber { System = "TOP", Number = "TOP-10002" });
            c.ExternalNumbers.Add(new ExternalNumber { System = "YTJ", Number = "Y-778899" });
        });
        await H.AddContactAsync(survivor.Id, "Anna", "Virtanen");
        await H.AddContactAsync(duplicate.Id, "Liisa", "Virtanen");
        await H.AddContactAsync(duplicate.Id, "Pekka", "Korhonen");
        await H.AddResponsibleAsync(survivor.Id, minna.Id);
        await H.AddResponsibleAsync(duplicate.Id, janne.Id);

        H.SignInAs(admin);
        var root = await H.Classifications.AddNodeAsync(ClassificationTarget.Customer, null, "Asiakasryhmät");
        authorities = await H.Classifications.AddNodeAsync(ClassificationTarget.Customer, root, "Viranomaiset");
        workPlacement = await H.Classifications.AddNodeAsync(ClassificationTarget.Customer, root, "Työssäoppimispaikat");
        await H.Classifications.AssignToCustomerAsync(survivor.Id, authorities);
        await H.Classifications.AssignToCustomerAsync(duplicate.Id, authorities);
        await H.Classifications.AssignToCustomerAsync(duplicate.Id, workPlacement);

        H.SignInAs(janne);
        await H.Segments.ChangeAsync(duplicate.Id, Segment.B, "Tarjouksia tehty");
        await H.Customers.ToggleFavouriteAsync(duplicate.Id);
    }

    [Fact]
    public async Task Administrator_merge_moves_everything_to_the_survivor_and_removes_the_duplicate()
    {
        await ArrangeAsync();
        H.SignInAs(admin);

        await H.Customers.MergeAsync(duplicate.Id, survivor.Id);

        await Assert.ThrowsAsync<NotFoundException>(() => H.Customers.GetAsync(duplicate.Id));
        var merged = await H.Customers.GetAsync(survivor.Id);
        Assert.Equal(["Anna Virtanen", "Liisa Virtanen", "Pekka Korhonen"], merged.Contacts.Select(c => c.FullName).Order());
        Assert.Equal([authorities, workPlacement], merged.Classifications.Select(k => k.NodeId).Order());
        Assert.Equal(["TOP-10001", "TOP-10002", "Y-778899"], merged.ExternalNumbers.Select(n => n.Number).Order());
        Assert.Contains(merged.SegmentHistory, s => s.To == Segment.B && s.Reason == "Tarjouksia tehty" && s.ChangedBy == "Janne Koskela");
        Assert.Equal(["Janne Koskela", "Minna Lehtonen"], merged.Responsibles.Select(r => r.Name));

        var trail = await H.Customers.GetAuditTrailAsync(survivor.Id);
        Assert.Contains(trail, a => a.Action == "ClassificationAdded" && a.Changes.Any(c => c.New == "Asiakasryhmät › Työssäoppimispaikat"));
        Assert.Contains(trail, a => a.Action == "SegmentChanged" && a.UserName == "Janne Koskela");
        var mergeEntry = Assert.Single(trail, a => a.Action == "Merged");
        Assert.Equal("Sari Lindqvist", mergeEntry.UserName);
        Assert.Contains(mergeEntry.Changes, c => c.Field == "MergedCustomer" && c.Old == "Virtasen Kuljetus (–)");

        await using var db = H.Db();
        Assert.False(await db.Customers.AnyAsync(c => c.Id == duplicate.Id));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.CustomerId == duplicate.Id));
        Assert.False(await db.CustomerClassifications.AnyAsync(k => k.CustomerId == duplicate.Id));
    }

    [Fact]
    public async Task Merge_moves_offers_orders_campaign_members_scorecard_targets_and_list_places_to_the_survivor()
    {
        await ArrangeAsync();
        var liisa = await H.AddContactAsync(duplicate.Id, "Liisa", "Heikkilä");
        var (offerId, listWithDuplicate, listWithBoth) = (0, 0, 0);
        await using (var db = H.Db())
        {
            var offer = new Portaali.Core.Offers.Offer
            {
                CustomerId = duplicate.Id, AccountManagerId = janne.Id, Title = "Työturvallisuuskoulutus", TotalExVatCents = 480_000,
                OfferedOn = new DateOnly(2026, 3, 2), ValidUntil = new DateOnly(2026, 4, 2), State = Portaali.Core.Offers.OfferState.Accepted,
            };
            offer.Order = new Portaali.Core.Offers.Order { CustomerId = duplicate.Id, AccountManagerId = janne.Id, TotalExVatCents = 480_000, OrderedOn = new DateOnly(2026, 3, 9) };
            db.Offers.Add(offer);
            var campaign = new Portaali.Core.Campaigns.Campaign { Name = "Kevätseminaari", OwnerUserId = admin.Id };
            campaign.Members.Add(new Portaali.Core.Campaigns.CampaignMember { ContactId = liisa.Id, CustomerId = duplicate.Id });
            db.Campaigns.Add(campaign);
            db.ScorecardTargets.Add(new Portaali.Core.KeyAccountTracking.ScorecardTarget { CustomerId = duplicate.Id, Year = 2026, Measure = default, Target = 10 });
            db.ScorecardTargets.Add(new Portaali.Core.KeyAccountTracking.ScorecardTarget { CustomerId = survivor.Id, Year = 2026, Measure = default, Target = 99 });
            db.ScorecardTargets.Add(new Portaali.Core.KeyAccountTracking.ScorecardTarget { CustomerId = duplicate.Id, Year = 2025, Measure = default, Target = 7 });
            var one = new Portaali.Core.Selections.Selection { Name = "Kuljetusyritykset", Kind = Portaali.Core.Selections.SelectionKind.Static, OwnerUserId = admin.Id };
            one.Members.Add(new() { MemberId = duplicate.Id });
            var both = new Portaali.Core.Selections.Selection { Name = "Molemmat", Kind = Portaali.Core.Selections.SelectionKind.Static, OwnerUserId = admin.Id };
            both.Members.AddRange([new() { MemberId = duplicate.Id }, new() { MemberId = survivor.Id }]);
            db.Selections.AddRange(one, both);
            await db.SaveChangesAsync();
            db.SelectionExportMembers.Add(new() { SelectionId = one.Id, MemberId = duplicate.Id });
            await db.SaveChangesAsync();
            (offerId, listWithDuplicate, listWithBoth) = (offer.Id, one.Id, both.Id);
        }
        H.SignInAs(admin);

        await H.Customers.MergeAsync(duplicate.Id, survivor.Id);

        await using var check = H.Db();
        Assert.Equal(survivor.Id, await check.Offers.Where(o => o.Id == offerId).Select(o => o.CustomerId).SingleAsync());
        Assert.Equal(survivor.Id, await check.Orders.Where(o => o.OfferId == offerId).Select(o => o.CustomerId).SingleAsync());
        Assert.Equal(survivor.Id, await check.CampaignMembers.Where(m => m.ContactId == liisa.Id).Select(m => m.CustomerId).SingleAsync());
        // The survivor's own target for 2026 wins; the duplicate's 2025 target is kept.
        Assert.Equal([(2025, 7L), (2026, 99L)], (await check.ScorecardTargets.Where(t => t.CustomerId == survivor.Id).OrderBy(t => t.Year)
            .Select(t => new { t.Year, t.Target }).ToListAsync()).Select(t => (t.Year, t.Target)));
        Assert.Equal([survivor.Id], await check.StaticListMembers.Where(m => m.SelectionId == listWithDuplicate).Select(m => m.MemberId).ToListAsync());
        Assert.Equal([survivor.Id], await check.StaticListMembers.Where(m => m.SelectionId == listWithBoth).Select(m => m.MemberId).ToListAsync());
        Assert.Equal([survivor.Id], await check.SelectionExportMembers.Where(m => m.SelectionId == listWithDuplicate).Select(m => m.MemberId).ToListAsync());
    }

    [Fact]
    public async Task Merge_fills_the_survivors_empty_fields_from_the_duplicate_but_keeps_its_own()
    {
        await ArrangeAsync();
        H.SignInAs(admin);

        await H.Customers.MergeAsync(duplicate.Id, survivor.Id);

        var merged = await H.Customers.GetAsync(survivor.Id);
        Assert.Equal("Virtasen Kuljetus Oy", merged.Name);
        Assert.Equal("0737546-2", merged.BusinessId);
        Assert.Equal("https://www.virtasenkuljetus.fi", merged.Website);
        Assert.Equal("09 123 4567", merged.Phone);
        Assert.Equal("info@virtasenkuljetus.fi", merged.Email);
        Assert.Equal(4, merged.SizeClass);
        Assert.Equal(1_200_000m, merged.Revenue);
        Assert.Equal("Satamatie 4, 00980 Helsinki", merged.VisitingAddress.ToString());
        Assert.NotEqual(survivor.Version, merged.Version);
    }

    [Fact]
    public async Task Merge_leaves_a_record_with_a_snapshot_of_the_duplicate()
    {
        await ArrangeAsync();
        H.SignInAs(admin);
        using var _ = UiCulture.Finnish();

        await H.Customers.MergeAsync(duplicate.Id, survivor.Id);

        var row = Assert.Single((await H.Customers.GetAsync(survivor.Id)).Merges);
        Assert.Equal("Virtasen Kuljetus", row.MergedName);
        Assert.Equal(CoreHarness.Now.UtcDateTime, row.MergedAt);
        Assert.Equal("Siirretty 2 yhteyshenkilöä, 1 luokitusta, 2 ulkoista numeroa ja 1 segmenttimuutosta.", row.Summary);

        await using var db = H.Db();
        var record = await db.CustomerMerges.SingleAsync();
        Assert.Equal((survivor.Id, duplicate.Id, admin.Id), (record.SurvivorId, record.MergedCustomerId, record.MergedByUserId));
        using var snapshot = JsonDocument.Parse(record.Snapshot);
        var fields = snapshot.RootElement.GetProperty("Fields");
        Assert.Equal("09 123 4567", fields.GetProperty("Phone").GetString());
        Assert.Equal("https://virtanen.example.fi", fields.GetProperty("Website").GetString());
        Assert.Equal(["TOP-10002", "Y-778899"], snapshot.RootElement.GetProperty("ExternalNumbers").EnumerateArray()
            .Select(n => n.GetProperty("Number").GetString()).Order());
        Assert.Equal([authorities, workPlacement], snapshot.RootElement.GetProperty("Classifications").EnumerateArray()
            .Select(n => n.GetInt32()).Order());
    }

    [Fact]
    public async Task Favourite_of_the_duplicate_becomes_a_favourite_of_the_survivor()
    {
        await ArrangeAsync();
        H.SignInAs(admin);
        await H.Customers.MergeAsync(duplicate.Id, survivor.Id);

        H.SignInAs(janne);
        Assert.Equal([new PersonRef(survivor.Id, "Virtasen Kuljetus Oy")], await H.Customers.GetFavouritesAsync());
        Assert.Equal(["Virtasen Kuljetus Oy"], (await H.Customers.SearchAsync(new CustomerQuery { Text = "Y-778899" })).Items.Select(r => r.Name));
    }

    [Fact]
    public async Task Account_manager_cannot_merge_and_nothing_changes()
    {
        await ArrangeAsync();
        H.SignInAs(minna);
        using var _ = UiCulture.Finnish();

        var error = await Assert.ThrowsAsync<ForbiddenException>(() => H.Customers.MergeAsync(duplicate.Id, survivor.Id));

        Assert.Equal("Sinulla ei ole oikeutta tähän toimintoon.", error.Message);
        Assert.Equal(2, (await H.Customers.GetAsync(duplicate.Id)).Contacts.Count);
        var untouched = await H.Customers.GetAsync(survivor.Id);
        Assert.Single(untouched.Contacts);
        Assert.Null(untouched.Phone);
        Assert.Empty(untouched.Merges);
    }

    [Fact]
    public async Task Customer_cannot_be_merged_into_itself()
    {
        await ArrangeAsync();
        H.SignInAs(admin);
        using var _ = UiCulture.Finnish();

        var error = await Assert.ThrowsAsync<DomainException>(() => H.Customers.MergeAsync(survivor.Id, survivor.Id));

        Assert.Equal("Asiakasta ei voi yhdistää itseensä.", error.Message);
        Assert.Equal("Virtasen Kuljetus Oy", (await H.Customers.GetAsync(survivor.Id)).Name);
    }
}
