using Stopwatch = System.Diagnostics.Stopwatch;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.Classifications;
using Portaali.Core.Contacts;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Offers;
using Portaali.Core.Segments;
using Portaali.Core.Users;

namespace Portaali.Benchmarks.Scale;

/// <summary>The sizes of the issue's base (scale 1) times a factor. Users are not scaled: the team views need a 30-person team.</summary>
public sealed record ScaleCounts(double Factor, int Customers, int Activities, int Offers, int Users)
{
    public static ScaleCounts For(double factor) => new(factor,
        Math.Max(40, (int)Math.Round(100_000 * factor)), Math.Max(400, (int)Math.Round(2_000_000 * factor)),
        Math.Max(20, (int)Math.Round(42_000 * factor)), 200);
}

/// <summary>
/// The deterministic large base of issue 12 (fixed seed): customers with valid Business IDs and Finnish names in Uusimaa,
/// three contacts each on average, 200 users in the app's groups, three years of activities ending on <c>today</c> with their
/// participants and contacts, and offers with lines and orders in the demo seed's proportion. Rows go in through
/// <see cref="BulkSession"/>, so every column is filled as the app fills it (search forms, Helsinki local date, ISO week,
/// versions) and the FTS triggers index titles and memos.
/// </summary>
public sealed class ScaleGenerator(ScaleCounts counts, DateOnly today, int seed = 12)
{
    /// <summary>Bump when the generated data changes: the cached file's name carries it.</summary>
    public const int Version = 1;

    private readonly Random random = new(seed);

    // What later steps need about earlier rows, kept in arrays (a million objects would cost the generator its memory).
    private int[] firstContact = [], contactCount = [];
    private List<int>[] responsibleOf = [];
    private Segment[] segmentOf = [];
    private int[] teamIds = [], userIds = [];
    private Dictionary<int, string> userNames = [];
    private int crm, sales;

