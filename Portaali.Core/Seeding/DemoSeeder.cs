using Microsoft.EntityFrameworkCore;
using Portaali.Core.Classifications;
using Portaali.Core.Contacts;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Segments;
using Portaali.Core.Users;

namespace Portaali.Core.Seeding;

/// <summary>A realistic, deterministic demo base: same seed, same data.</summary>
/// <remarks>Activities are laid around <paramref name="today"/> (default: today in Helsinki), so the calendar is alive on first start.</remarks>
public class DemoSeeder(PortaaliDbContext db, int seed = 2026, int customerCount = 4000, DateOnly? today = null)
{
    private readonly Random random = new(seed);
    private static readonly DateTime Origin = new(2025, 1, 2, 8, 0, 0, DateTimeKind.Utc);

    public static readonly (UserGroup Group, string[] Names)[] NamedUsers =
    [
        (UserGroup.Administrator, ["Sari Lindqvist"]),
        (UserGroup.DeputyAdministrator, ["Tomi Rautio"]),
        (UserGroup.Management, ["Riitta Halonen", "Kimmo Aalto", "Marja Koivisto", "Jouni Peltonen"]),
        (UserGroup.Communications, ["Noora Vainio"]),
        (UserGroup.SalesAndMarketing, ["Henna Sundström"]),
        (UserGroup.CustomerRelationshipManager, ["Arto Miettinen"]),
        (UserGroup.AccountManager, ["Minna Lehtonen", "Janne Koskela", "Tiina Hakala", "Petteri Nurmi", "Elina Rasi"]),
        (UserGroup.ProductManager, ["Kalle Ojala"]),
        (UserGroup.PedagogicalManager, ["Helena Vuorinen"]),
        (UserGroup.RegionalCoordinator, ["Mikko Leinonen"]),
    ];

    public static readonly (UserGroup Group, int Count)[] GeneratedUsers =
    [
        (UserGroup.InnoOmnia, 5), (UserGroup.ServiceOperations, 1), (UserGroup.ProjectOperations, 14), (UserGroup.InternationalOperations, 9),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        // All or nothing: a half-seeded base would look non-empty and never be completed.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var users = SeedUsers();
        var (customerTree, contactRoles) = SeedClassifications();
        await db.SaveChangesAsync(ct);
        SeedCustomers(users, customerTree, contactRoles);
        await db.SaveChangesAsync(ct);
        await new Activities.ActivityDemoData(db, seed, today ?? Calendar.HelsinkiTime.Today(TimeProvider.System)).SeedAsync(ct);
        await new ProjectDemoData(db, seed, today ?? Calendar.HelsinkiTime.Today(TimeProvider.System)).SeedAsync(ct);
        await new Imports.ImportDemoData(db, seed, today ?? Calendar.HelsinkiTime.Today(TimeProvider.System)).SeedAsync(ct);
        await new OfferDemoData(db, seed, today ?? Calendar.HelsinkiTime.Today(TimeProvider.System)).SeedAsync(ct);
        await new ServiceOrderDemoData(db, seed, today ?? Calendar.HelsinkiTime.Today(TimeProvider.System)).SeedAsync(ct);
        await new UsageDemoData(db, seed, today ?? Calendar.HelsinkiTime.Today(TimeProvider.System)).SeedAsync(ct);
        await tx.CommitAsync(ct);
    }

    private List<AppUser> SeedUsers()
    {
        var users = NamedUsers.SelectMany(g => g.Names.Select(n => NewUser(n, g.Group))).ToList();
        var taken = users.Select(u => u.DisplayName).ToHashSet();
        foreach (var (group, count) in GeneratedUsers)
            for (var i = 0; i < count; i++)
            {
                string name;
                do name = $"{Pick(DemoNames.FirstNames)} {Pick(DemoNames.LastNames)}"; while (!taken.Add(name));
                users.Add(NewUser(name, group));
            }
        db.Users.AddRange(users);
        return users;
    }

    private static AppUser NewUser(string name, UserGroup group) =>
        new() { DisplayName = name, Email = Ascii(name.Replace(' ', '.')) + "@omnia-demo.fi", Group = group };

    private sealed record Tree(ClassificationNode[] Groups, ClassificationNode WorkPlacement, ClassificationNode[] Fields,
        ClassificationNode FrameworkAgreement, ClassificationNode DemonstrationSite, ClassificationNode[] Campaign);

