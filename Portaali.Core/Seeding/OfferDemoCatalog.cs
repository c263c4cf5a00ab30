namespace Portaali.Core.Seeding;

/// <summary>The demo product register and the words of the demo offers: trainings per field of education with plausible
/// prices, free-text lines, tailored topics, reasons lost and notes (<see cref="OfferDemoData"/> writes them).</summary>
internal static class OfferDemoCatalog
{
    /// <summary>How a training is priced on a line: per student, per group, per participant, per day for a group, or per unit of service.</summary>
    public enum Unit { Student, Group, Participant, Day, Service }

    public sealed record Training(string Fi, string En, int Euros, Unit Unit, decimal Vat = 0m, bool Retired = false);

    public sealed record Field(string Fi, string En, Training[] Trainings);

    public static readonly Field[] Fields =
    [
        new("Logistiikka", "Logistics",
        [
            new("Logistiikan perustutkinto, oppisopimus", "Vocational qualification in logistics, apprenticeship", 3200, Unit.Student),
            new("Kuljetusalan ammattitutkinto, oppisopimus", "Further vocational qualification in transport, apprenticeship", 3600, Unit.Student),
            new("Trukinkuljettajan koulutus (trukkikortti)", "Forklift driver training (forklift licence)", 220, Unit.Participant),
            new("Ammattipätevyyden jatkokoulutus (35 h)", "Driver CPC periodic training (35 h)", 590, Unit.Participant),
            new("ADR-ajolupakoulutus, perusopinnot", "ADR driver training, basic course", 480, Unit.Participant),
            new("Ajoneuvoyhdistelmän kuljettajakoulutus", "Articulated vehicle driver training", 2900, Unit.Participant),
            new("Varastotyön ja keräilyn valmennuspäivä", "Warehouse and order picking coaching day", 1450, Unit.Day),
            new("Työvoimakoulutus: varastotyöntekijä", "Labour market training: warehouse worker", 38000, Unit.Group),
            new("Työvoimakoulutus: linja-autonkuljettaja", "Labour market training: bus driver", 64000, Unit.Group),
            new("Kuormansidonnan perusteet", "Load securing basics", 150, Unit.Participant, Retired: true),
        ]),
        new("Sosiaali- ja terveysala", "Social and health care",
        [
            new("Sosiaali- ja terveysalan perustutkinto, oppisopimus", "Vocational qualification in social and health care, apprenticeship", 3800, Unit.Student),
            new("Lääkehoidon täydennyskoulutus (LOVe)", "Medication further training (LOVe)", 340, Unit.Participant),
            new("Ensiapu EA1", "First aid 1", 160, Unit.Participant),
            new("Ensiapu EA2", "First aid 2", 150, Unit.Participant),
            new("Hätäensiapu (4 h)", "Emergency first aid (4 h)", 85, Unit.Participant),
            new("Kinestetiikan peruskurssi", "Kinaesthetics basic course", 420, Unit.Participant),
            new("Muistisairaan kohtaaminen, henkilöstövalmennus", "Meeting people with memory disorders, staff coaching", 1900, Unit.Day),
            new("Väkivaltatilanteiden ennaltaehkäisy (MAPA)", "Preventing violent situations (MAPA)", 390, Unit.Participant),
            new("Työvoimakoulutus: hoiva-avustaja", "Labour market training: care assistant", 72000, Unit.Group),
            new("Lääkehoidon verkkokurssi", "Medication online course", 120, Unit.Participant, Retired: true),
        ]),
        new("Kauppa ja hallinto", "Business and administration",
        [
            new("Liiketoiminnan perustutkinto, oppisopimus", "Vocational qualification in business, apprenticeship", 2900, Unit.Student),
            new("Johtamisen ja yritysjohtamisen erikoisammattitutkinto", "Specialist vocational qualification in leadership and business management", 4900, Unit.Student),
            new("Esihenkilötyön valmennusohjelma", "Supervisor coaching programme", 1850, Unit.Participant),
            new("Asiakaspalvelun valmennuspäivä", "Customer service coaching day", 1600, Unit.Day),
            new("Myyntityön tehostaminen", "Boosting sales work", 1750, Unit.Day),
            new("Työturvallisuuskortti", "Occupational safety card", 135, Unit.Participant),
            new("Talouden ja kirjanpidon perusteet", "Finance and bookkeeping basics", 640, Unit.Participant),
            new("Työyhteisön kehittämispäivä, fasilitointi", "Workplace development day, facilitation", 2400, Unit.Day, 25.5m),
            new("Työvoimakoulutus: kaupan alan rekrykoulutus", "Labour market training: retail recruitment training", 41000, Unit.Group),
            new("Kassatyön perusteet", "Checkout work basics", 260, Unit.Participant, Retired: true),
        ]),
        new("Tekniikka ja ICT", "Technology and ICT",
        [
            new("Tieto- ja viestintätekniikan perustutkinto, oppisopimus", "Vocational qualification in ICT, apprenticeship", 3400, Unit.Student),
            new("Sähkö- ja automaatioalan perustutkinto, oppisopimus", "Vocational qualification in electrical engineering and automation, apprenticeship", 3600, Unit.Student),
            new("Sähköturvallisuus SFS 6002", "Electrical safety SFS 6002", 195, Unit.Participant),
            new("Tulityökortti", "Hot work card", 120, Unit.Participant),
            new("Hitsauksen pätevyyskoulutus", "Welding qualification training", 1150, Unit.Participant),
            new("Koneistuksen täydennyskoulutus", "Machining further training", 890, Unit.Participant),
            new("Microsoft 365 -tehokäyttö", "Microsoft 365 power use", 1450, Unit.Day, 25.5m),
            new("Tekoäly työn tukena", "AI as a work aid", 1600, Unit.Day, 25.5m),
            new("Tietoturvan perusteet henkilöstölle", "Information security basics for staff", 1250, Unit.Day),
            new("Työvoimakoulutus: ohjelmistokehittäjä", "Labour market training: software developer", 96000, Unit.Group),
        ]),
        new("Matkailu- ja ravitsemisala", "Hospitality",
        [
            new("Ravintola- ja catering-alan perustutkinto, oppisopimus", "Vocational qualification in restaurant and catering, apprenticeship", 3100, Unit.Student),
            new("Hygieniapassikoulutus ja -testi", "Hygiene passport training and test", 95, Unit.Participant),
            new("Anniskelupassikoulutus ja -testi", "Alcohol licence passport training and test", 85, Unit.Participant),
            new("Erityisruokavaliot ammattikeittiössä", "Special diets in a professional kitchen", 290, Unit.Participant),
            new("Asiakaspalvelu matkailualalla", "Customer service in tourism", 1400, Unit.Day),
            new("Kokouspaketti (tila ja tekniikka)", "Meeting package (room and AV)", 690, Unit.Service, 25.5m),
            new("Kahvitarjoilu", "Coffee service", 8, Unit.Service, 14m),
            new("Tilauslounas", "Catered lunch", 15, Unit.Service, 14m),
            new("Työvoimakoulutus: kokki", "Labour market training: cook", 68000, Unit.Group),
        ]),
        new("Rakentaminen", "Construction",
        [
            new("Rakennusalan perustutkinto, oppisopimus", "Vocational qualification in construction, apprenticeship", 3300, Unit.Student),
            new("Talonrakennusalan ammattitutkinto, oppisopimus", "Further vocational qualification in building construction, apprenticeship", 3700, Unit.Student),
            new("Telinetyöturvallisuus", "Scaffolding safety", 240, Unit.Participant),
            new("Asbestipurkutyön koulutus", "Asbestos removal training", 1350, Unit.Participant),
            new("Märkätilojen vedeneristys, sertifikaattikoulutus", "Wet room waterproofing, certificate training", 690, Unit.Participant),
            new("Työmaan kuljetukset ja nostot", "Site transport and lifting", 450, Unit.Participant),
            new("Työvoimakoulutus: rakennusalan rekrykoulutus", "Labour market training: construction recruitment training", 58000, Unit.Group),
            new("Rakennuspiirustusten lukeminen", "Reading construction drawings", 380, Unit.Participant, Retired: true),
        ]),
        new("Kielet ja kotoutuminen", "Language and integration",
        [
            new("Kotoutumiskoulutus (työvoimakoulutus)", "Integration training (labour market training)", 54000, Unit.Group),
            new("Työelämän suomen kieli, ryhmäkurssi", "Finnish for working life, group course", 1300, Unit.Day),
            new("Selkosuomi työpaikalla", "Plain Finnish at work", 1200, Unit.Day),
            new("Suomi työpaikalla -valmennus (S2)", "Finnish at the workplace coaching (S2)", 1450, Unit.Day),
            new("Yleinen kielitutkinto, suomi (YKI)", "National certificate of language proficiency, Finnish", 160, Unit.Participant),
            new("Työpaikkaohjaajakoulutus monikieliselle työyhteisölle", "Workplace instructor training for multilingual workplaces", 290, Unit.Participant),
        ]),
    ];