    public async Task<ScaleSummary> GenerateAsync(PortaaliDbContext db, TextWriter log, CancellationToken ct = default)
    {
        var timer = Stopwatch.StartNew();
        await db.Database.MigrateAsync(ct);
        var (groups, roles) = await SeedUsersAndClassificationsAsync(db, ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000; PRAGMA foreign_keys=OFF;");
        long activities, participants;
        await using (var session = new BulkSession(db.Model, connection))
        {
            WriteCustomers(session, groups, roles);
            log.WriteLine($"  customers and contacts: {timer.Elapsed.TotalSeconds:0} s, cpu {Cpu()}");
            (activities, participants) = WriteActivities(session, log, timer);
            log.WriteLine($"  activities: {timer.Elapsed.TotalSeconds:0} s, cpu {Cpu()}");
            WriteOffers(session);
        }
        EnsureForeignKeysHold(connection);
        Execute(connection, "PRAGMA foreign_keys=ON; PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL;");
        await db.Database.CloseConnectionAsync();
        return new ScaleSummary(counts.Customers, firstContact[^1] + contactCount[^1] - 1, counts.Users, activities, participants, counts.Offers,
            timer.Elapsed);
    }

    private static string Cpu() => $"{System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.0} s";

    private static void EnsureForeignKeysHold(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_key_check";
        using var reader = command.ExecuteReader();
        if (reader.Read())
            throw new InvalidOperationException($"Generated row {reader.GetValue(1)} of {reader.GetString(0)} points to a missing {reader.GetString(2)}");
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static readonly (UserGroup Group, int Count)[] UserGroups =
    [
        (UserGroup.Administrator, 2), (UserGroup.DeputyAdministrator, 2), (UserGroup.Management, 8), (UserGroup.Communications, 6),
        (UserGroup.SalesAndMarketing, 8), (UserGroup.CustomerRelationshipManager, 2), (UserGroup.AccountManager, 28),
        (UserGroup.ProductManager, 12), (UserGroup.PedagogicalManager, 14), (UserGroup.RegionalCoordinator, 8), (UserGroup.InnoOmnia, 20),
        (UserGroup.ServiceOperations, 10), (UserGroup.ProjectOperations, 50), (UserGroup.InternationalOperations, 30),
    ];

    private sealed record Groups(int[] Plain, int WorkPlacement, int[] Fields, int Framework, int Demonstration, int Authorities);

    /// <summary>Users and the classification trees (the keys the selection engine looks up) through EF: a few hundred rows.</summary>
    private async Task<(Groups, int[])> SeedUsersAndClassificationsAsync(PortaaliDbContext db, CancellationToken ct)
    {
        var taken = new HashSet<string>();
        var users = new List<AppUser>();
        foreach (var (group, count) in UserGroups)
            for (var i = 0; i < count; i++)
            {
                string name;
                do name = $"{Pick(ScaleNames.FirstNames)} {Pick(ScaleNames.LastNames)}"; while (!taken.Add(name));
                users.Add(new AppUser { DisplayName = name, Email = ScaleNames.Ascii(name.Replace(' ', '.')).ToLowerInvariant() + "@omnia-scale.fi", Group = group });
            }
        db.Users.AddRange(users);

        ClassificationNode Node(string name, ClassificationNode? parent = null, ClassificationTarget target = ClassificationTarget.Customer, string? key = null)
        {
            var node = new ClassificationNode { Name = name, Parent = parent, Target = target, SystemKey = key, SortOrder = parent?.Children.Count ?? 0 };
            parent?.Children.Add(node);
            db.ClassificationNodes.Add(node);
            return node;
        }
        var root = Node("Asiakasryhmät", key: "customer-groups");
        var plain = new[]
        {
            Node("Tavaran- ja palveluntoimittajat", root, key: "group.suppliers"), Node("Viranomaiset", root, key: "group.authorities"),
            Node("Lisä- ja täydennyskoulutettavat organisaatiot (yhteistyökumppanit)", root, key: "group.partners"),
            Node("Lisä- ja täydennyskoulutusorganisaatiot", root, key: "group.training-organisations"),
            Node("Yhteistyöoppilaitokset", root, key: "group.partner-institutions"),
        };
        var workPlacement = Node("Työssäoppimispaikat", root, key: "group.work-placement");
        var fieldRoot = Node("Toimiala (Omnian luokitus)", workPlacement, key: "work-placement.field");
        var fields = new[] { "Sosiaali- ja terveysala", "Tekniikka ja liikenne", "Matkailu-, ravitsemis- ja talousala", "Kauppa ja hallinto",
            "Kulttuuriala", "Luonnonvara-ala" }.Select(f => Node(f, fieldRoot)).ToArray();
        var framework = Node("Puitesopimus", workPlacement, key: "work-placement.framework-agreement");
        var demonstration = Node("Näyttöpaikka (koulutettu arvioija)", workPlacement, key: "work-placement.demonstration-site");
        var rolesRoot = Node("Yhteyshenkilön rooli", target: ClassificationTarget.Contact, key: "contact-roles");
        var roles = new[]
        {
            Node("Päättäjä", rolesRoot, ClassificationTarget.Contact, "contact-role.decision-maker"),
            Node("Asiantuntija", rolesRoot, ClassificationTarget.Contact, "contact-role.expert"),
            Node("Vaikuttaja", rolesRoot, ClassificationTarget.Contact, "contact-role.influencer"),
        };
        await db.SaveChangesAsync(ct);

        userIds = users.Select(u => u.Id).ToArray();
        userNames = users.ToDictionary(u => u.Id, u => u.DisplayName);
        teamIds = users.Where(u => WeeklyHoursService.TeamGroups.Contains(u.Group)).Select(u => u.Id).ToArray();
        crm = users.First(u => u.Group == UserGroup.CustomerRelationshipManager).Id;
        sales = users.First(u => u.Group == UserGroup.SalesAndMarketing).Id;
        return (new Groups(plain.Select(n => n.Id).ToArray(), workPlacement.Id, fields.Select(n => n.Id).ToArray(), framework.Id,
            demonstration.Id, plain[1].Id), roles.Select(r => r.Id).ToArray());
    }

    private void WriteCustomers(BulkSession session, Groups groups, int[] roles)
    {
        var customers = session.Table<Customer>();
        var contacts = session.Table<Contact>();
        var changes = session.Table<SegmentChange>();
        var responsibles = session.Table<CustomerResponsible>();
        var customerGroups = session.Table<CustomerClassification>();
        var contactRoles = session.Table<ContactClassification>();
        var managers = teamIds.Where(id => id != crm).ToArray();
        var uusimaa = Municipalities.All.Where(m => m.Region == Municipalities.Uusimaa).ToArray();
        var capital = Municipalities.All.Where(m => m.Code is "091" or "049" or "092").ToArray();
        var names = new HashSet<string>();
        var bodies = new HashSet<int>();
        var n = counts.Customers;
        firstContact = new int[n + 1];
        contactCount = new int[n + 1];
        responsibleOf = new List<int>[n + 1];
        segmentOf = new Segment[n + 1];
        var contactId = 1;
        var origin = today.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc);

        for (var id = 1; id <= n; id++)
        {
            var municipality = random.NextDouble() < 0.45 ? Pick(capital) : random.NextDouble() < 0.93 ? Pick(uusimaa) : Pick(Municipalities.All);
            var isAuthority = random.NextDouble() < 0.03;
            var sizeClass = SizeClass();
            var name = isAuthority ? AuthorityName(municipality) : CompanyName(municipality, sizeClass);
            for (var k = 2; !names.Add(name); k++) name = (isAuthority ? AuthorityName(municipality) : CompanyName(municipality, sizeClass)) + (k > 4 ? $" {k}" : "");
            int body;
            do body = random.Next(100_000, 3_400_000); while (BusinessId.CheckDigit(body.ToString("0000000")) is null || !bodies.Add(body));
            var form = isAuthority ? "Kunta" : name.Split(' ')[^1];
            var domain = new string(ScaleNames.Ascii(name.ToLowerInvariant()).Where(char.IsAsciiLetterOrDigit).ToArray()) + ".fi";
            var street = $"{Pick(ScaleNames.Streets)} {random.Next(1, 120)}";
            var postalCode = $"{random.Next(0, 99):00}{random.Next(1, 99) * 10:000}";
            var created = origin.AddDays(-random.Next(0, 3650)).AddMinutes(random.Next(0, 600));
            var roll = random.NextDouble();
            var segment = roll < 0.00125 ? Segment.A : roll < 0.07625 ? Segment.B : roll < 0.10125 ? Segment.Potential : Segment.C;
            segmentOf[id] = segment;
            customers.Insert(new Customer
            {
                Id = id, Name = name, NameSearch = CustomerRules.SearchForm(name), BusinessId = BusinessId.Create(body.ToString("0000000")),
                CompanyForm = form,
                VisitingAddress = new Address { Street = street, PostalCode = postalCode, City = municipality.Name },
                PostalAddress = random.NextDouble() < 0.3
                    ? new Address { Street = $"PL {random.Next(1, 999)}", PostalCode = postalCode[..3] + "01", City = municipality.Name }
                    : random.NextDouble() < 0.1 ? new Address() : new Address { Street = street, PostalCode = postalCode, City = municipality.Name },
                MunicipalityCode = municipality.Code,
                Phone = random.NextDouble() < 0.85 ? $"09 {random.Next(100, 999)} {random.Next(1000, 9999)}" : null,
                Email = random.NextDouble() < 0.8 ? $"info@{domain}" : null,
                Website = random.NextDouble() < 0.7 ? $"https://www.{domain}" : null,
                SizeClass = sizeClass,
                Revenue = sizeClass == 0 || random.NextDouble() < 0.15 ? null : Revenue(sizeClass),
                IndustryCode = isAuthority ? "84110" : Pick(Industries),
                Segment = segment, CreatedAt = created,
                IsPassive = random.NextDouble() < 0.01,
            });
            changes.Insert(new SegmentChange { CustomerId = id, To = Segment.C, Reason = "Perustettu", ChangedAt = created, ChangedByName = "Tuonti" });
            if (segment != Segment.C)
                changes.Insert(new SegmentChange
                {
                    CustomerId = id, From = Segment.C, To = segment, Reason = "Yhteistyö käynnistynyt", ChangedAt = created.AddDays(random.Next(30, 300)),
                    ChangedByUserId = crm, ChangedByName = userNames[crm],
                });

            var responsible = segment switch
            {
                Segment.A => new List<int> { crm, Pick(managers) },
                Segment.B => [Pick(managers)],
                Segment.Potential => [sales],
                _ => random.NextDouble() < 0.3 ? [Pick(managers)] : [],
            };
            responsibleOf[id] = responsible;
            foreach (var user in responsible) responsibles.Insert(new CustomerResponsible { CustomerId = id, UserId = user });

            var nodes = new List<int>();
            if (isAuthority) nodes.Add(groups.Authorities);
            else if (random.NextDouble() < 0.35)
            {
                nodes.Add(groups.WorkPlacement);
                nodes.Add(Pick(groups.Fields));
                if (random.NextDouble() < 0.25) nodes.Add(groups.Framework);
                if (random.NextDouble() < 0.15) nodes.Add(groups.Demonstration);
            }
            else nodes.Add(Pick(new[] { groups.Plain[0], groups.Plain[2], groups.Plain[2], groups.Plain[3], groups.Plain[4] }));
            foreach (var node in nodes) customerGroups.Insert(new CustomerClassification { CustomerId = id, NodeId = node, AssignedAt = created });

            var count = random.Next(1, 6);
            firstContact[id] = contactId;
            contactCount[id] = count;
            for (var k = 0; k < count; k++, contactId++)
            {
                var first = Pick(ScaleNames.FirstNames);
                var last = Pick(ScaleNames.LastNames);
                var title = random.NextDouble() < 0.15 ? null : k == 0 && !isAuthority ? (sizeClass <= 2 ? "Yrittäjä" : "Toimitusjohtaja") : Pick(ScaleNames.Titles);
                var local = ScaleNames.Ascii($"{first}.{last}");
                var email = random.NextDouble() switch
                {
                    < 0.55 => local.ToLowerInvariant() + "@" + domain,
                    < 0.80 => local + "@" + char.ToUpperInvariant(domain[0]) + domain[1..], // as people type them: Matti.Mäkelä@Yritys.fi
                    < 0.85 => (local + "@" + domain).ToUpperInvariant(),
                    < 0.95 => null,
                    _ => "",
                };
                contacts.Insert(new Contact
                {
                    Id = contactId, CustomerId = id, FirstName = first, LastName = last, NameSearch = CustomerRules.SearchForm($"{first} {last}"),
                    Title = title, AreaOfResponsibility = random.NextDouble() < 0.2 ? "Henkilöstön kehittäminen" : null,
                    Phone = random.NextDouble() < 0.8 ? $"04{random.Next(0, 10)} {random.Next(100, 999)} {random.Next(1000, 9999)}" : null,
                    Email = email, HasLeft = random.NextDouble() < 0.05, NoMarketingEmail = random.NextDouble() < 0.03,
                });
                var role = title is "Toimitusjohtaja" or "Yrittäjä" or "Rehtori" or "Talousjohtaja" ? roles[0]
                    : title?.Contains("päällikkö") == true ? (random.NextDouble() < 0.5 ? roles[0] : roles[2]) : roles[1];
                contactRoles.Insert(new ContactClassification { ContactId = contactId, NodeId = role, AssignedAt = created });
            }
        }
        firstContact[0] = 1;
    }

    private static readonly string[] Industries = ["49410", "41200", "43210", "10710", "56101", "87100", "62010", "69201", "81210", "47761", "25620", "86230"];

    // Type (reference-data id) → weight: calls, e-mails and visits are most of the work.
    private static readonly (int Type, int Weight)[] TypeWeights =
    [
        (11, 25), (13, 20), (5, 15), (2, 10), (12, 8), (10, 6), (1, 2), (15, 2), (3, 3), (4, 2), (8, 3), (9, 1), (6, 1), (14, 1), (7, 1),
    ];
    private static readonly int[] CustomerTypes = [1, 2, 5, 11, 13, 15];

    /// <summary>Three years of weekday activities ending four weeks after <c>today</c>, in date order (ids grow with time, as in
    /// a real base), each with one to three participants and, for customer work, a contact or two.</summary>
    private (long Activities, long Participants) WriteActivities(BulkSession session, TextWriter log, Stopwatch timer)
    {
        var activities = session.Table<Activity>();
        var participants = session.Table<ActivityParticipant>();
        var activityContacts = session.Table<ActivityContact>();
        var first = today.AddYears(-3);
        var last = today.AddDays(28);
        var days = new List<DateOnly>();
        for (var d = first; d <= last; d = d.AddDays(1))
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) days.Add(d);
        var nowLocal = today.ToDateTime(new TimeOnly(12, 0));
        // Creators: the customer team logs three times as much as the rest of the staff.
        var creators = userIds.SelectMany(id => teamIds.Contains(id) ? new[] { id, id, id } : [id]).ToArray();
        var ownCustomers = teamIds.Concat([sales]).ToDictionary(id => id, _ => new List<int>());
        for (var c = 1; c <= counts.Customers; c++)
            foreach (var user in responsibleOf[c])
                ownCustomers[user].Add(c);
        var totalWeight = TypeWeights.Sum(t => t.Weight);
        long written = 0, participantRows = 0;
        var id = 0;
        for (var dayIndex = 0; dayIndex < days.Count; dayIndex++)
        {
            var date = days[dayIndex];
            var week = IsoWeek.Of(date);
            var target = (long)counts.Activities * (dayIndex + 1) / days.Count;
            for (; written < target; written++)
            {
                id++;
                var roll = random.Next(totalWeight);
                var type = TypeWeights[0].Type;
                foreach (var (t, w) in TypeWeights) { if (roll < w) { type = t; break; } roll -= w; }
                var creator = creators[random.Next(creators.Length)];
                int? customer = null;
                if (CustomerTypes.Contains(type) || random.NextDouble() < 0.1)
                    customer = ownCustomers.TryGetValue(creator, out var own) && own.Count > 0 && random.NextDouble() < 0.8
                        ? own[random.Next(own.Count)]
                        : 1 + (int)(Math.Pow(random.NextDouble(), 2) * counts.Customers) % counts.Customers; // some customers get far more
                var time = new TimeOnly(random.Next(8, 16), random.Next(4) * 15);
                var local = date.ToDateTime(time);
                var utc = HelsinkiTime.ToUtc(local);
                var past = local <= nowLocal;
                var minutes = type switch
                {
                    11 or 13 => random.Next(2) == 0 ? 15 : 30,
                    5 => random.Next(2) == 0 ? 90 : 120,
                    10 or 3 or 14 or 7 => random.Next(2, 5) * 30,
                    4 or 9 => random.Next(2, 8) * 60,
                    _ => random.Next(1, 5) * 30,
                };
                var (title, memo, keyword, forcedStatus, resolution) = Content(type, past);
                var status = forcedStatus ?? (!past ? (random.NextDouble() < 0.05 ? ActivityStatus.InProgress : ActivityStatus.Open)
                    : random.NextDouble() switch { < 0.03 => ActivityStatus.Open, < 0.06 => ActivityStatus.InProgress, _ => ActivityStatus.Done });
                var name = userNames[creator];
                var activity = new Activity
                {
                    Id = id, ActivityTypeId = type, CustomerId = customer, KeywordId = keyword, Title = title, Memo = memo,
                    SearchText = ActivityRules.SearchForm(title, memo), StartsAtUtc = utc, DurationMinutes = minutes, LocalDate = date,
                    IsoYear = week.Year, IsoWeek = week.Week, Status = status,
                    ResolutionNote = status == ActivityStatus.Done ? resolution : null,
                    ResolvedAtUtc = status == ActivityStatus.Done ? utc.AddMinutes(minutes) : null,
                    ResolvedByName = status == ActivityStatus.Done ? name : null,
                    CreatedByUserId = creator, CreatedByName = name, UpdatedByName = name,
                    CreatedAtUtc = past ? utc : HelsinkiTime.ToUtc(nowLocal.AddDays(-random.Next(1, 20))),
                    UpdatedAtUtc = past ? utc.AddMinutes(minutes) : HelsinkiTime.ToUtc(nowLocal.AddDays(-1)),
                };
                activities.Insert(activity);
                var people = random.NextDouble() switch { < 0.85 => 1, < 0.97 => 2, _ => 3 };
                participants.Insert(ActivityParticipant.Of(activity, creator));
                participantRows++;
                var second = 0;
                for (var extra = 1; extra < people; extra++)
                {
                    var colleague = random.NextDouble() < 0.7 ? teamIds[random.Next(teamIds.Length)] : userIds[random.Next(userIds.Length)];
                    if (colleague == creator || colleague == second) continue; // a rare clash leaves one person fewer
                    participants.Insert(ActivityParticipant.Of(activity, colleague));
                    participantRows++;
                    second = colleague;
                }
                if (customer is { } cid && contactCount[cid] > 0 && random.NextDouble() < 0.6)
                {
                    var c1 = firstContact[cid] + random.Next(contactCount[cid]);
                    activityContacts.Insert(new ActivityContact { ActivityId = id, ContactId = c1 });
                    if (contactCount[cid] > 1 && random.NextDouble() < 0.15)
                        activityContacts.Insert(new ActivityContact { ActivityId = id, ContactId = c1 == firstContact[cid] ? c1 + 1 : firstContact[cid] });
                }
            }
            if (dayIndex % 25 == 24) log.WriteLine($"  … {written:N0} activities, {timer.Elapsed.TotalSeconds:0} s, cpu {Cpu()}");
        }
        return (written, participantRows);
    }

