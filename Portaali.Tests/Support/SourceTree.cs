namespace Portaali.Tests.Support;

/// <summary>Finds files of the solution from the test's output folder, for tests that read source files.</summary>
public static class SourceTree
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Portaali.sln"))) return dir.FullName;
        throw new InvalidOperationException("Portaali.sln not found above " + AppContext.BaseDirectory);
    }
}
