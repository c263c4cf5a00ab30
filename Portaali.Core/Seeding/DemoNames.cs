namespace Portaali.Core.Seeding;

/// <summary>Word lists for plausible Finnish demo data.</summary>
internal static class DemoNames
{
    public static readonly string[] FirstNames =
    [
        "Anna", "Antti", "Elina", "Eero", "Hanna", "Heikki", "Jaana", "Jari", "Johanna", "Juha", "Kaisa", "Kari",
        "Katja", "Lauri", "Leena", "Markku", "Merja", "Mika", "Minna", "Niina", "Olli", "Päivi", "Pekka", "Petri",
        "Riikka", "Sami", "Sanna", "Seppo", "Tiina", "Timo", "Tuula", "Ville", "Outi", "Matti", "Laura", "Jukka",
        "Satu", "Harri", "Maarit", "Tapio", "Sirpa", "Janne", "Kirsi", "Aleksi", "Emilia", "Veera", "Aino", "Eetu",
    ];

    public static readonly string[] LastNames =
    [
        "Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen", "Koskinen",
        "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen", "Heinonen", "Niemi", "Heikkilä", "Kinnunen",
        "Salonen", "Turunen", "Salo", "Laitinen", "Tuominen", "Rantanen", "Karjalainen", "Jokinen", "Mattila",
        "Savolainen", "Lahtinen", "Ahonen", "Hiltunen", "Manninen", "Aaltonen", "Kallio", "Väisänen", "Lindholm",
    ];

    /// <summary>Genitive forms used in company names: "Virtasen Kuljetus Oy".</summary>
    public static readonly string[] Founders =
    [
        "Virtasen", "Korhosen", "Nieminen &", "Mäkelän", "Laineen", "Heikkisen", "Koskisen", "Järvisen", "Lehtosen",
        "Saarisen", "Salmisen", "Heinosen", "Kinnusen", "Turusen", "Rantasen", "Jokisen", "Mattilan", "Ahosen", "Kallion",
    ];

    public static readonly string[] Places =
    [
        "Espoon", "Vantaan", "Helsingin", "Uudenmaan", "Keravan", "Tuusulan", "Porvoon", "Lohjan", "Hyvinkään",
        "Järvenpään", "Kirkkonummen", "Sipoon", "Nurmijärven", "Vihdin", "Pääkaupunkiseudun", "Etelä-Suomen",
    ];

    public static readonly string[] Trades =
    [
        "Kuljetus", "Sähkötyö", "Rakennus", "Kone", "Metalli", "Puutyö", "LVI-palvelu", "Kiinteistöhuolto", "Siivous",
        "Logistiikka", "Tilitoimisto", "Konepaja", "Maalaus", "Autokorjaamo", "Leipomo", "Catering", "Hoivapalvelut",
        "Putkityö", "Lasitus", "Kattotyö", "Rengas", "Mediapalvelu", "Painotalo", "Ohjelmistot", "Tietotekniikka",
        "Kiinteistöpalvelut", "Energia", "Turvapalvelut", "Kauneushoitola", "Ravintolat", "Hotelli", "Kukka",
    ];

    public static readonly string[] Syllables =
    [
        "nor", "tek", "va", "lin", "sa", "ri", "mo", "ka", "ter", "vi", "on", "al", "pro", "lux", "ser", "ko", "mat", "ra", "fin", "ne",
    ];

    public static readonly string[] Suffixes = ["Oy", "Oy", "Oy", "Oy", "Oy", "Oy", "Ky", "Ay", "Tmi"];

    public static readonly string[] Streets =
    [
        "Mannerheimintie", "Hämeentie", "Mäkelänkatu", "Tekniikantie", "Vanha Porvoontie", "Ratatie", "Teollisuuskatu",
        "Valimotie", "Koivuvaarankuja", "Tikkurilantie", "Leppävaarankatu", "Kauppakatu", "Asematie", "Keskuskatu",
        "Konepajankuja", "Sinikalliontie", "Puistotie", "Kirkkokatu", "Rantatie", "Myllytie", "Satamakatu",
    ];

    public static readonly (string Code, string Description)[] Industries =
    [
        ("41200", "Asuinrakennusten rakentaminen"), ("43210", "Sähköasennus"), ("43220", "LVI-asennus"),
        ("62010", "Ohjelmistojen suunnittelu ja valmistus"), ("56101", "Ravintolat"), ("86100", "Sairaalapalvelut"),
        ("85320", "Ammatillinen koulutus"), ("47110", "Elintarvikkeiden yleisvähittäiskauppa"),
        ("49410", "Tieliikenteen tavarankuljetus"), ("25620", "Metallien koneistus"), ("10710", "Leipomotuotteiden valmistus"),
        ("68201", "Asuntojen vuokraus"), ("70220", "Liikkeenjohdon konsultointi"), ("84110", "Julkinen yleishallinto"),
        ("88990", "Muualla luokittelemattomat sosiaalihuollon avopalvelut"), ("45200", "Moottoriajoneuvojen huolto ja korjaus"),
        ("81210", "Kiinteistöjen siivous"), ("96020", "Kampaamo- ja kauneudenhoitopalvelut"), ("55101", "Hotellit"),
        ("46900", "Muu tukkukauppa"), ("87300", "Ikääntyneiden ja vammaisten asumispalvelut"), ("88911", "Lasten päivähoitopalvelut"),
    ];