    private (string Title, string? Memo, int? Keyword, ActivityStatus? Status, string? Resolution) Content(int type, bool past)
    {
        switch (type)
        {
            case 5:
                var memo = random.NextDouble() < 0.5
                    ? $"Tavoite\n{Pick(ScaleNames.Sentences)}\n\nSovitut asiat\n" + (past ? $"- {Pick(ScaleNames.Agreed)}\n- {Pick(ScaleNames.Agreed)}" : "")
                    : Memo();
                return ("Käynti: " + Pick(ScaleNames.VisitTopics), memo, random.Next(2) == 0 ? 3 : 4, null, null);
            case 11: return ("Soitto: " + Pick(ScaleNames.CallTopics), random.NextDouble() < 0.5 ? null : Memo(), random.NextDouble() < 0.2 ? 6 : null, null, null);
            case 13: return ("Sähköposti: " + Pick(ScaleNames.EmailTopics), $"Hei,\n\n{Pick(ScaleNames.Sentences)}\n\nTerveisin", null, null, null);
            case 2: return (Pick(ScaleNames.WorkTopics), random.NextDouble() < 0.6 ? null : Memo(), null, null, null);
            case 15: return (Pick(ScaleNames.LeadTopics) + Pick(ScaleNames.VisitTopics), Memo(), 5, null, null);
            case 1 when random.NextDouble() < 0.65:
                return (Pick(ScaleNames.Positive), "Palautteen sisältö\nKiitos sujuvasta yhteistyöstä.", 1, ActivityStatus.Done, null);
            case 1:
                var (title, text, resolution) = Pick(ScaleNames.Negative);
                return (title, "Palautteen sisältö\n" + text, 2, past && random.NextDouble() < 0.9 ? ActivityStatus.Done : ActivityStatus.Open, resolution);
            case 10:
                return (Pick(ScaleNames.InternalTopics), "Asialista\n- Viikon tunnit ja käynnit\n- Avoimet negatiiviset palautteet\n\nPäätökset\n" + Pick(ScaleNames.Sentences), null, null, null);
            default:
                return (Pick(ScaleNames.InternalTopics), random.NextDouble() < 0.4 ? null : Memo(), null, null, null);
        }
    }

