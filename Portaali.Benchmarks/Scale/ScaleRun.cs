using System.Globalization;

namespace Portaali.Benchmarks.Scale;

/// <summary>The command line of the scale benchmark: <c>--scale-run [--scale 1] [--regenerate] [--write file] [--strict]</c>;
/// <c>--scale-generate</c> only makes sure the cached file exists.</summary>
public static class ScaleRun
{
    public static async Task<int> MainAsync(string[] args)
    {
        var scale = double.Parse(Option(args, "--scale") ?? "1", CultureInfo.InvariantCulture);
        var (path, _) = await ScaleFile.EnsureAsync(scale, args.Contains("--regenerate"), Console.Out, Option(args, "--cache"));
        Console.WriteLine($"Base: {path}");
        if (args.Contains("--scale-generate")) return 0;
        return 0;
    }

    private static string? Option(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
}
