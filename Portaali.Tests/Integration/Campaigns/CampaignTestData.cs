using Portaali.Core.Campaigns;
using Portaali.Core.Selections;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Campaigns;

/// <summary>Arranges saved selections and campaign members straight in the database (the selection services are other
/// parts of issue 9), so the campaign tests exercise only the campaign code.</summary>
internal static class CampaignTestData
{
    public static async Task<int> SaveSelectionAsync(this CoreHarness h, string name, SelectionTarget target, CriteriaGroup criteria, int ownerId)
    {
        await using var db = h.Db();
        var selection = new Selection
        {
            Name = name, Kind = SelectionKind.Dynamic, Target = target, CriteriaJson = CriteriaJson.Write(criteria), OwnerUserId = ownerId,
            CreatedAtUtc = CoreHarness.Now.UtcDateTime, UpdatedAtUtc = CoreHarness.Now.UtcDateTime,
        };
        db.Selections.Add(selection);
        await db.SaveChangesAsync();
        return selection.Id;
    }

    public static async Task<int> SaveStaticListAsync(this CoreHarness h, string name, SelectionTarget target, IEnumerable<int> memberIds, int ownerId)
    {
        await using var db = h.Db();
        var list = new Selection
        {
            Name = name, Kind = SelectionKind.Static, Target = target, OwnerUserId = ownerId,
            CreatedAtUtc = CoreHarness.Now.UtcDateTime, UpdatedAtUtc = CoreHarness.Now.UtcDateTime,
            Members = memberIds.Select(id => new StaticListMember { MemberId = id, AddedAtUtc = CoreHarness.Now.UtcDateTime }).ToList(),
        };
        db.Selections.Add(list);
        await db.SaveChangesAsync();
        return list.Id;
    }

    public static Task<int> NewCampaignAsync(this CoreHarness h, string name, CampaignKind kind = CampaignKind.Event) =>
        h.Service<CampaignService>().CreateAsync(new CampaignEdit { Name = name, Kind = kind });

    /// <summary>The members as (contact's first name, step), by first name.</summary>
    public static async Task<List<(string Name, CampaignStep Step)>> MembersAsync(this CoreHarness h, int campaignId)
    {
        var page = await h.Service<CampaignQueries>().MembersAsync(new CampaignMemberQuery(campaignId) { Take = 1000 });
        return page.Items.Select(m => (m.ContactName.Split(' ')[0], m.Step)).OrderBy(m => m.Item1, StringComparer.Ordinal).ToList();
    }

    public static async Task<int> MemberIdAsync(this CoreHarness h, int campaignId, string firstName)
    {
        var page = await h.Service<CampaignQueries>().MembersAsync(new CampaignMemberQuery(campaignId) { Take = 1000 });
        return page.Items.Single(m => m.ContactName.StartsWith(firstName + " ", StringComparison.Ordinal)).MemberId;
    }
}
