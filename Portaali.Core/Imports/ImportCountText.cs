using Portaali.Core.Common;

namespace Portaali.Core.Imports;

/// <summary>A run's counts in words, with the right singular or plural ("1 uusi, 2 päivitettyä, 2 hylättyä" /
/// "1 new, 2 updated, 2 rejected"), in the user's language.</summary>
public static class ImportCountText
{
    /// <summary>One count: "1 hylätty", "2 hylättyä".</summary>
    public static string Count(string category, int n) => CoreText.Get($"ImportCount_{category}_{(n == 1 ? "One" : "Other")}", n);

    /// <summary>What the run did, for the overview and the runs list: new, updated and rejected, the zero ones left out.</summary>
    public static string Short(ImportRunRow run)
    {
        var parts = Parts((nameof(run.Created), run.Created), (nameof(run.Updated), run.Updated), (nameof(run.Failed), run.Rejected));
        return parts.Count == 0 ? CoreText.Get("ImportCountNothing") : string.Join(", ", parts);
    }

    /// <summary>Every row accounted for: "34 riviä luettu: 1 päivitetty, 7 ennallaan, 22 ohitettua (ei asiakkaita), 3 hylättyä, 1 toistuva".
    /// The parts add up to the rows read.</summary>
    public static string Full(ImportRunRow run)
    {
        var parts = Parts((nameof(run.Created), run.Created), (nameof(run.Updated), run.Updated), (nameof(run.Unchanged), run.Unchanged),
            (nameof(run.Skipped), run.Skipped), (nameof(run.Failed), run.Failed), (nameof(run.Duplicates), run.Duplicates),
            (nameof(run.Resumed), run.Resumed));
        var read = Count("Read", run.Done);
        return parts.Count == 0 ? read : $"{read}: {string.Join(", ", parts)}";
    }

    private static List<string> Parts(params (string Category, int Count)[] counts) =>
        counts.Where(c => c.Count > 0).Select(c => Count(c.Category, c.Count)).ToList();
}