    /// <summary>Memos of varied length: mostly a few sentences, sometimes a long page of notes.</summary>
    private string Memo()
    {
        var sentences = random.NextDouble() switch { < 0.6 => random.Next(1, 3), < 0.95 => random.Next(3, 8), _ => random.Next(15, 40) };
        var parts = new string[sentences];
        for (var i = 0; i < sentences; i++) parts[i] = Pick(ScaleNames.Sentences);
        return string.Join(sentences > 6 ? "\n" : " ", parts);
    }

    /// <summary>Offers in the demo seed's proportion (about 42 per 100 customers, most for A and B accounts), with one to three
    /// lines, their responsible person and, for accepted ones, the order.</summary>
    private void WriteOffers(BulkSession session)
    {
        var offers = session.Table<Offer>();
        var lines = session.Table<OfferLine>();
        var people = session.Table<OfferResponsible>();
        var orders = session.Table<Order>();
        var keyCustomers = Enumerable.Range(1, counts.Customers).Where(c => segmentOf[c] is Segment.A or Segment.B or Segment.Potential).ToArray();
        var lineId = 0;
        var orderId = 0;
        for (var id = 1; id <= counts.Offers; id++)
        {
            var customer = random.NextDouble() < 0.8 && keyCustomers.Length > 0 ? Pick(keyCustomers) : random.Next(1, counts.Customers + 1);
            var manager = responsibleOf[customer].Count > 0 ? Pick(responsibleOf[customer]) : Pick(teamIds);
            var offeredOn = today.AddDays(-random.Next(7, 3 * 365));
            var type = (OfferType)random.Next(4);
            var state = offeredOn > today.AddDays(-60) && random.NextDouble() < 0.7 ? OfferState.Open : random.NextDouble() < 0.55 ? OfferState.Accepted : OfferState.Lost;
            var offer = new Offer
            {
                Id = id, CustomerId = customer, ContactId = contactCount[customer] > 0 ? firstContact[customer] : null, AccountManagerId = manager,
                Type = type, State = state, Title = Pick(ScaleNames.OfferTitles), ValidUntil = offeredOn.AddDays(30), OfferedOn = offeredOn,
                DecidedOn = state == OfferState.Open ? null : offeredOn.AddDays(random.Next(5, 40)),
                LostReason = state == OfferState.Lost ? "Hinta" : null, RecordedAsOrder = state == OfferState.Accepted,
                CreatedAtUtc = HelsinkiTime.ToUtc(offeredOn, new TimeOnly(10, 0)), CreatedByName = userNames[manager],
                UpdatedAtUtc = HelsinkiTime.ToUtc(offeredOn, new TimeOnly(10, 0)), UpdatedByName = userNames[manager],
            };
            var lineCount = random.Next(1, 4);
            var rows = new List<OfferLine>();
            for (var k = 0; k < lineCount; k++)
            {
                var quantity = random.Next(1, 20);
                var unit = random.Next(20, 400) * 1000L;
                var vatRate = type == OfferType.Apprenticeship ? 0m : 25.5m;
                var total = quantity * unit;
                rows.Add(new OfferLine
                {
                    Id = ++lineId, OfferId = id, SortOrder = k, Description = Pick(ScaleNames.OfferTitles), Quantity = quantity, UnitPriceCents = unit,
                    VatRate = vatRate, Participants = quantity, LineTotalExVatCents = total, LineVatCents = (long)Math.Round(total * vatRate / 100m),
                });
            }
            offer.TotalExVatCents = rows.Sum(l => l.LineTotalExVatCents);
            offer.VatCents = rows.Sum(l => l.LineVatCents);
            offers.Insert(offer);
            foreach (var line in rows) lines.Insert(line);
            people.Insert(new OfferResponsible { OfferId = id, UserId = manager, Name = userNames[manager] });
            if (state == OfferState.Accepted)
            {
                var ordered = offer.DecidedOn!.Value;
                var invoiced = ordered.AddDays(60) < today;
                orders.Insert(new Order
                {
                    Id = ++orderId, OfferId = id, CustomerId = customer, AccountManagerId = manager, Type = type, TotalExVatCents = offer.TotalExVatCents,
                    VatCents = offer.VatCents, State = invoiced ? OrderState.Invoiced : OrderState.InDelivery, OrderedOn = ordered,
                    StartsOn = ordered.AddDays(14), EndsOn = ordered.AddDays(90), DeliveryStartedOn = ordered.AddDays(14),
                    InvoicedOn = invoiced ? ordered.AddDays(60) : null, InvoiceNumber = invoiced ? $"L{100000 + orderId}" : null,
                    InvoicedByName = invoiced ? "Laskutus" : null, UpdatedAtUtc = HelsinkiTime.ToUtc(ordered, new TimeOnly(12, 0)), UpdatedByName = userNames[manager],
                });
            }
        }
    }

