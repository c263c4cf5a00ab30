using Microsoft.EntityFrameworkCore;
using Portaali.Core.Calendar;
using Portaali.Core.Data;
using Portaali.Core.Segments;
using Portaali.Core.Users;

namespace Portaali.Core.Activities;

/// <summary>
/// Demo activities for the customer team: about twenty weeks back and four ahead of <c>today</c>, so the calendar, weekly hours
/// and the team-meeting view look alive on first start. The same seed and the same week give the same data.
/// </summary>
internal sealed class ActivityDemoData(PortaaliDbContext db, int seed, DateOnly today)
{
    private readonly Random random = new(seed * 31 + 7);
    private Dictionary<string, int> types = [];
    private Dictionary<string, int> keywords = [];
    private readonly List<Activity> created = [];
    private Dictionary<int, string> names = [];

    private sealed record CustomerPick(int Id, Segment Segment, List<int> Contacts);

    public async Task SeedAsync(CancellationToken ct)
    {
        types = await db.ActivityTypes.Where(t => t.SystemKey != null).ToDictionaryAsync(t => t.SystemKey!, t => t.Id, ct);
        keywords = await db.ActivityKeywords.Where(k => k.SystemKey != null).ToDictionaryAsync(k => k.SystemKey!, k => k.Id, ct);
        var team = await db.Users.Where(u => u.Group == UserGroup.AccountManager || u.Group == UserGroup.CustomerRelationshipManager)
            .OrderBy(u => u.Id).Select(u => new { u.Id, u.DisplayName, u.Group }).ToListAsync(ct);
        var teamIds = team.Select(u => u.Id).ToList();
        names = team.ToDictionary(u => u.Id, u => u.DisplayName);
        var responsibilities = await db.CustomerResponsibles.Where(r => teamIds.Contains(r.UserId) && !db.Customers.Any(c => c.Id == r.CustomerId && c.IsPassive))
            .OrderBy(r => r.CustomerId)
            .Select(r => new { r.UserId, r.CustomerId, Segment = db.Customers.Where(c => c.Id == r.CustomerId).Select(c => c.Segment).First() })
            .ToListAsync(ct);
        var contactList = await db.Contacts.Where(c => !c.HasLeft && db.CustomerResponsibles.Any(r => r.CustomerId == c.CustomerId && teamIds.Contains(r.UserId)))
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.CustomerId }).ToListAsync(ct);
        var contacts = contactList.GroupBy(c => c.CustomerId).ToDictionary(g => g.Key, g => g.Select(c => c.Id).ToList());
        CustomerPick Pick(int customerId, Segment s) => new(customerId, s, contacts.GetValueOrDefault(customerId) ?? []);
        var own = teamIds.ToDictionary(id => id, id => responsibilities.Where(r => r.UserId == id).Select(r => Pick(r.CustomerId, r.Segment)).ToList());

        var thisMonday = IsoWeek.Of(today).Monday;
        var firstMonday = thisMonday.AddDays(-7 * 20);
        var lastMonday = thisMonday.AddDays(7 * 4);
        var nowLocal = today.ToDateTime(new TimeOnly(12, 0));

        for (var monday = firstMonday; monday <= lastMonday; monday = monday.AddDays(7))
        {
            // The weekly customer-team meeting: one activity, everyone attached.
            Add(InternalMeeting(monday.AddDays(1), teamIds, nowLocal));
            foreach (var member in team)
            {
                var mine = own[member.Id];
                if (mine.Count == 0) continue;
                Add(New(types[ActivityReferenceData.Planning], null, "Viikon suunnittelu ja asiakkuussuunnitelmat",
                    "Viikon käynnit ja soitot, avoimet tarjoukset ja A-asiakkaiden yhteydenpito.", monday, new TimeOnly(8, 30), 60, [member.Id], [], nowLocal));
                // Key accounts are contacted at least weekly; one of them is left to slip, so the team meeting has something to notice.
                foreach (var key in mine.Where(c => c.Segment == Segment.A && c.Id % 5 != 0))
                    Add(Call(key, monday.AddDays(random.Next(0, 5)), member.Id, nowLocal));
                for (var day = 0; day < 5; day++)
                {
                    var date = monday.AddDays(day);
                    var count = random.Next(0, 3);
                    for (var i = 0; i < count; i++)
                    {
                        var customer = mine[random.Next(mine.Count)];
                        var colleague = random.NextDouble() < 0.2 ? teamIds[random.Next(teamIds.Count)] : member.Id;
                        var roll = random.NextDouble();
                        var future = date.ToDateTime(TimeOnly.MinValue) > nowLocal;
                        if (roll < 0.3) Add(Visit(customer, date, [member.Id, colleague], nowLocal));
                        else if (roll < 0.6) Add(Call(customer, date, member.Id, nowLocal));
                        else if (!future && roll < 0.85) Add(Email(customer, date, member.Id, nowLocal));
                        else if (!future) Add(CustomerWork(customer, date, member.Id, nowLocal));
                    }
                }
                if (random.NextDouble() < 0.35 && monday < thisMonday)
                    Add(Feedback(mine[random.Next(mine.Count)], monday.AddDays(random.Next(0, 5)), member.Id, thisMonday, nowLocal));
            }
        }
        db.Activities.AddRange(created);
        await db.SaveChangesAsync(ct);
    }

    private void Add(Activity? activity)
    {
        if (activity is not null) created.Add(activity);
    }

    private static readonly string[] VisitTopics =
    [
        "koulutustarpeiden kartoitus", "oppisopimuskoulutuksen aloitus", "henkilöstökoulutuksen suunnittelu", "työpaikkaohjaajakoulutus",
        "yhteistyösopimuksen päivitys", "tarjouksen läpikäynti", "näyttötutkintojen järjestäminen", "esimieskoulutuksen sisältö",
    ];
    private static readonly string[] Goals =
    [
        "Selvittää ensi vuoden koulutustarpeet ja budjetti.", "Sopia oppisopimusopiskelijoiden aloituksesta syksyllä.",
        "Esitellä työpaikkaohjaajakoulutus ja kartoittaa osallistujat.", "Käydä läpi lähetetty tarjous ja kysymykset siitä.",
        "Tutustua uuteen henkilöstöpäällikköön ja esitellä palvelumme.",
    ];
    private static readonly string[] Agreed =
    [
        "Lähetämme tarjouksen kahden viikon sisällä.", "Asiakas kokoaa osallistujalistan.", "Seuraava tapaaminen kuukauden päästä.",
        "Oppisopimuksen aloituspalaveri sovitaan erikseen.", "Koulutus toteutetaan asiakkaan tiloissa.", "Näyttöjen arvioijat koulutetaan keväällä.",
    ];
    private static readonly string[] CallTopics =
    [
        "tarjouksen seuranta", "koulutuksen ajankohdasta sopiminen", "uuden yhteyshenkilön esittäytyminen", "näyttötutkinnon arvioijat",
        "tapaamisen sopiminen", "oppisopimuksen tilanne",
    ];
    private static readonly string[] EmailTopics =
    [
        "koulutustarjous lähetetty", "kurssiohjelma ja hinnat", "osallistujalista", "laskutustiedot", "oppisopimuksen asiakirjat",
    ];
    private static readonly string[] WorkTopics = ["Tarjouksen valmistelu", "Koulutussuunnitelman laatiminen", "Asiakkuussuunnitelman päivitys"];
    private static readonly string[] Positive = ["Kiitos onnistuneesta esimieskoulutuksesta", "Hyvä palaute työpaikkaohjaajakoulutuksesta", "Osallistujat tyytyväisiä kouluttajaan"];
    private static readonly (string Title, string Memo, string Resolution)[] Negative =
    [
        ("Koulutuksen aikataulumuutoksesta ei tiedotettu", "Osallistujat saapuivat paikalle, mutta koulutus oli siirretty.", "Pahoittelut lähetetty, korvaava päivä sovittu."),
        ("Laskussa virheellinen osallistujamäärä", "Laskutettu 12 osallistujaa, paikalla oli 9.", "Hyvityslasku lähetetty."),
        ("Kouluttaja vaihtui ilman ilmoitusta", "Asiakas toivoo tietoa muutoksista etukäteen.", "Käyty läpi koulutussuunnittelijan kanssa, ilmoituskäytäntö sovittu."),
    ];

    private Activity? Visit(CustomerPick c, DateOnly date, int[] users, DateTime nowLocal)
    {
        var time = new TimeOnly(random.Next(8, 15), random.Next(2) * 30);
        var past = date.ToDateTime(time) <= nowLocal;
        var memo = $"Tavoite\n{Goals[random.Next(Goals.Length)]}\n\nSovitut asiat\n" +
            (past ? $"- {Agreed[random.Next(Agreed.Length)]}\n- {Agreed[random.Next(Agreed.Length)]}" : "");
        return New(types[ActivityReferenceData.Visit], c, "Käynti: " + VisitTopics[random.Next(VisitTopics.Length)], memo, date, time,
            random.Next(2) == 0 ? 90 : 120, users.Distinct().ToArray(), c.Contacts.Take(random.Next(1, 3)).ToArray(), nowLocal,
            keyword: random.Next(2) == 0 ? 3 : 4);
    }

    private Activity? Call(CustomerPick c, DateOnly date, int user, DateTime nowLocal) =>
        New(types[ActivityReferenceData.Call], c, "Soitto: " + CallTopics[random.Next(CallTopics.Length)], null, date,
            new TimeOnly(random.Next(8, 16), random.Next(4) * 15), random.Next(2) == 0 ? 15 : 30, [user], c.Contacts.Take(1).ToArray(), nowLocal);

    private Activity? Email(CustomerPick c, DateOnly date, int user, DateTime nowLocal) =>
        New(types[ActivityReferenceData.Email], c, "Sähköposti: " + EmailTopics[random.Next(EmailTopics.Length)],
            "Hei,\n\nohessa pyytämänne tiedot. Palataan asiaan ensi viikolla.\n\nTerveisin", date,
            new TimeOnly(random.Next(8, 17), random.Next(60)), 15, [user], c.Contacts.Take(1).ToArray(), nowLocal);

    private Activity? CustomerWork(CustomerPick c, DateOnly date, int user, DateTime nowLocal) =>
        New(types[ActivityReferenceData.CustomerWork], c, WorkTopics[random.Next(WorkTopics.Length)], null, date,
            new TimeOnly(random.Next(12, 15), 0), random.Next(1, 4) * 60, [user], [], nowLocal);

    private Activity? InternalMeeting(DateOnly tuesday, List<int> team, DateTime nowLocal) =>
        New(types[ActivityReferenceData.InternalMeeting], null, "Asiakkuustiimin viikkopalaveri",
            "Asialista\n- Viikon tunnit ja käynnit\n- Avoimet negatiiviset palautteet\n- A-asiakkaiden yhteydenpito\n\nPäätökset\n", tuesday,
            new TimeOnly(9, 0), 90, [.. team], [], nowLocal);

    private Activity? Feedback(CustomerPick c, DateOnly date, int user, DateOnly thisMonday, DateTime nowLocal)
    {
        var time = new TimeOnly(random.Next(9, 15), 0);
        if (random.NextDouble() < 0.65)
            return New(types[ActivityReferenceData.Feedback], c, Positive[random.Next(Positive.Length)], "Palautteen sisältö\nKiitos sujuvasta yhteistyöstä.",
                date, time, 15, [user], c.Contacts.Take(1).ToArray(), nowLocal, keywords[ActivityReferenceData.PositiveFeedback], ActivityStatus.Done);
        var (title, memo, resolution) = Negative[random.Next(Negative.Length)];
        // Older negative feedback has been resolved; the last few weeks' are still open for the team to see.
        var resolved = date < thisMonday.AddDays(-21);
        var activity = New(types[ActivityReferenceData.Feedback], c, title, "Palautteen sisältö\n" + memo, date, time, 30, [user],
            c.Contacts.Take(1).ToArray(), nowLocal, keywords[ActivityReferenceData.NegativeFeedback], resolved ? ActivityStatus.Done : ActivityStatus.Open);
        if (activity is not null && resolved) activity.ResolutionNote = resolution;
        return activity;
    }

    private Activity? New(int typeId, CustomerPick? customer, string title, string? memo, DateOnly date, TimeOnly time, int minutes,
        int[] users, int[] contactIds, DateTime nowLocal, int? keyword = null, ActivityStatus? status = null)
    {
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) return null;
        var local = date.ToDateTime(time);
        var utc = HelsinkiTime.ToUtc(local);
        var week = IsoWeek.Of(date);
        var past = local <= nowLocal;
        // Most past work is reported; a few old ones were left open and show as overdue.
        var chosen = status ?? (!past ? ActivityStatus.Open : random.NextDouble() switch { < 0.04 => ActivityStatus.Open, < 0.08 => ActivityStatus.InProgress, _ => ActivityStatus.Done });
        var creator = users[0];
        return new Activity
        {
            ActivityTypeId = typeId, CustomerId = customer?.Id, KeywordId = keyword, Title = title, Memo = memo,
            SearchText = ActivityRules.SearchForm(title, memo), StartsAtUtc = utc, DurationMinutes = minutes, LocalDate = date,
            IsoYear = week.Year, IsoWeek = week.Week, Status = chosen,
            ResolvedAtUtc = chosen == ActivityStatus.Done ? utc.AddMinutes(minutes) : null,
            CreatedByUserId = creator, CreatedByName = names[creator], UpdatedByName = names[creator],
            ResolvedByName = chosen == ActivityStatus.Done ? names[creator] : null, CreatedAtUtc = past ? utc : HelsinkiTime.ToUtc(nowLocal.AddDays(-3)),
            UpdatedAtUtc = past ? utc.AddMinutes(minutes) : HelsinkiTime.ToUtc(nowLocal.AddDays(-3)),
            Participants = users.Select(u => new ActivityParticipant { UserId = u }).ToList(),
            Contacts = contactIds.Select(c => new ActivityContact { ContactId = c }).ToList(),
        };
    }
}
