using Portaali.Core.Activities;
using Portaali.Core.Segments;

namespace Portaali.Core.CarePlans;

/// <summary>A requirement as the seed names it: by type and keyword keys, so it works on any installation's ids.</summary>
internal sealed record SeedRequirement(string TypeKey, string? KeywordKey, int PerYear, string LabelFi, string LabelEn);

/// <summary>The first version of one plan: thesis table 6 (segments) or 5 (customer groups), the bullets in Finnish as
/// the thesis writes them and in English, with the measurable rules the app checks.</summary>
internal sealed record SeedPlan(string[] CareFi, string[] CareEn, string[] InternalFi, string[] InternalEn, string ResponsibleFi,
    string ResponsibleEn, int? MaxGapDays = null, string[]? ContactTypes = null, bool PlannedContactCounts = false,
    SeedRequirement[]? Requirements = null, bool SalesManagerResponsible = false);

/// <summary>The contents of thesis tables 5 and 6 (5.3.5). The Finnish bullets are verbatim, the thesis's own spelling
/// included; the English is a translation.</summary>
internal static class CarePlanSeedContent
{
    private static readonly string[] ContactTypes =
        [ActivityReferenceData.Visit, ActivityReferenceData.Call, ActivityReferenceData.Email, ActivityReferenceData.Meeting,
         ActivityReferenceData.CustomerWork, ActivityReferenceData.SteeringGroup];

    public static readonly IReadOnlyDictionary<Segment, SeedPlan> Segments = new Dictionary<Segment, SeedPlan>
    {
        [Segment.A] = new(
            ["Yhteydenpito näihin asiakkuuksiin on säännöllistä, vähintään viikoittaista toimintaa.",
             "Strategisille asiakkuuksille suunnataan räätälöityjä koulutustuotteita",
             "Asiakas on itse mukana tuotekehitysprosessissa",
             "Asiakasvastaava on yhteydessä asiakkaaseen monimuotoisesti ja rakentaa tämän kanssa koulutustuotteita yhteistyössä",
             "Kutsut merkittäviin tilaisuuksiin koordinoidusti", "Sidosryhmätiedote ja vuosikertomus", "Seminaarit"],
            ["Contact with these accounts is regular, at least weekly.",
             "Tailored training products are aimed at the strategic accounts",
             "The customer takes part in the product development process itself",
             "The account manager keeps in touch with the customer in many ways and builds training products together with them",
             "Invitations to major events, coordinated", "Stakeholder newsletter and annual report", "Seminars"],
            ["Johto tuntee asiakkuudet ja sitoutuu niiden jatkuvaan kehittämiseen.", "A-asiakkuuksia on korkeintaan viisi (5)",
             "Asiakkuuksien hoitosuunnitelmat käydään läpi johtoryhmässä",
             "Asiakkuudet erillisellä tuloskortilla ja tavoitteiden toteutumista seurataan vuositasolla"],
            ["Management knows the accounts and is committed to developing them continuously.", "There are at most five (5) A accounts",
             "The care plans are reviewed by the management team",
             "The accounts have a separate scorecard, and meeting the targets is followed yearly"],
            "Asiakasvastaava; johtoryhmä käy suunnitelman läpi ja hyväksyy sen muutokset",
            "The account manager; the management team reviews the plan and approves its changes",
            MaxGapDays: 7, ContactTypes: ContactTypes,
            Requirements:
            [
                new(ActivityReferenceData.Meeting, ActivityReferenceData.ManagementReview, 1, "Johdon katselmus", "Management review"),
                new(ActivityReferenceData.Meeting, ActivityReferenceData.CoDevelopment, 2, "Yhteiskehittämispalaveri", "Co-development meeting"),
            ]),
        [Segment.B] = new(
            ["Kasvavissa asiakkuuksissa yhteydenpidon tulee vähintään vastata kysyntää", "Asiakkuuksissa olennaista on ennakointi",
             "Tarpeita syntyy nopeassa syklissä ja kilpailija riskinä vaiheessa, jossa ei vielä syvää asiakasuskollisuutta",
             "Joulukortit", "Kutsut tilaisuuksiin valikoidusti"],
            ["In growing accounts, contact must at least match demand", "Anticipation is essential in these accounts",
             "Needs arise in a fast cycle, and a competitor is a risk at a stage where there is no deep customer loyalty yet",
             "Christmas cards", "Invitations to events, selectively"],
            ["Luodaan yhteistyöprosesseja lujittamaan asiakassuhdetta", "Jatkuva ennakointi", "Asiakasvastaavien säännölliset kontaktit",
             "Sähköpostit, puhelut, asiakaskäynnit", "Asiakaspalautteen pohjalta tuotekehitys"],
            ["Cooperation processes are created to strengthen the customer relationship", "Continuous anticipation",
             "Regular contacts by the account managers", "E-mails, calls, customer visits", "Product development based on customer feedback"],
            "Asiakasvastaava", "The account manager",
            MaxGapDays: 90, ContactTypes: ContactTypes),
        [Segment.C] = new(
            ["Peruspalvelu, jossa kysyntään vastataan", "Jatkuva seuranta ja potentiaalin hyödyntäminen tarvittaessa",
             "Tappiollisten asiakkaiden tunnistaminen ja niistä luopuminen"],
            ["Basic service in which demand is met", "Continuous follow-up and making use of potential when needed",
             "Identifying loss-making customers and giving them up"],
            ["Suoramarkkinoinnin kohdentaminen", "Vanhoista toimintamalleista poisoppiminen", "Tuotekehitys ja uudet kontaktit"],
            ["Targeting direct marketing", "Unlearning old ways of working", "Product development and new contacts"],
            "Asiakasvastaava", "The account manager"),
        [Segment.Potential] = new(
            ["Yhteyden muodostaminen", "Asiakassuhteen luominen", "Positiivinen kokemus koulutuspalvelusta", "Segmentin kehittäminen",
             "Liidit, syötteet asiakasvastaaville koulutuspalveluiden suunnittelun käynnistämiseksi"],
            ["Establishing contact", "Creating the customer relationship", "A positive experience of the training service",
             "Developing the segment", "Leads, input to the account managers for starting to plan training services"],
            ["Ensimmäistä yhteydenottoa ei kirjata suoraan asiakkuuteen, vaan vasta kontaktin molemminpuolinen luonti on potentiaalinen asiakassuhde",
             "Potentiaalisten asiakkaiden kontaktointi on suunnitelmallista ja selkeästi vastuutettu (myynti- ja markkinointipäällikkö)"],
            ["The first contact is not recorded as a customer relationship; only a contact made by both sides is a potential customer relationship",
             "Contacting potential customers is planned and clearly assigned (the sales and marketing manager)"],
            "Myynti- ja markkinointipäällikkö", "The sales and marketing manager",
            MaxGapDays: 30, PlannedContactCounts: true, SalesManagerResponsible: true,
            ContactTypes: [ActivityReferenceData.Call, ActivityReferenceData.Visit, ActivityReferenceData.Email, ActivityReferenceData.Meeting,
                ActivityReferenceData.Lead]),
    };

