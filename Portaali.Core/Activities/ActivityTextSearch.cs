using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Data;

namespace Portaali.Core.Activities;

/// <summary>
/// The free-text part of the activity browse over the FTS5 trigram index <c>ActivitySearch</c> (titles and memos,
/// migration ActivitiesPolish), in one of two shapes chosen by how many activities the words match in all:
/// <list type="bullet">
/// <item>up to <see cref="FewMatches"/>: the matches' ids are collected from the index and only those rows are read and
/// sorted;</item>
/// <item>more ("koulutus" matches a third of 2,000,000): the list is read a window at a time from its start, in its own
/// order on the start-time index. A window is the first rows of the list; their ids lie in a range, and the index answers
/// "which ids in this range match" by one seek and a short read. The window grows until it holds the page and enough
/// matches for the count ("over 1,000"), or it is the whole list. Collecting all 683,000 matches to sort them for the
/// newest 25 cost 1.8 s; asking the index about each row by its id costs a millisecond a row (six trigram seeks).</item>
/// </list>
/// The results are exact either way: a window's rows are all inside its id range, and a page is taken only from a window
/// that starts where the list starts. Only the cost depends on how closely ids follow start times (they do, as activities
/// are mostly recorded around when they happen); when they do not, the last window is the whole list, as before.
/// The raw FTS5 SQL of activities lives here, and so does PostgreSQL's: there the words are matched with LIKE on the
/// trigram GIN index over the folded <c>SearchText</c> (<see cref="PostgreSqlSearch"/>), and the list always takes the
/// first shape, since PostgreSQL's planner itself chooses between reading that index and walking the start-time index.
/// </summary>
internal static class ActivityTextSearch
{
    /// <summary>Up to this many matches are collected and sorted; past it, reading the list in its order finds a page sooner.</summary>
    public const int FewMatches = 10_000;

    /// <summary>The first window's rows (about 1,300 matches of a word in a third of the activities: the page and the
    /// count's "over 1,000" at once); each next window is <see cref="Growth"/> times as long.</summary>
    public const int FirstWindow = 4096;
    private const int Growth = 8;

    /// <summary>Whether the words (an expression of <see cref="ActivityRules.FullTextQuery"/>) match more than
    /// <paramref name="fewMatches"/> activities; counted in the index alone, and only as far as that.</summary>
    public static async Task<bool> MatchesManyAsync(PortaaliDbContext db, string match, int fewMatches, CancellationToken ct) =>
        db.Database.IsSqlite() && await Hits(db, match).Take(fewMatches + 1).CountAsync(ct) > fewMatches;

    /// <summary>The activities matching every word, as an IN list SQLite builds once from the index.</summary>
    public static IQueryable<Activity> WhereMatches(PortaaliDbContext db, IQueryable<Activity> activities, string match)
    {
        var hits = Hits(db, match);
        return activities.Where(a => hits.Contains(a.Id));
    }

    /// <summary>
    /// One page of <paramref name="filtered"/> (every filter but the words applied, the period included) that also matches
    /// the words, in list order, read window by window; with the count up to <see cref="PagedCount.Cap"/> ("over 1,000"
    /// beyond). The period's start times, <paramref name="startsAfterUtc"/> and <paramref name="startsAtOrBeforeUtc"/>,
    /// bound the windows.
    /// </summary>
    public static async Task<(IQueryable<Activity> Page, int Total, bool IsLowerBound)> PageAsync(PortaaliDbContext db,
        IQueryable<Activity> filtered, string match, bool descending, DateTime? startsAfterUtc, DateTime? startsAtOrBeforeUtc,
        int skip, int take, int firstWindow, CancellationToken ct)
    {
        // Enough matches in the window for the page and for the count to reach "over 1,000".
        var needed = Math.Max(PagedCount.Cap + 1, skip + take);
        for (var rows = firstWindow; ; rows *= Growth)
        {
            var window = await WindowAsync(db, descending, startsAfterUtc ?? DateTime.MinValue, startsAtOrBeforeUtc ?? DateTime.MaxValue, rows, ct);
            if (window.Rows == 0) return (filtered.Where(a => false), 0, false);
            var hits = db.Database.SqlQuery<int>($"""
                SELECT rowid AS "Value" FROM "ActivitySearch" WHERE "ActivitySearch" MATCH {match} AND rowid BETWEEN {window.MinId} AND {window.MaxId}
                """);
            // "+ 0" keeps SQLite from looking the matches up by id and sorting them all: it reads the window on the
            // start-time index in list order and stops at the page.
            var matching = filtered.Where(a => hits.Contains(a.Id + 0));
            if (window.Rows < rows)
            {
                // The whole list fits in the window: every match is in its id range, and the count is exact up to the cap.
                var (total, isLowerBound) = await PagedCount.CountAsync(matching, ct);
                return (Sorted(matching, descending).Skip(skip).Take(take), total, isLowerBound);
            }
            var edge = window.Edge!.Value;
            var inWindow = descending ? matching.Where(a => a.StartsAtUtc > edge) : matching.Where(a => a.StartsAtUtc < edge);
            if (await inWindow.Take(needed).CountAsync(ct) == needed)
                return (Sorted(inWindow, descending).Skip(skip).Take(take), PagedCount.Cap, true);
        }
    }

