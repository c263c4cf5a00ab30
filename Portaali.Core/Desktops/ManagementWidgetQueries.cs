using Microsoft.EntityFrameworkCore;
using Portaali.Core.Calendar;
using Portaali.Core.Campaigns;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Security;
using Portaali.Core.Selections;
using Portaali.Core.Users;

namespace Portaali.Core.Desktops;

/// <summary>How many users a group has, active and not; <paramref name="NeverSignedIn"/>: active ones with no sign-in
/// recorded (sign-ins are recorded since the usage report came, so an old hand may show here until they next sign in).</summary>
public sealed record UserGroupCount(UserGroup Group, int Active, int Inactive, int NeverSignedIn);

/// <summary>The user counts of the administrator's desktop, groups with nobody left out.</summary>
public sealed record UserCounts(IReadOnlyList<UserGroupCount> Groups)
{
    public int Active => Groups.Sum(g => g.Active);
    public int Inactive => Groups.Sum(g => g.Inactive);
    public int NeverSignedIn => Groups.Sum(g => g.NeverSignedIn);
}

/// <summary>A page of the desktop's saved selections and how many there are in all.</summary>
public sealed record DesktopSelections(IReadOnlyList<SelectionSummary> Items, int TotalCount);

/// <summary>The few queries that management's, marketing's and the administrator's desktop widgets need and no page had:
/// users per group, the campaigns running now and the user's own selections. Each demands the same policy as its widget
/// in <see cref="WidgetRegistry"/>, and each reads only what the widget shows.</summary>
public class ManagementWidgetQueries(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    /// <summary>A campaign without an event date (a mailing) counts as current this many days after its last change.</summary>
    public const int UndatedCampaignDays = 60;

    /// <summary>Users per group (Administrator, ManageUsers): active, inactive, and active ones who never signed in.</summary>
    public async Task<UserCounts> UserCountsAsync(CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.ManageUsers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.Users.AsNoTracking().GroupBy(u => u.Group)
            .Select(g => new
            {
                Group = g.Key,
                Active = g.Count(u => u.IsActive),
                Inactive = g.Count(u => !u.IsActive),
                Never = g.Count(u => u.IsActive && !db.SignInRecords.Any(s => s.UserId == u.Id)),
            }).ToListAsync(ct);
        return new UserCounts(counts.OrderBy(c => c.Group).Select(c => new UserGroupCount(c.Group, c.Active, c.Inactive, c.Never)).ToList());
    }

    /// <summary>Campaigns under way (RunCampaigns): events from today on, soonest first, then mailings and undated campaigns
    /// changed in the last <see cref="UndatedCampaignDays"/> days, newest first; with their members per step.</summary>
    public async Task<PagedResult<CampaignSummary>> CurrentCampaignsAsync(int take, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.RunCampaigns);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = HelsinkiTime.Today(clock);
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-UndatedCampaignDays);
        var current = db.Campaigns.AsNoTracking().Where(c => c.EventDate >= today || (c.EventDate == null && c.UpdatedAtUtc >= since));
        var total = await current.CountAsync(ct);
        var items = await current
            .OrderBy(c => c.EventDate == null).ThenBy(c => c.EventDate).ThenByDescending(c => c.UpdatedAtUtc).ThenByDescending(c => c.Id)
            .Take(Math.Clamp(take, 1, 50))
            .Select(c => new CampaignSummary(c.Id, c.Name, c.Kind, c.EventDate, c.CreatedByName, c.CreatedAtUtc,
                db.CampaignMembers.Count(m => m.CampaignId == c.Id),
                db.CampaignMembers.Count(m => m.CampaignId == c.Id && m.Step == CampaignStep.Invited),
                db.CampaignMembers.Count(m => m.CampaignId == c.Id && m.Step == CampaignStep.Registered),
                db.CampaignMembers.Count(m => m.CampaignId == c.Id && m.Step == CampaignStep.Attended),
                db.CampaignMembers.Count(m => m.CampaignId == c.Id && m.Step == CampaignStep.Absent)))
            .ToListAsync(ct);
        return new PagedResult<CampaignSummary>(items, total);
    }

    /// <summary>The signed-in user's own selections and lists and those they starred (shared ones they no longer see left
    /// out): favourites first, then the latest changed.</summary>
    public async Task<DesktopSelections> MySelectionsAsync(int take, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var starred = db.SelectionFavourites.Where(f => f.UserId == actor.Id).Select(f => f.SelectionId);
        var mine = db.Selections.AsNoTracking().Where(s => s.OwnerUserId == actor.Id || (s.IsShared && starred.Contains(s.Id)));
        var total = await mine.CountAsync(ct);
        var items = await mine.OrderByDescending(s => starred.Contains(s.Id)).ThenByDescending(s => s.UpdatedAtUtc).ThenBy(s => s.Id)
            .Take(Math.Clamp(take, 1, 50))
            .Select(s => new SelectionSummary(s.Id, s.Name, s.Kind, s.Target, s.Purpose, s.IsShared, s.OwnerUserId == actor.Id,
                s.Owner!.DisplayName, starred.Contains(s.Id), s.UpdatedAtUtc, s.LastExportedAtUtc))
            .ToListAsync(ct);
        return new DesktopSelections(items, total);
    }
}