    public static readonly (string Text, int Min, int Max, bool PerParticipant)[] FreeTextLines =
    [
        ("Räätälöity perehdytysosio asiakkaan tiloissa", 900, 2400, false),
        ("Kouluttajan matkakulut", 60, 480, false),
        ("Oppimateriaalit", 15, 45, true),
        ("Lisäpäivä: käytännön harjoitukset", 1200, 1800, false),
        ("Asiantuntijaluento, vieraileva puhuja", 600, 1200, false),
        ("Osaamiskartoitus ja henkilökohtaistaminen", 150, 300, true),
    ];

    public static readonly string[] TailoredTopics =
    [
        "esihenkilöiden muutosvalmennus", "uusien työntekijöiden perehdytysohjelma", "asiakaspalvelun laatuohjelma",
        "työturvallisuuden kehittämishanke", "digitaitojen kehittämisohjelma", "tiimityön ja vuorovaikutuksen valmennus",
    ];

    public static readonly string[] LostReasons =
    [
        "Hinta liian korkea", "Valitsi toisen kouluttajan", "Koulutustarve siirtyi ensi vuoteen", "Budjetti ei riittänyt",
        "Ei vastausta asiakkaalta", "Aikataulu ei sopinut", "Hankinta keskeytettiin", "Toteuttivat koulutuksen omana työnä",
        "Kilpailutuksessa voitti toinen tarjoaja",
    ];

    public static readonly string[] Notes =
    [
        "Hinta sisältää oppimateriaalit.", "Koulutus toteutetaan asiakkaan tiloissa.", "Ryhmäkoko enintään 16 henkilöä.",
        "Laskutus kahdessa erässä.", "Osallistujat ilmoitetaan viimeistään kaksi viikkoa ennen alkua.",
        "Aikataulu sovitaan yhdessä esihenkilöiden kanssa.",
    ];
}