    private static IQueryable<Activity> Sorted(IQueryable<Activity> activities, bool descending) => descending
        ? activities.OrderByDescending(a => a.StartsAtUtc).ThenByDescending(a => a.Id)
        : activities.OrderBy(a => a.StartsAtUtc).ThenBy(a => a.Id);

    /// <summary>The first <paramref name="rows"/> activities of the list in the period (fewer when the list is shorter):
    /// how many, the range of their ids, and the start time of the last one, where the window ends.</summary>
    private static async Task<Window> WindowAsync(PortaaliDbContext db, bool descending, DateTime startsAfterUtc,
        DateTime startsAtOrBeforeUtc, int rows, CancellationToken ct)
    {
        // The covering start-time index read in list order. Rows starting at the edge's time may go on past the window,
        // so the window is the rows strictly before the edge; all of those are among the rows counted here.
        return descending
            ? await db.Database.SqlQuery<Window>($"""
                SELECT count(*) AS "Rows", min("StartsAtUtc") AS "Edge", min("Id") AS "MinId", max("Id") AS "MaxId"
                FROM (SELECT "StartsAtUtc", "Id" FROM "Activities" WHERE "StartsAtUtc" > {startsAfterUtc} AND "StartsAtUtc" <= {startsAtOrBeforeUtc}
                      ORDER BY "StartsAtUtc" DESC, "Id" DESC LIMIT {rows})
                """).SingleAsync(ct)
            : await db.Database.SqlQuery<Window>($"""
                SELECT count(*) AS "Rows", max("StartsAtUtc") AS "Edge", min("Id") AS "MinId", max("Id") AS "MaxId"
                FROM (SELECT "StartsAtUtc", "Id" FROM "Activities" WHERE "StartsAtUtc" > {startsAfterUtc} AND "StartsAtUtc" <= {startsAtOrBeforeUtc}
                      ORDER BY "StartsAtUtc", "Id" LIMIT {rows})
                """).SingleAsync(ct);
    }

    private sealed class Window
    {
        public int Rows { get; init; }
        public DateTime? Edge { get; init; }
        public int? MinId { get; init; }
        public int? MaxId { get; init; }
    }

    private static IQueryable<int> Hits(PortaaliDbContext db, string match) => db.Database.IsSqlite()
        ? db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"ActivitySearch\" WHERE \"ActivitySearch\" MATCH {match}")
        : PostgreSqlHits(db, match);

    /// <summary>Every word a substring of the folded search text, one parameter a word. The words are those of the MATCH
    /// expression (<see cref="ActivityRules.FullTextQuery"/>: quoted, joined by AND; a word has no space or quote).</summary>
    private static IQueryable<int> PostgreSqlHits(PortaaliDbContext db, string match)
    {
        var words = match.Split(" AND ").Select(w => w[1..^1]).ToArray();
        var conditions = words.Select((_, i) =>
            $"{PostgreSqlSearch.Fold}(\"SearchText\") LIKE '%' || {PostgreSqlSearch.Fold}({{{i}}}) || '%'");
        var sql = "SELECT \"Id\" AS \"Value\" FROM \"Activities\" WHERE " + string.Join(" AND ", conditions);
        return db.Database.SqlQuery<int>(FormattableStringFactory.Create(sql, words.Cast<object>().ToArray()));
    }
}
