namespace Portaali.Benchmarks.Scale;

/// <summary>The words the generated base is made of: Finnish names with ä and ö, trades, topics and memo sentences.</summary>
internal static class ScaleNames
{
    public static readonly string[] FirstNames =
    [
        "Aino", "Anna", "Antti", "Eeva", "Elina", "Emma", "Esa", "Hanna", "Harri", "Heikki", "Helmi", "Ilkka", "Jaana", "Janne", "Jari",
        "Jukka", "Jussi", "Kaija", "Kari", "Katja", "Kirsi", "Lauri", "Leena", "Liisa", "Markku", "Marjatta", "Matti", "Mikko", "Minna",
        "Nina", "Olli", "Päivi", "Pekka", "Petri", "Pirjo", "Riikka", "Sami", "Sanna", "Satu", "Seppo", "Sirpa", "Tapio", "Teemu",
        "Tiina", "Timo", "Tuula", "Väinö", "Ville", "Åsa", "Örjan", "Kyösti", "Jörgen", "Säde", "Yrjö", "Märta",
    ];

    public static readonly string[] LastNames =
    [
        "Aaltonen", "Heikkinen", "Hämäläinen", "Järvinen", "Kinnunen", "Korhonen", "Koskinen", "Laine", "Lehtonen", "Mäkelä",
        "Mäkinen", "Nieminen", "Virtanen", "Salminen", "Lindholm", "Ahonen", "Räsänen", "Söderström", "Pöllänen", "Kärkkäinen",
        "Väisänen", "Björklund", "Heinonen", "Turunen", "Salonen", "Lehtinen", "Hyvönen", "Jääskeläinen", "Öhman", "Åkerlund",
        "Nyström", "Tähtinen", "Pääkkönen", "Kallio", "Lindqvist", "Rantanen", "Ketola", "Peltola", "Väänänen", "Östman",
    ];

    public static readonly string[] Founders =
    [
        "Virtasen", "Mäkelän", "Nyströmin", "Korhosen", "Järvisen", "Hämäläisen", "Lindholmin", "Söderströmin", "Kärkkäisen", "Salosen",
        "Heinosen", "Björklundin", "Pöllälän", "Tähtisen", "Öhmanin", "Ahosen", "Räsäsen", "Väisäsen", "Kallion", "Peltolan",
    ];

    public static readonly string[] Trades =
    [
        "Kuljetus", "Rakennus", "Sähkö", "LVI-palvelu", "Leipomo", "Konepaja", "Siivouspalvelu", "Kiinteistöhuolto", "Ravintola",
        "Hoivakoti", "Puutarha", "Metallityö", "Maalaus", "Autokorjaamo", "Tilitoimisto", "Kampaamo", "Kukkakauppa", "Sisustus",
        "Logistiikka", "Ohjelmistotalo", "Hammaslääkäriasema", "Päiväkoti", "Catering", "Vartiointi", "Painotalo", "Kehäkylä",
        "Lämpö ja Vesi", "Pesulapalvelu", "Kone ja Työ", "Teräsrakenne", "Huolto", "Kauneushoitola", "Koulutuspalvelu", "Tietotekniikka",
    ];

    public static readonly string[] Syllables =
    [
        "ka", "lo", "mä", "ti", "ne", "ro", "sa", "vä", "ku", "pe", "lä", "ta", "hö", "ri", "mo", "jä", "ki", "na", "sö", "te",
        "vi", "lu", "pä", "ko", "ra", "ny", "se", "tö", "ha", "ve",
    ];

    public static readonly string[] Suffixes = ["Oy", "Oy", "Oy", "Oy", "Oy", "Oy", "Ky", "Ay", "Tmi", "Oyj"];

