namespace Portaali.Core.Imports.Prh;

/// <summary>The industry classifications PRH's main line of business comes in. Each code is read in its own set: a TOL 2025
/// code (TOIMI4) is not a TOL 2008 code, even when the digits look alike.</summary>
public static class IndustryCodeSets
{
    public const string Tol2008 = "TOIMI3";

    private static readonly Dictionary<string, string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["TOIMI"] = "TOL 1995", ["TOIMI2"] = "TOL 2002", [Tol2008] = "TOL 2008", ["TOIMI4"] = "TOL 2025",
    };

    /// <summary>True for the code set of the customer's own industry code field (TOL 2008).</summary>
    public static bool IsTol2008(string? codeSet) => string.Equals(codeSet?.Trim(), Tol2008, StringComparison.OrdinalIgnoreCase);

    /// <summary>"TOL 2025" for TOIMI4; an unknown set is shown as PRH names it.</summary>
    public static string Label(string? codeSet) =>
        codeSet is null ? "–" : Labels.GetValueOrDefault(codeSet.Trim(), codeSet.Trim());
}
