using System.Globalization;

namespace Portaali.Core.Customers;

/// <summary>A main section (pääluokka) of TOL 2008 and the two-digit divisions (toimialat) it holds.</summary>
public sealed record IndustrySection(string Letter, string NameFi, string NameEn, IReadOnlyList<string> Divisions)
{
    /// <summary>"C Teollisuus" / "C Manufacturing" in the current UI language.</summary>
    public string Label => $"{Letter} {(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? NameEn : NameFi)}";
}

/// <summary>
/// TOL 2008 (Statistics Finland, NACE Rev. 2): the section letter A–U of an industry code from its first two digits.
/// The customer's <see cref="Customer.IndustryCode"/> holds only TOL 2008 codes (the PRH import leaves a TOL 2025 main line
/// on its own classification node), so a code is always read in this table; a code whose division is not here is unknown.
/// </summary>
public static class IndustrySections
{
    // Divisions TOL 2008 leaves out (04, 34, 40 …); declared first, as the table below is built from it.
    private static readonly HashSet<int> Unused = [4, 34, 40, 44, 48, 54, 57, 67, 76, 83, 89];

    public static readonly IReadOnlyList<IndustrySection> All =
    [
        S("A", "Maatalous, metsätalous ja kalatalous", "Agriculture, forestry and fishing", 1, 3),
        S("B", "Kaivostoiminta ja louhinta", "Mining and quarrying", 5, 9),
        S("C", "Teollisuus", "Manufacturing", 10, 33),
        S("D", "Sähkö-, kaasu- ja lämpöhuolto, jäähdytysliiketoiminta", "Electricity, gas, steam and air conditioning supply", 35, 35),
        S("E", "Vesihuolto, viemäri- ja jätevesihuolto, jätehuolto ja muu ympäristön puhtaanapito",
            "Water supply; sewerage, waste management and remediation activities", 36, 39),
        S("F", "Rakentaminen", "Construction", 41, 43),
        S("G", "Tukku- ja vähittäiskauppa; moottoriajoneuvojen ja moottoripyörien korjaus",
            "Wholesale and retail trade; repair of motor vehicles and motorcycles", 45, 47),
        S("H", "Kuljetus ja varastointi", "Transportation and storage", 49, 53),
        S("I", "Majoitus- ja ravitsemistoiminta", "Accommodation and food service activities", 55, 56),
        S("J", "Informaatio ja viestintä", "Information and communication", 58, 63),
        S("K", "Rahoitus- ja vakuutustoiminta", "Financial and insurance activities", 64, 66),
        S("L", "Kiinteistöalan toiminta", "Real estate activities", 68, 68),
        S("M", "Ammatillinen, tieteellinen ja tekninen toiminta", "Professional, scientific and technical activities", 69, 75),
        S("N", "Hallinto- ja tukipalvelutoiminta", "Administrative and support service activities", 77, 82),
        S("O", "Julkinen hallinto ja maanpuolustus; pakollinen sosiaalivakuutus",
            "Public administration and defence; compulsory social security", 84, 84),
        S("P", "Koulutus", "Education", 85, 85),
        S("Q", "Terveys- ja sosiaalipalvelut", "Human health and social work activities", 86, 88),
        S("R", "Taiteet, viihde ja virkistys", "Arts, entertainment and recreation", 90, 93),
        S("S", "Muu palvelutoiminta", "Other service activities", 94, 96),
        S("T", "Kotitalouksien toiminta työnantajina; kotitalouksien eriyttämätön toiminta tavaroiden ja palvelujen tuottamiseksi omaan käyttöön",
            "Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use", 97, 98),
        S("U", "Kansainvälisten organisaatioiden ja toimielinten toiminta", "Activities of extraterritorial organisations and bodies", 99, 99),
    ];

    private static readonly Dictionary<string, IndustrySection> ByDivision =
        All.SelectMany(s => s.Divisions.Select(d => (d, s))).ToDictionary(x => x.d, x => x.s);

    /// <summary>Every division of the table ("01" … "99"), for the unknown bucket in SQL.</summary>
    public static readonly IReadOnlyList<string> KnownDivisions = [.. ByDivision.Keys.Order()];

    /// <summary>The section of a TOL 2008 code ("25620" → C), or null when the code is missing or its division does not exist.</summary>
    public static IndustrySection? Of(string? industryCode) =>
        industryCode is { Length: >= 2 } code && ByDivision.TryGetValue(code[..2], out var section) ? section : null;

    /// <summary>The section of a two-digit division ("25" → C); null for one TOL 2008 does not have.</summary>
    public static IndustrySection? OfDivision(string? division) =>
        division is not null && ByDivision.TryGetValue(division, out var section) ? section : null;

    public static IndustrySection? Find(string? letter) =>
        All.FirstOrDefault(s => string.Equals(s.Letter, letter, StringComparison.OrdinalIgnoreCase));

    private static IndustrySection S(string letter, string fi, string en, int first, int last) =>
        new(letter, fi, en, [.. Enumerable.Range(first, last - first + 1).Where(d => !Unused.Contains(d)).Select(d => d.ToString("00"))]);
}