    public static readonly string[] Streets =
    [
        "Mannerheimintie", "Hämeentie", "Tehtaankatu", "Länsiväylä", "Kauppakatu", "Teollisuustie", "Asemakatu", "Koulukatu",
        "Mäkitie", "Pähkinärinne", "Kivikonkaari", "Ääkkösentie", "Sörnäisten rantatie", "Työpajankatu", "Vähäntuvantie",
    ];

    public static readonly string[] Titles =
    [
        "Toimitusjohtaja", "Henkilöstöpäällikkö", "Koulutuspäällikkö", "Tuotantopäällikkö", "Myyntipäällikkö", "Talousjohtaja",
        "Esimies", "Työnjohtaja", "HR-asiantuntija", "Rehtori", "Palvelupäällikkö", "Yrittäjä", "Kehityspäällikkö", "Asiantuntija",
    ];

    public static readonly Dictionary<string, string> Genitives = new()
    {
        ["Helsinki"] = "Helsingin", ["Espoo"] = "Espoon", ["Vantaa"] = "Vantaan", ["Kerava"] = "Keravan", ["Järvenpää"] = "Järvenpään",
        ["Tuusula"] = "Tuusulan", ["Porvoo"] = "Porvoon", ["Lohja"] = "Lohjan", ["Hyvinkää"] = "Hyvinkään", ["Nurmijärvi"] = "Nurmijärven",
        ["Kirkkonummi"] = "Kirkkonummen", ["Sipoo"] = "Sipoon", ["Mäntsälä"] = "Mäntsälän", ["Vihti"] = "Vihdin", ["Kauniainen"] = "Kauniaisten",
    };

    public static readonly string[] VisitTopics =
    [
        "koulutustarpeiden kartoitus", "oppisopimuskoulutuksen aloitus", "henkilöstökoulutuksen suunnittelu", "työpaikkaohjaajakoulutus",
        "yhteistyösopimuksen päivitys", "tarjouksen läpikäynti", "näyttötutkintojen järjestäminen", "esimieskoulutuksen sisältö",
        "työssäoppimispaikkojen määrä", "täydennyskoulutuksen toteutus",
    ];

    public static readonly string[] CallTopics =
    [
        "tarjouksen seuranta", "koulutuksen ajankohdasta sopiminen", "uuden yhteyshenkilön esittäytyminen", "näyttötutkinnon arvioijat",
        "tapaamisen sopiminen", "oppisopimuksen tilanne", "laskutuksen selvittely", "työpaikkaohjaajan yhteydenotto",
    ];

    public static readonly string[] EmailTopics =
    [
        "koulutustarjous lähetetty", "kurssiohjelma ja hinnat", "osallistujalista", "laskutustiedot", "oppisopimuksen asiakirjat",
        "näyttöjen aikataulu", "kiitos tapaamisesta",
    ];

    public static readonly string[] WorkTopics =
    [
        "Tarjouksen valmistelu", "Koulutussuunnitelman laatiminen", "Asiakkuussuunnitelman päivitys", "Sopimusluonnoksen tarkistus",
        "Yhteystietojen päivitys", "Työpaikkaohjaajien kartoitus",
    ];

    public static readonly string[] InternalTopics =
    [
        "Asiakkuustiimin viikkopalaveri", "Viikon suunnittelu ja asiakkuussuunnitelmat", "Koulutustarjonnan suunnittelu",
        "Projektin ohjausryhmä", "Kehittämispäivä", "Syysseminaarin valmistelu", "Työryhmän kokous", "Kansainvälinen verkostokokous",
        "Hankehakemuksen työstäminen", "Opetussuunnitelmatyö",
    ];

    public static readonly string[] LeadTopics = ["Koulutustarve: ", "Uusi yhteydenotto: ", "Liidi messuilta: "];

