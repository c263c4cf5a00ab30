using Microsoft.EntityFrameworkCore;
using Portaali.Core.Auditing;
using Portaali.Core.Calendar;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Activities;

/// <summary>What of an activity the customer's change history shows, taken before and after a change.</summary>
internal record ActivityState(int? CustomerId, int? KeywordId, string Title, DateTime StartsAtUtc, int DurationMinutes,
    ActivityStatus Status, string? Memo, string? ResolutionNote, int[] UserIds, int[] ContactIds)
{
    public static ActivityState Of(Activity a) => new(a.CustomerId, a.KeywordId, a.Title, a.StartsAtUtc, a.DurationMinutes, a.Status,
        a.Memo, a.ResolutionNote, [.. a.Participants.Select(p => p.UserId)], [.. a.Contacts.Select(c => c.ContactId)]);
}

/// <summary>Writes a customer's activity changes to its change history (Muutoshistoria) through <see cref="AuditLog"/>.</summary>
internal static class ActivityAudit
{
    public const string Entity = "Activity";
    private const int MemoExcerpt = 160;

    /// <summary>Records creation (no before), deletion (no after) or an edit on the customer before and after it;
    /// activities without a customer have no change history.</summary>
    public static async Task RecordAsync(PortaaliDbContext db, Actor actor, DateTime now, int activityId, string typeName,
        ActivityState? before, ActivityState? after, CancellationToken ct)
    {
        int[] customers = [.. new[] { before?.CustomerId, after?.CustomerId }.OfType<int>().Distinct()];
        if (customers.Length == 0) return;
        var names = await NamesAsync(db, before, after, ct);
        var old = before is null ? new Dictionary<string, string?>() : Fields(before, names);
        var current = after is null ? new Dictionary<string, string?>() : Fields(after, names);
        string action;
        List<FieldChange> changes;
        if (before is null || after is null)
        {
            // Created or deleted: every field that has a value, the type first; the customer is the history's own.
            action = before is null ? "Created" : "Deleted";
            var shown = (before is null ? current : old).Where(kv => kv.Value is not null && kv.Key != "Customer");
            changes = [before is null ? new("ActivityType", null, typeName) : new("ActivityType", typeName, null),
                .. shown.Select(kv => before is null ? new FieldChange(kv.Key, null, kv.Value) : new FieldChange(kv.Key, kv.Value, null))];
        }
        else
        {
            changes = [.. AuditLog.Diff(old, current)];
            if (changes.Count == 0) return;
            var resolved = after.Status == ActivityStatus.Done && before.Status != ActivityStatus.Done
                && after.KeywordId is { } k && names.NeedsResolution.Contains(k);
            action = resolved ? "Resolved" : changes.All(c => c.Field is "Status" or "ResolutionNote") ? "StatusChanged" : "Updated";
            // An edit that leaves the title alone still has to say which activity it was.
            if (changes.All(c => c.Field != "ActivityTitle")) changes.Insert(0, new("Activity", Label(after), Label(after)));
        }
        for (var i = 0; i < changes.Count; i++)
            if (changes[i].Field == "Memo") changes[i] = MemoChange(before?.Memo, after?.Memo);
        foreach (var customerId in customers)
            AuditLog.Record(db, actor, now, customerId, Entity, activityId, action, changes);
    }

    private static string Label(ActivityState s) => $"{s.Title} ({HelsinkiTime.ToLocal(s.StartsAtUtc):d.M.yyyy})";

    private static Dictionary<string, string?> Fields(ActivityState s, Names names) => new()
    {
        ["ActivityTitle"] = s.Title,
        ["StartsAt"] = HelsinkiTime.ToLocal(s.StartsAtUtc).ToString("d.M.yyyy HH:mm"),
        ["Duration"] = Duration.Format(s.DurationMinutes),
        ["Customer"] = s.CustomerId is { } c ? names.Customers.GetValueOrDefault(c) : null,
        ["Keyword"] = s.KeywordId is { } k ? names.Keywords.GetValueOrDefault(k) : null,
        ["Status"] = s.Status.ToString(),
        ["Participants"] = Join(s.UserIds, names.Users),
        ["Contacts"] = Join(s.ContactIds, names.Contacts),
        ["Memo"] = s.Memo,
        ["ResolutionNote"] = s.ResolutionNote,
    };

    private static string? Join(int[] ids, Dictionary<int, string> names) =>
        ids.Length == 0 ? null : string.Join(", ", ids.Select(i => names.GetValueOrDefault(i) ?? "?").Order());

    /// <summary>Memos are long: both sides are cut to a window that starts just before the first changed character.</summary>
    internal static FieldChange MemoChange(string? before, string? after)
    {
        var b = before ?? "";
        var a = after ?? "";
        var same = 0;
        while (same < b.Length && same < a.Length && b[same] == a[same]) same++;
        var start = Math.Max(0, same - 40);
        return new FieldChange("Memo", Window(before, start), Window(after, start));

        static string? Window(string? text, int start)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            var from = Math.Min(start, text.Length);
            var flat = ActivityRules.Excerpt(text[from..], MemoExcerpt);
            return from > 0 ? "…" + flat : flat;
        }
    }

    private sealed record Names(Dictionary<int, string> Users, Dictionary<int, string> Contacts, Dictionary<int, string> Customers,
        Dictionary<int, string> Keywords, HashSet<int> NeedsResolution);

    private static async Task<Names> NamesAsync(PortaaliDbContext db, ActivityState? before, ActivityState? after, CancellationToken ct)
    {
        ActivityState[] states = [.. new[] { before, after }.OfType<ActivityState>()];
        var userIds = states.SelectMany(s => s.UserIds).Distinct().ToList();
        var contactIds = states.SelectMany(s => s.ContactIds).Distinct().ToList();
        var customerIds = states.Select(s => s.CustomerId).OfType<int>().Distinct().ToList();
        var keywordIds = states.Select(s => s.KeywordId).OfType<int>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var contacts = await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.FirstName + " " + c.LastName, ct);
        var customers = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var keywords = await db.ActivityKeywords.AsNoTracking().Where(k => keywordIds.Contains(k.Id))
            .Select(k => new { k.Id, k.Name, k.NeedsResolution }).ToListAsync(ct);
        return new Names(users, contacts, customers, keywords.ToDictionary(k => k.Id, k => k.Name),
            [.. keywords.Where(k => k.NeedsResolution).Select(k => k.Id)]);
    }
}
