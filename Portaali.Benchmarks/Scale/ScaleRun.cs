using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Portaali.Benchmarks.Scale;

/// <summary>The command line of the scale benchmark: <c>--scale-run [--scale 1] [--regenerate] [--write file] [--strict]
/// [--cache folder] [--only "name fragment,another"]</c>; <c>--scale-generate</c> only makes sure the cached file exists. Exits 0 even when targets are
/// missed (the point is to see by how much), unless <c>--strict</c>.</summary>
public static class ScaleRun
{
    public static async Task<int> MainAsync(string[] args)
    {
        var scale = double.Parse(Option(args, "--scale") ?? "1", CultureInfo.InvariantCulture);
        var (path, generated) = await ScaleFile.EnsureAsync(scale, args.Contains("--regenerate"), Console.Out, Option(args, "--cache"));
        Console.WriteLine($"Base: {path}");
        if (args.Contains("--scale-generate")) return 0;

        var only = Option(args, "--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var report = await ScaleBenchmark.RunAsync(path, new ScaleRunOptions { Only = only }, Console.Out);
        var markdown = ScaleMarkdown.Write(report, scale, path, generated);
        Console.WriteLine(markdown);
        if (Option(args, "--write") is { } file)
        {
            await File.WriteAllTextAsync(file, markdown);
            Console.WriteLine($"Written to {file}");
        }
        return args.Contains("--strict") && report.Rows.Any(r => !r.Met) ? 1 : 0;
    }

    private static string? Option(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
}

/// <summary>The report: the table against the issue's targets and the baselines, then the SQL and plans of the hot queries.</summary>
public static class ScaleMarkdown
{
    public static string Write(ScaleReport report, double scale, string path, ScaleSummary? generated)
    {
        var inv = CultureInfo.InvariantCulture;
        var size = File.Exists(path) ? new FileInfo(path).Length : 0;
        var text = new StringBuilder();
        text.AppendLine("# Benchmarks at 25× the base (issue 12)").AppendLine()
            .AppendLine("Produced by `dotnet run -c Release --project Portaali.Benchmarks -- --scale-run --write docs/benchmarks-scale.md`:")
            .AppendLine("the generated base of issue 12 in a SQLite file on disk (migrated to this build's schema first), the Core services")
            .AppendLine("called as the UI calls them, each beside its baseline measured in the same run: the same question as hand-written")
            .AppendLine("SQL on the same file, the same rows through a bare SpreadCheetah writer, the import's job by hand (the same file")
            .AppendLine("read, the same rows written by plain prepared statements).")
            .AppendLine("Median and p95 over an adaptive number of runs (3–20, up to 20 s each; up to 200 while they fit in a second); the imports run once.").AppendLine()
            .AppendLine($"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores ({Cpu()}), {RuntimeInformation.OSDescription}, .NET {Environment.Version}.")
            .AppendLine($"Base (generator v{ScaleGenerator.Version}, scale {scale.ToString(inv)}): {report.BaseDescription}; file {size / (1 << 20):N0} MiB" +
                (generated is null ? ", from the cache." : $", generated in this run in {generated.Elapsed.TotalSeconds:0} s."))
            .AppendLine($"The measuring took {report.Elapsed.TotalMinutes:0.0} min.").AppendLine()
            .AppendLine("| operation | target | met | median ms | p95 ms | baseline ms | ratio | allocated per run | peak heap growth | rows | runs |")
            .AppendLine("|---|---|:-:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in report.Rows)
            text.AppendLine($"| {r.Name} | {r.Target} | {(r.Met ? "✓" : "✗")} | {Ms(r.MedianMs)} | {Ms(r.P95Ms)} | {(r.BaselineMedianMs is { } b ? Ms(b) : "–")} | " +
                $"{(r.Ratio is { } ratio ? ratio.ToString("0.0", inv) + "×" : "–")} | {Bytes(r.AllocatedBytes)} | {Bytes(r.PeakHeapBytes)} | {r.Rows.ToString("N0", inv)} | {r.Runs} |");
        text.AppendLine().AppendLine("Baselines and notes:").AppendLine();
        foreach (var r in report.Rows)
            text.AppendLine($"- **{r.Name}**: baseline {r.Baseline}.{(r.Note is null ? "" : $" {r.Note}.")}");
        text.AppendLine().AppendLine("## What the plans show").AppendLine()
            .AppendLine("Full scans and temporary B-trees in the plans of the SQL EF Core generated (the appendix has every statement):").AppendLine()
            .AppendLine("| operation | plan headline |").AppendLine("|---|---|");
        foreach (var p in report.Plans) text.AppendLine($"| {p.Operation} | {p.Headline.Replace("|", "\\|")} |");
        text.AppendLine().AppendLine("## Appendix: the generated SQL and its plan").AppendLine();
        foreach (var p in report.Plans)
        {
            text.AppendLine($"### {p.Operation}").AppendLine();
            foreach (var (sql, plan) in p.Statements)
            {
                text.AppendLine("```sql").AppendLine(sql.Trim()).AppendLine("```").AppendLine("```text");
                foreach (var line in plan) text.AppendLine(line);
                text.AppendLine("```").AppendLine();
            }
        }
        return text.ToString();

        string Ms(double ms) => ms.ToString(ms >= 100 ? "N0" : "0.0", inv);
    }

    private static string Bytes(long bytes) => bytes switch
    {
        > 1 << 20 => $"{bytes / (double)(1 << 20):0.0} MiB",
        > 1 << 10 => $"{bytes / 1024.0:0} KiB",
        _ => $"{bytes} B",
    };

    private static string Cpu()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
                ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException) { return RuntimeInformation.ProcessArchitecture.ToString(); }
    }
}