    /// <summary>The shipped classification trees in English, for the English UI (campaign names are data and stay as typed).</summary>
    private static readonly Dictionary<string, string> ClassificationsInEnglish = new()
    {
        ["Asiakasryhmät"] = "Customer groups", ["Tavaran- ja palveluntoimittajat"] = "Suppliers of goods and services",
        ["Viranomaiset"] = "Authorities", ["Lisä- ja täydennyskoulutettavat organisaatiot (yhteistyökumppanit)"] = "Organisations in further training (partners)",
        ["Lisä- ja täydennyskoulutusorganisaatiot"] = "Further-training organisations", ["Yhteistyöoppilaitokset"] = "Partner institutions",
        ["Työssäoppimispaikat"] = "Work-placement sites", ["Toimiala (Omnian luokitus)"] = "Field (Omnia's classification)",
        ["Sosiaali- ja terveysala"] = "Social and health care", ["Tekniikka ja liikenne"] = "Technology and transport",
        ["Matkailu-, ravitsemis- ja talousala"] = "Tourism, catering and home economics", ["Kauppa ja hallinto"] = "Business and administration",
        ["Kulttuuriala"] = "Culture", ["Luonnonvara-ala"] = "Natural resources", ["Työssäoppimisen intensiteetti"] = "Work-placement intensity",
        ["Jatkuva (joka lukukausi)"] = "Continuous (every term)", ["Satunnainen"] = "Occasional", ["Puitesopimus"] = "Framework agreement",
        ["Näyttöpaikka (koulutettu arvioija)"] = "Demonstration site (trained assessor)", ["Omnian toimialaluokitus"] = "Omnia's industry classification",
        ["Rakentaminen"] = "Construction", ["Sähkö- ja automaatio"] = "Electrical and automation", ["Sosiaali- ja terveyspalvelut"] = "Social and health services",
        ["Ravintola- ja catering"] = "Restaurant and catering", ["Logistiikka"] = "Logistics", ["Kauppa"] = "Retail", ["ICT"] = "ICT",
        ["Kiinteistöpalvelut"] = "Property services", ["Kone- ja metalli"] = "Machinery and metal", ["Julkinen hallinto"] = "Public administration",
        ["Markkinointi"] = "Marketing", ["Kutsuttu"] = "Invited", ["Ilmoittautunut"] = "Registered", ["Osallistunut"] = "Attended",
        ["Yhteyshenkilön rooli"] = "Contact's role", ["Päättäjä"] = "Decision-maker", ["Asiantuntija"] = "Expert", ["Vaikuttaja"] = "Influencer",
        ["Markkinointilistat"] = "Marketing lists", ["Uutiskirje"] = "Newsletter", ["Joulukortti"] = "Christmas card",
        ["Työpaikkaohjaajakoulutus käyty"] = "Workplace instructor training done",
    };

