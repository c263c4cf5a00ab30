namespace Portaali.Core.Customers;

/// <summary>Municipalities with Statistics Finland codes: all of Uusimaa and the largest towns elsewhere.</summary>
public static class Municipalities
{
    public const string Uusimaa = "Uusimaa";

    public static readonly Municipality[] All =
    [
        M("018", "Askola"), M("049", "Espoo"), M("078", "Hanko"), M("091", "Helsinki"),
        M("106", "Hyvinkää"), M("149", "Inkoo"), M("186", "Järvenpää"), M("224", "Karkkila"),
        M("235", "Kauniainen"), M("245", "Kerava"), M("257", "Kirkkonummi"), M("407", "Lapinjärvi"),
        M("434", "Loviisa"), M("444", "Lohja"), M("504", "Myrskylä"), M("505", "Mäntsälä"),
        M("543", "Nurmijärvi"), M("585", "Pukkila"), M("611", "Pornainen"), M("638", "Porvoo"),
        M("710", "Raasepori"), M("753", "Sipoo"), M("755", "Siuntio"), M("858", "Tuusula"),
        M("092", "Vantaa"), M("927", "Vihti"),
        M("837", "Tampere", "Pirkanmaa"), M("853", "Turku", "Varsinais-Suomi"),
        M("564", "Oulu", "Pohjois-Pohjanmaa"), M("179", "Jyväskylä", "Keski-Suomi"),
        M("398", "Lahti", "Päijät-Häme"), M("297", "Kuopio", "Pohjois-Savo"),
    ];

    private static Municipality M(string code, string name, string region = Uusimaa) =>
        new() { Code = code, Name = name, Region = region };

    public static string? NameOf(string? code) => All.FirstOrDefault(m => m.Code == code)?.Name;

    /// <summary>The codes of the municipalities whose name contains <paramref name="text"/> (or whose code it is), by name;
    /// all of them when the text is empty.</summary>
    public static IEnumerable<string> Matching(string? text) => All.OrderBy(m => m.Name, StringComparer.CurrentCulture)
        .Where(m => string.IsNullOrWhiteSpace(text) || m.Name.Contains(text.Trim(), StringComparison.CurrentCultureIgnoreCase) || m.Code == text.Trim())
        .Select(m => m.Code);
}