    private static readonly string[] GoodPracticesFi = ["Hyvien käytäntöjen jatkuva etsiminen", "Vertaisarviointi", "Vertaiskehittäminen"];
    private static readonly string[] GoodPracticesEn = ["Continuous search for good practices", "Peer review", "Peer development"];

    /// <summary>By the customer-group node's system key. Only the partner institutions get a rule: their "regular peer
    /// review and benchmarking visits" are the one measurable line of table 5 (one visit a year); the rest is text.</summary>
    public static readonly IReadOnlyDictionary<string, SeedPlan> Groups = new Dictionary<string, SeedPlan>
    {
        ["group.suppliers"] = new(
            ["Yhteistyön jatkuva seuranta", "Asiakaslaadun seuranta ja kehittäminen", "Monimuotoinen yhteistyö",
             "Koulutusmahdollisuuksien hyödyntäminen"],
            ["Continuous follow-up of the cooperation", "Following and developing customer quality", "Many-sided cooperation",
             "Making use of training opportunities"],
            ["Yhteiset palaverit säännöllisesti", "Sidosryhmätiedotteet", "Vuosikertomukset", "Kutsut ja seminaarit", "Imagotutkimus"],
            ["Joint meetings regularly", "Stakeholder newsletters", "Annual reports", "Invitations and seminars", "Image survey"],
            "Asiakasvastaava", "The account manager"),
        ["group.authorities"] = new(
            ["Kutsut", "Erilaiset raportit", "Audintointikäyntien yhteydessä tapahtuva tiedottaminen", "Hanketiedotus"],
            ["Invitations", "Various reports", "Informing in connection with audit visits", "Project communications"],
            ["Hyvistä käytänteistä tiedottaminen", "Osallistuminen rahoittajan seminaareihin"],
            ["Communicating good practices", "Taking part in the funder's seminars"],
            "Asiakasvastaava", "The account manager"),
        ["group.partners"] = new(
            ["Säännölliset kontaktit olemassa oleviin ja potentiaalisiin asiakkaisiin", "Yhteiset suunnittelupalaverit",
             "Inno-Omnia yhteistyön mahdollisuus", "Esitteet ja kutsut säännöllisesti",
             "Myynti- ja markkinointipäällikön yhteydenotot potentiaalisiin uusiin asiakkuuksiin"],
            ["Regular contacts with existing and potential customers", "Joint planning meetings", "The possibility of cooperation with Inno-Omnia",
             "Brochures and invitations regularly", "The sales and marketing manager contacts potential new customers"],
            ["Inno-Omnia (potentiaalinen)", "Kutsut", "Sidosryhmätiedotteet", "Vuosikertomukset", "Seminaarit", "Imagotutkimus"],
            ["Inno-Omnia (potential)", "Invitations", "Stakeholder newsletters", "Annual reports", "Seminars", "Image survey"],
            "Asiakasvastaava; uudet asiakkuudet: myynti- ja markkinointipäällikkö",
            "The account manager; new customers: the sales and marketing manager"),
        ["group.training-organisations"] = new(
            ["Kouluttajaosaamisen hyödyntäminen työparimallilla", "Tilat ja materiaalit yhteiskäyttö", "Yhteistyö Inno-Omnian kautta"],
            ["Making use of trainers' expertise in a pair model", "Shared use of premises and materials", "Cooperation through Inno-Omnia"],
            GoodPracticesFi, GoodPracticesEn, "Asiakasvastaava", "The account manager"),
        ["group.partner-institutions"] = new(
            ["Vertaisarviointikäynnit säännöllisesti", "Benchmarking-käynnit säännöllisesti",
             "Yhteistyö koulutuksien organisoinnissa ja toteutuksessa", "Laajamittainen hankeyhteistyö",
             "Yhteydenotto hankkeiden suunnitteluvaiheessa", "Osaamisen hyödyntäminen valtakunnallisesti", "Alueyhteistyö", "Yhteistyöhankkeet"],
            ["Peer review visits regularly", "Benchmarking visits regularly", "Cooperation in organising and delivering trainings",
             "Extensive project cooperation", "Contact at the planning stage of projects", "Making use of expertise nationally",
             "Regional cooperation", "Cooperation projects"],
            GoodPracticesFi, GoodPracticesEn, "Asiakasvastaava", "The account manager",
            Requirements: [new(ActivityReferenceData.Visit, null, 1, "Vertaisarviointi- tai benchmarking-käynti", "Peer review or benchmarking visit")]),
        ["group.work-placement"] = new(
            ["Säännöllinen yhteydenpito perustoiminnan kautta", "Puitesopimusten maksimointi",
             "Työssäoppimiskoulutusten markkinointi säännöllisesti", "(työpaikkaohjaajakoulutus, näyttökoulutukset)",
             "Muu täydennyskoulutus, esitteet, kontaktit TOP-käyntien yhteydessä"],
            ["Regular contact through the basic activity", "Maximising framework agreements", "Marketing work-placement trainings regularly",
             "(workplace instructor training, competence demonstration training)",
             "Other continuing training, brochures, contacts during work-placement (TOP) visits"],
            ["Suuri lisä- ja täydennyskoulutuspotentiaali",
             "Tulevaisuudessa on pohdittava mahdollisesti alakohtaisia hoitosuunnitelmia segmentin suuren koon vuoksi"],
            ["Large potential for further and continuing training",
             "In the future, field-specific care plans may need to be considered because of the segment's large size"],
            "Asiakasvastaava", "The account manager"),
    };

    /// <summary>Bullets as the plan text keeps them: one "• " line each.</summary>
    public static string Text(string[] bullets) => string.Join("\n", bullets.Select(b => "• " + b));
}