    private (Tree, ClassificationNode[]) SeedClassifications()
    {
        ClassificationNode Node(string name, ClassificationNode? parent = null, ClassificationTarget target = ClassificationTarget.Customer, string? key = null)
        {
            var node = new ClassificationNode
            {
                Name = name, NameEn = ClassificationsInEnglish.GetValueOrDefault(name), Parent = parent, Target = target, SystemKey = key,
                SortOrder = parent?.Children.Count ?? 0,
            };
            parent?.Children.Add(node);
            db.ClassificationNodes.Add(node);
            return node;
        }

        var groupsRoot = Node("Asiakasryhmät", key: "customer-groups");
        var groups = new[]
        {
            Node("Tavaran- ja palveluntoimittajat", groupsRoot, key: "group.suppliers"),
            Node("Viranomaiset", groupsRoot, key: "group.authorities"),
            Node("Lisä- ja täydennyskoulutettavat organisaatiot (yhteistyökumppanit)", groupsRoot, key: "group.partners"),
            Node("Lisä- ja täydennyskoulutusorganisaatiot", groupsRoot, key: "group.training-organisations"),
            Node("Yhteistyöoppilaitokset", groupsRoot, key: "group.partner-institutions"),
        };
        var workPlacement = Node("Työssäoppimispaikat", groupsRoot, key: "group.work-placement");
        var fieldRoot = Node("Toimiala (Omnian luokitus)", workPlacement, key: "work-placement.field");
        var fields = new[] { "Sosiaali- ja terveysala", "Tekniikka ja liikenne", "Matkailu-, ravitsemis- ja talousala", "Kauppa ja hallinto",
            "Kulttuuriala", "Luonnonvara-ala" }.Select(f => Node(f, fieldRoot)).ToArray();
        var intensity = Node("Työssäoppimisen intensiteetti", workPlacement, key: "work-placement.intensity");
        Node("Jatkuva (joka lukukausi)", intensity);
        Node("Satunnainen", intensity);
        var framework = Node("Puitesopimus", workPlacement, key: "work-placement.framework-agreement");
        var demonstration = Node("Näyttöpaikka (koulutettu arvioija)", workPlacement, key: "work-placement.demonstration-site");

        var ownIndustry = Node("Omnian toimialaluokitus", key: "own-industry");
        foreach (var f in new[] { "Rakentaminen", "Sähkö- ja automaatio", "Sosiaali- ja terveyspalvelut", "Ravintola- ja catering",
                     "Logistiikka", "Kauppa", "ICT", "Kiinteistöpalvelut", "Kone- ja metalli", "Julkinen hallinto" })
            Node(f, ownIndustry);

        var marketing = Node("Markkinointi", key: "marketing");
        var seminar = Node("Syysseminaari 2026", marketing);
        var campaign = new[] { Node("Kutsuttu", seminar), Node("Ilmoittautunut", seminar), Node("Osallistunut", seminar) };
        var oldCampaign = Node("Kevätseminaari 2025", marketing);
        Node("Kutsuttu", oldCampaign);
        oldCampaign.IsRetired = true;
        oldCampaign.Children.ForEach(c => c.IsRetired = true);

        var rolesRoot = Node("Yhteyshenkilön rooli", target: ClassificationTarget.Contact, key: "contact-roles");
        var roles = new[]
        {
            Node("Päättäjä", rolesRoot, ClassificationTarget.Contact, "contact-role.decision-maker"),
            Node("Asiantuntija", rolesRoot, ClassificationTarget.Contact, "contact-role.expert"),
            Node("Vaikuttaja", rolesRoot, ClassificationTarget.Contact, "contact-role.influencer"),
        };
        var contactMarketing = Node("Markkinointilistat", target: ClassificationTarget.Contact, key: "contact-marketing");
        Node("Uutiskirje", contactMarketing, ClassificationTarget.Contact);
        Node("Joulukortti", contactMarketing, ClassificationTarget.Contact);
        Node("Työpaikkaohjaajakoulutus käyty", contactMarketing, ClassificationTarget.Contact);

        return (new Tree(groups, workPlacement, fields, framework, demonstration, campaign), roles);
    }