    public static readonly string[] Sentences =
    [
        "Asiakas on kiinnostunut henkilöstökoulutuksesta ensi keväänä.", "Sovittiin, että lähetämme tarjouksen kahden viikon sisällä.",
        "Oppisopimusopiskelijoita tulossa kolme syksyllä.", "Työpaikkaohjaajakoulutus kiinnostaa, osallistujia noin kymmenen.",
        "Yhteyshenkilö vaihtuu vuodenvaihteessa; uusi henkilöstöpäällikkö aloittaa tammikuussa.", "Budjetti on tiukka, hinnasta neuvotellaan.",
        "Näyttötutkinnon arvioijat koulutetaan yrityksen tiloissa.", "Asiakas toivoi koulutusta myös ruotsiksi.",
        "Käytiin läpi edellisen koulutuksen palaute, joka oli hyvää.", "Seuraava tapaaminen sovitaan erikseen sähköpostilla.",
        "Päätös tehdään johtoryhmässä ensi kuussa.", "Esimieskoulutuksen sisältöä pitää vielä räätälöidä.",
        "Työssäoppimispaikkoja on tarjolla logistiikan ja kaupan aloille.", "Yritys laajentaa toimintaansa Vantaalle.",
        "Koulutus toteutetaan verkossa ja lähipäivinä.", "Hankintalain mukainen kilpailutus on käynnissä.",
        "Asiakas pyysi laskun erittelyä osallistujittain.", "Tarjous hyväksyttiin suullisesti, kirjallinen vahvistus tulossa.",
        "Kehityskeskusteluissa nousi esiin digitaitojen koulutustarve.", "Työhyvinvointiin liittyvä valmennus kiinnostaa.",
        "Sovittiin pilottiryhmästä, jossa on kahdeksan työntekijää.", "Yhteistyösopimus uusitaan kolmeksi vuodeksi.",
        "Pääkaupunkiseudun toimipisteet osallistuvat yhdessä.", "Äkillinen rakennemuutos vaikuttaa koulutustarpeisiin.",
    ];

    public static readonly string[] Agreed =
    [
        "Lähetämme tarjouksen kahden viikon sisällä.", "Asiakas kokoaa osallistujalistan.", "Seuraava tapaaminen kuukauden päästä.",
        "Oppisopimuksen aloituspalaveri sovitaan erikseen.", "Koulutus toteutetaan asiakkaan tiloissa.", "Näyttöjen arvioijat koulutetaan keväällä.",
    ];

    public static readonly (string Title, string Memo, string Resolution)[] Negative =
    [
        ("Koulutuksen aikataulumuutoksesta ei tiedotettu", "Osallistujat saapuivat paikalle, mutta koulutus oli siirretty.", "Pahoittelut lähetetty, korvaava päivä sovittu."),
        ("Laskussa virheellinen osallistujamäärä", "Laskutettu 12 osallistujaa, paikalla oli 9.", "Hyvityslasku lähetetty."),
        ("Kouluttaja vaihtui ilman ilmoitusta", "Asiakas toivoo tietoa muutoksista etukäteen.", "Ilmoituskäytäntö sovittu koulutussuunnittelijan kanssa."),
    ];

    public static readonly string[] Positive =
    [
        "Kiitos onnistuneesta esimieskoulutuksesta", "Hyvä palaute työpaikkaohjaajakoulutuksesta", "Osallistujat tyytyväisiä kouluttajaan",
    ];

    public static readonly string[] OfferTitles =
    [
        "Esimieskoulutus", "Työpaikkaohjaajakoulutus", "Oppisopimuskoulutus, logistiikka", "Työturvallisuuskorttikoulutus",
        "Hygieniapassikoulutus", "Digitaidot työelämässä", "Asiakaspalvelun ammattitutkinto", "Johtamisen erikoisammattitutkinto",
        "Työvoimapoliittinen koulutus, kiinteistöala", "Suomen kieli työelämässä",
    ];

    public static string Ascii(string s) => s.Replace('ä', 'a').Replace('ö', 'o').Replace('å', 'a')
        .Replace('Ä', 'A').Replace('Ö', 'O').Replace('Å', 'A').Replace(' ', '-').Replace(",", "");
}