    /// <summary>Genitive forms of the municipality names: "Helsingin kaupunki", not "Helsinkin".</summary>
    public static readonly Dictionary<string, string> Genitives = new()
    {
        ["Askola"] = "Askolan", ["Espoo"] = "Espoon", ["Hanko"] = "Hangon", ["Helsinki"] = "Helsingin", ["Hyvinkää"] = "Hyvinkään",
        ["Inkoo"] = "Inkoon", ["Järvenpää"] = "Järvenpään", ["Karkkila"] = "Karkkilan", ["Kauniainen"] = "Kauniaisten",
        ["Kerava"] = "Keravan", ["Kirkkonummi"] = "Kirkkonummen", ["Lapinjärvi"] = "Lapinjärven", ["Loviisa"] = "Loviisan",
        ["Lohja"] = "Lohjan", ["Myrskylä"] = "Myrskylän", ["Mäntsälä"] = "Mäntsälän", ["Nurmijärvi"] = "Nurmijärven",
        ["Pukkila"] = "Pukkilan", ["Pornainen"] = "Pornaisten", ["Porvoo"] = "Porvoon", ["Raasepori"] = "Raaseporin",
        ["Sipoo"] = "Sipoon", ["Siuntio"] = "Siuntion", ["Tuusula"] = "Tuusulan", ["Vantaa"] = "Vantaan", ["Vihti"] = "Vihdin",
        ["Tampere"] = "Tampereen", ["Turku"] = "Turun", ["Oulu"] = "Oulun", ["Jyväskylä"] = "Jyväskylän", ["Lahti"] = "Lahden",
        ["Kuopio"] = "Kuopion",
    };

    /// <summary>Municipalities that are not towns (kunta, not kaupunki).</summary>
    public static readonly HashSet<string> Rural =
        ["Askola", "Inkoo", "Kirkkonummi", "Lapinjärvi", "Myrskylä", "Mäntsälä", "Nurmijärvi", "Pukkila", "Pornainen", "Sipoo", "Siuntio", "Tuusula", "Vihti"];

    /// <summary>The industry code that a trade word in a company name implies.</summary>
    public static readonly Dictionary<string, string> TradeIndustries = new()
    {
        ["Kuljetus"] = "49410", ["Sähkötyö"] = "43210", ["Rakennus"] = "41200", ["Kone"] = "25620", ["Metalli"] = "25620",
        ["Puutyö"] = "41200", ["LVI-palvelu"] = "43220", ["Kiinteistöhuolto"] = "81210", ["Siivous"] = "81210",
        ["Logistiikka"] = "49410", ["Tilitoimisto"] = "70220", ["Konepaja"] = "25620", ["Maalaus"] = "41200",
        ["Autokorjaamo"] = "45200", ["Leipomo"] = "10710", ["Catering"] = "56101", ["Hoivapalvelut"] = "87300",
        ["Putkityö"] = "43220", ["Lasitus"] = "41200", ["Kattotyö"] = "41200", ["Rengas"] = "45200", ["Mediapalvelu"] = "70220",
        ["Painotalo"] = "46900", ["Ohjelmistot"] = "62010", ["Tietotekniikka"] = "62010", ["Kiinteistöpalvelut"] = "68201",
        ["Energia"] = "46900", ["Turvapalvelut"] = "81210", ["Kauneushoitola"] = "96020", ["Ravintolat"] = "56101",
        ["Hotelli"] = "55101", ["Kukka"] = "47110",
    };

    public static (string Code, string Description)? IndustryOfName(string name) =>
        name.Split(' ').Select(w => TradeIndustries.GetValueOrDefault(w)).FirstOrDefault(c => c is not null) is { } code
            ? Industries.First(i => i.Code == code) : null;

    /// <summary>The first two digits of the postal codes in each municipality (Helsinki 00…, Espoo 02…).</summary>
    public static readonly Dictionary<string, int> PostalPrefixes = new()
    {
        ["091"] = 0, ["049"] = 2, ["092"] = 1, ["235"] = 2, ["186"] = 4, ["245"] = 4, ["858"] = 4, ["543"] = 1, ["753"] = 1,
        ["638"] = 6, ["434"] = 7, ["444"] = 8, ["927"] = 3, ["257"] = 2, ["106"] = 5, ["505"] = 4, ["710"] = 10, ["078"] = 10,
        ["149"] = 10, ["755"] = 2, ["224"] = 3, ["018"] = 7, ["611"] = 7, ["504"] = 7, ["585"] = 7, ["407"] = 7,
        ["837"] = 33, ["853"] = 20, ["564"] = 90, ["179"] = 40, ["398"] = 15, ["297"] = 70,
    };

    public static readonly string[] Titles =
    [
        "Toimitusjohtaja", "Henkilöstöpäällikkö", "HR-asiantuntija", "Koulutuspäällikkö", "Tuotantopäällikkö",
        "Talousjohtaja", "Työnjohtaja", "Kehityspäällikkö", "Palvelupäällikkö", "Osastonhoitaja", "Myyntipäällikkö",
        "Työpaikkaohjaaja", "Yrittäjä", "Rehtori", "Hankintapäällikkö",
    ];
}