    private void SeedCustomers(List<AppUser> users, Tree tree, ClassificationNode[] roles)
    {
        var accountManagers = users.Where(u => u.Group == UserGroup.AccountManager).ToList();
        var crm = users.First(u => u.Group == UserGroup.CustomerRelationshipManager);
        var management = users.First(u => u.Group == UserGroup.Management);
        var salesManager = users.First(u => u.Group == UserGroup.SalesAndMarketing);
        var names = new HashSet<string>();
        var businessIds = new HashSet<string>();
        var uusimaa = Municipalities.All.Where(m => m.Region == Municipalities.Uusimaa).ToArray();
        var capitalRegion = Municipalities.All.Where(m => m.Code is "091" or "049" or "092").ToArray();

        // Segment plan: five A accounts, three hundred B, a hundred potential, the rest C.
        var segments = Enumerable.Range(0, customerCount)
            .Select(i => i < 5 ? Segment.A : i < 305 ? Segment.B : i < 405 ? Segment.Potential : Segment.C).ToArray();
        random.Shuffle(segments);

        for (var i = 0; i < customerCount; i++)
        {
            var municipality = random.NextDouble() < 0.45 ? Pick(capitalRegion) // most customers are in Helsinki, Espoo and Vantaa
                : random.NextDouble() < 0.93 ? Pick(uusimaa) : Pick(Municipalities.All);
            var isAuthority = random.NextDouble() < 0.03;
            string name;
            var sizeClass = SizeClass();
            do name = isAuthority ? AuthorityName(municipality) : CompanyName(municipality, sizeClass); while (!names.Add(name));
            var form = isAuthority ? "Kunta" : name.Split(' ')[^1];
            string businessId;
            do businessId = NewBusinessId(); while (!businessIds.Add(businessId));
            var industry = isAuthority ? DemoNames.Industries.First(x => x.Code == "84110") : Pick(DemoNames.Industries);
            // A trade in the name decides the industry ("Tuusulan Leipomo" bakes); the pick above stays so the seed's sequence is unchanged.
            if (!isAuthority) industry = DemoNames.IndustryOfName(name) ?? (industry.Code is "84110" or "86100" ? DemoNames.Industries.First(x => x.Code == "70220") : industry);
            var created = Origin.AddDays(-random.Next(0, 3650)).AddMinutes(random.Next(0, 600));
            var domain = Domain(name, form);
            var street = $"{Pick(DemoNames.Streets)} {random.Next(1, 120)}";
            var postalArea = random.Next(0, 99);
            var postalCode = $"{DemoNames.PostalPrefixes.GetValueOrDefault(municipality.Code, postalArea):00}{random.Next(1, 99) * 10:000}";
            var customer = new Customer
            {
                Name = name, NameSearch = name.ToLowerInvariant(), BusinessId = businessId, CompanyForm = form,
                VisitingAddress = new Address { Street = street, PostalCode = postalCode, City = municipality.Name },
                PostalAddress = random.NextDouble() < 0.3
                    ? new Address { Street = $"PL {random.Next(1, 999)}", PostalCode = postalCode[..3] + "01", City = municipality.Name }
                    : new Address { Street = street, PostalCode = postalCode, City = municipality.Name },
                MunicipalityCode = municipality.Code,
                Phone = $"0{random.Next(9, 10)} {random.Next(100, 999)} {random.Next(1000, 9999)}",
                Email = random.NextDouble() < 0.8 ? $"info@{domain}" : null,
                Website = random.NextDouble() < 0.7 ? $"https://www.{domain}" : null,
                SizeClass = sizeClass,
                Revenue = sizeClass == 0 || random.NextDouble() < 0.15 ? null : Revenue(sizeClass),
                IndustryCode = industry.Code,
                Segment = segments[i],
                CreatedAt = created,
            };
            customer.SegmentChanges.Add(new SegmentChange { To = Segment.C, Reason = "Perustettu", ChangedAt = created, ChangedByName = "Tuonti" });
            if (segments[i] != Segment.C)
            {
                var by = segments[i] == Segment.A ? management : segments[i] == Segment.Potential ? salesManager : Pick(accountManagers);
                customer.SegmentChanges.Add(new SegmentChange
                {
                    From = Segment.C, To = segments[i], ChangedAt = created.AddDays(random.Next(30, 300)), ChangedByUserId = by.Id,
                    ChangedByName = by.DisplayName, Reason = SegmentReason(segments[i]),
                });
            }
            if (random.NextDouble() < 0.01)
            {
                customer.IsPassive = true;
                customer.PassivatedOn = DateOnly.FromDateTime(created.AddDays(400));
                customer.PassivationReason = Pick(["Toiminta lopetettu", "Konkurssi", "Sulautunut toiseen yritykseen"]);
            }

            var responsible = segments[i] switch
            {
                Segment.A => [crm, Pick(accountManagers)],
                Segment.B => [Pick(accountManagers)],
                Segment.Potential => [salesManager],
                _ => random.NextDouble() < 0.3 ? new[] { Pick(accountManagers) } : [],
            };
            foreach (var user in responsible.Distinct())
                customer.Responsibles.Add(new CustomerResponsible { User = user });

            var groupNodes = new List<ClassificationNode>();
            if (isAuthority) groupNodes.Add(tree.Groups[1]);
            else if (random.NextDouble() < 0.35)
            {
                groupNodes.Add(tree.WorkPlacement);
                groupNodes.Add(Pick(tree.Fields));
                if (random.NextDouble() < 0.25) groupNodes.Add(tree.FrameworkAgreement);
                if (random.NextDouble() < 0.15) groupNodes.Add(tree.DemonstrationSite);
            }
            else groupNodes.Add(Pick(new[] { tree.Groups[0], tree.Groups[2], tree.Groups[2], tree.Groups[3], tree.Groups[4] }));
            if (random.NextDouble() < 0.05) groupNodes.Add(Pick(tree.Campaign));
            foreach (var node in groupNodes.Distinct())
                customer.Classifications.Add(new CustomerClassification { Node = node, AssignedAt = created });

            var contactCount = random.Next(2, 5);
            for (var k = 0; k < contactCount; k++)
            {
                var first = Pick(DemoNames.FirstNames);
                var last = Pick(DemoNames.LastNames);
                var title = k == 0 && !isAuthority ? (sizeClass <= 2 ? "Yrittäjä" : "Toimitusjohtaja") : Pick(DemoNames.Titles);
                var contact = new Contact
                {
                    FirstName = first, LastName = last, NameSearch = $"{first} {last}".ToLowerInvariant(), Title = title,
                    Phone = $"04{random.Next(0, 10)} {random.Next(100, 999)} {random.Next(1000, 9999)}",
                    Email = Ascii($"{first}.{last}".ToLowerInvariant()) + "@" + domain,
                    HasLeft = random.NextDouble() < 0.05,
                };
                var role = title is "Toimitusjohtaja" or "Yrittäjä" or "Rehtori" or "Talousjohtaja" ? roles[0]
                    : title.Contains("päällikkö") ? (random.NextDouble() < 0.5 ? roles[0] : roles[2]) : roles[1];
                contact.Classifications.Add(new ContactClassification { Node = role, AssignedAt = created });
                customer.Contacts.Add(contact);
            }
            if (random.NextDouble() < 0.1)
                customer.ExternalNumbers.Add(new ExternalNumber { System = "TOP", Number = $"TOP-{10000 + i}" });
            db.Customers.Add(customer);
        }
    }

