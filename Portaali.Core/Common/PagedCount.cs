using Microsoft.EntityFrameworkCore;

namespace Portaali.Core.Common;

/// <summary>Counts a list's matches only as far as anyone reads them: up to <see cref="Cap"/>, then "over <see cref="Cap"/>".
/// SQLite stops at the first <c>Cap + 1</c> rows instead of visiting every match.</summary>
public static class PagedCount
{
    public const int Cap = 1000;

    /// <summary>The number of rows, or <see cref="Cap"/> with <c>IsLowerBound</c> set when there are more.</summary>
    public static async Task<(int Count, bool IsLowerBound)> CountAsync<T>(IQueryable<T> query, CancellationToken ct, int cap = Cap)
    {
        var count = await query.Take(cap + 1).CountAsync(ct);
        return count > cap ? (cap, true) : (count, false);
    }
}
