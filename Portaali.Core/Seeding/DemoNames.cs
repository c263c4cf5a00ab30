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

    public static readonly string[] Titles =
    [
        "Toimitusjohtaja", "Henkilöstöpäällikkö", "HR-asiantuntija", "Koulutuspäällikkö", "Tuotantopäällikkö",
        "Talousjohtaja", "Työnjohtaja", "Kehityspäällikkö", "Palvelupäällikkö", "Osastonhoitaja", "Myyntipäällikkö",
        "Työpaikkaohjaaja", "Yrittäjä", "Rehtori", "Hankintapäällikkö",
    ];
}