    private string CompanyName(Municipality municipality, int sizeClass)
    {
        // Listed companies (Oyj) are the big ones; a place name usually is the company's own municipality.
        var suffix = sizeClass >= 8 && random.Next(2) == 0 ? "Oyj" : Pick(DemoNames.Suffixes);
        return random.Next(3) switch
        {
            0 => $"{Pick(DemoNames.Founders)} {Pick(DemoNames.Trades)} {suffix}".Replace("& ", "& Co "),
            1 => $"{(random.Next(4) == 0 ? Pick(DemoNames.Places) : DemoNames.Genitives[municipality.Name])} {Pick(DemoNames.Trades)} {suffix}",
            _ => $"{Capitalize(Pick(DemoNames.Syllables) + Pick(DemoNames.Syllables) + Pick(DemoNames.Syllables))} {suffix}",
        };
    }

    /// <summary>A plausible web domain: "Virtasen Kuljetus Oy" → virtasenkuljetus.fi, "Espoon kaupunki, sivistystoimi" → espoonkaupunki.fi.</summary>
    private static string Domain(string name, string form)
    {
        var main = name.Split(',')[0];
        if (main.EndsWith(" " + form, StringComparison.Ordinal)) main = main[..^(form.Length + 1)];
        var slug = new string(Ascii(main.ToLowerInvariant()).Where(char.IsAsciiLetterOrDigit).ToArray());
        return slug + ".fi";
    }

    private string AuthorityName(Municipality m) => Pick(new[]
    {
        $"{DemoNames.Genitives[m.Name]} {(DemoNames.Rural.Contains(m.Name) ? "kunta" : "kaupunki")}, {Pick(new[] { "sivistystoimi", "sosiaali- ja terveystoimi", "tekninen toimi", "henkilöstöpalvelut", "varhaiskasvatus" })}",
        $"TE-toimisto {m.Name}, {Pick(new[] { "yrityspalvelut", "työnvälitys", "koulutuspalvelut", "aikuisohjaus" })}",
    }) + (random.Next(4) == 0 ? $" {random.Next(2, 9)}" : "");

    private string NewBusinessId()
    {
        while (true)
        {
            var body = random.Next(1, 3400000).ToString("0000000");
            if (BusinessId.CheckDigit(body) is not null) return BusinessId.Create(body);
        }
    }

    private int SizeClass()
    {
        ReadOnlySpan<int> weights = [10, 35, 20, 12, 10, 5, 4, 2, 1, 1];
        var roll = random.Next(100);
        for (var size = 0; size < weights.Length; size++)
        {
            if (roll < weights[size]) return size;
            roll -= weights[size];
        }
        return 0;
    }

    private decimal Revenue(int sizeClass)
    {
        var headcount = sizeClass switch { 1 => 3, 2 => 7, 3 => 15, 4 => 35, 5 => 75, 6 => 170, 7 => 370, 8 => 750, _ => 1500 };
        return headcount * random.Next(60, 220) * 1000m; // whole thousands; Math.Round(decimal, -3) throws
    }

    private static string SegmentReason(Segment segment) => segment switch
    {
        Segment.A => "Laaja yhteistyösopimus, hyväksytty johtoryhmässä",
        Segment.B => "Tarjouksia tehty, yhteistyö käynnistynyt",
        _ => "Ensimmäinen kaksisuuntainen yhteydenotto, ei vielä myyntiä",
    };

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Capitalize(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    private static string Ascii(string s) => s.Replace('ä', 'a').Replace('ö', 'o').Replace('å', 'a')
        .Replace('Ä', 'A').Replace('Ö', 'O').Replace(',', ' ').Replace(' ', '-');
}
