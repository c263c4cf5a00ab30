using Portaali.Core.Data.Copy;

namespace Portaali.Web.Setup;

/// <summary>
/// <c>dotnet run --project Portaali.Web -- copy-to-postgresql --from "Data Source=portaali.db" --to "Host=…;Database=…"</c>:
/// copies a SQLite database into an empty PostgreSQL one (<see cref="SqliteToPostgreSqlCopy"/>, README "From SQLite to
/// PostgreSQL") and exits without starting the app. Exit code 0 when every table's counts agree, 1 when they differ (the
/// copy is rolled back), 2 when the copy is refused or the arguments are wrong.
/// </summary>
public static class CopyToPostgreSqlCommand
{
    public const string Verb = "copy-to-postgresql";

    /// <summary>When the arguments ask for the command, runs it and ends the process with its exit code; otherwise returns
    /// and the app starts as usual.</summary>
    public static async Task RunCommandAndExitIfAskedAsync(this string[] args)
    {
        if (await RunAsync(args) is { } exitCode) Environment.Exit(exitCode);
    }

    /// <summary>Runs the command when the arguments ask for it and returns its exit code; null for a normal start.</summary>
    public static async Task<int?> RunAsync(string[] args)
    {
        if (args.FirstOrDefault() != Verb) return null;
        var from = ValueOf(args, "--from");
        var to = ValueOf(args, "--to");
        if (from is null || to is null)
        {
            await Console.Error.WriteLineAsync($"Usage: {Verb} --from \"Data Source=portaali.db\" --to \"Host=…;Database=…;Username=…;Password=…\"");
            return 2;
        }
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        try
        {
            var report = await new SqliteToPostgreSqlCopy(Console.Out).RunAsync(from, to, cancel.Token);
            report.WriteTo(Console.Out);
            if (report.CountsMatch)
            {
                Console.WriteLine("Done: every table has as many rows in PostgreSQL as in SQLite.");
                return 0;
            }
            await Console.Error.WriteLineAsync(
                "The row counts differ (marked above), so the copy was rolled back: the PostgreSQL database holds no data. " +
                "Is something still writing to the SQLite database?");
            return 1;
        }
        catch (CopyRefusedException e)
        {
            await Console.Error.WriteLineAsync($"Not copied: {e.Message}");
            return 2;
        }
    }

    private static string? ValueOf(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