    private string CompanyName(Municipality municipality, int sizeClass)
    {
        var suffix = sizeClass >= 8 && random.Next(2) == 0 ? "Oyj" : Pick(ScaleNames.Suffixes[..^1]);
        return random.Next(3) switch
        {
            0 => $"{Pick(ScaleNames.Founders)} {Pick(ScaleNames.Trades)} {suffix}",
            1 when ScaleNames.Genitives.TryGetValue(municipality.Name, out var genitive) => $"{genitive} {Pick(ScaleNames.Trades)} {suffix}",
            _ => $"{Capitalize(Pick(ScaleNames.Syllables) + Pick(ScaleNames.Syllables) + Pick(ScaleNames.Syllables))} {Pick(ScaleNames.Trades)} {suffix}",
        };
    }

    private string AuthorityName(Municipality m) =>
        $"{ScaleNames.Genitives.GetValueOrDefault(m.Name, m.Name)} {(random.Next(2) == 0 ? "kaupunki" : "kunta")}, " +
        Pick(new[] { "sivistystoimi", "sosiaali- ja terveystoimi", "tekninen toimi", "henkilöstöpalvelut", "varhaiskasvatus" });

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
        return headcount * random.Next(60, 220) * 1000m;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Capitalize(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}

/// <summary>What a generation wrote and how long it took.</summary>
public sealed record ScaleSummary(int Customers, int Contacts, int Users, long Activities, long Participants, int Offers, TimeSpan Elapsed);
