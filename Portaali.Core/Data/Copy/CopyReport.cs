namespace Portaali.Core.Data.Copy;

/// <summary>The rows of one table in the SQLite source and in the PostgreSQL target after the copy.</summary>
public sealed record TableCount(string Table, long Source, long Target)
{
    public bool Matches => Source == Target;
}

/// <summary>What <see cref="SqliteToPostgreSqlCopy"/> did: every copied table's counts. When any differs, the copy was rolled
/// back and the target holds no data.</summary>
public sealed record CopyReport(IReadOnlyList<TableCount> Tables)
{
    public bool CountsMatch => Tables.All(t => t.Matches);

    /// <summary>The counts as a table for the console, mismatches marked.</summary>
    public void WriteTo(TextWriter output)
    {
        var width = Math.Max("Table".Length, Tables.Max(t => t.Table.Length));
        output.WriteLine($"{"Table".PadRight(width)}  {"SQLite",12}  {"PostgreSQL",12}");
        foreach (var t in Tables)
            output.WriteLine(Invariant($"{t.Table.PadRight(width)}  {t.Source,12:N0}  {t.Target,12:N0}{(t.Matches ? "" : "  ← differs")}"));
        output.WriteLine(Invariant($"{"Total".PadRight(width)}  {Tables.Sum(t => t.Source),12:N0}  {Tables.Sum(t => t.Target),12:N0}"));
    }

    private static string Invariant(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The copy would lose or overwrite data, or cannot understand the source; nothing was written. The message says
/// what to do.</summary>
public sealed class CopyRefusedException(string message) : Exception(message);
