using Microsoft.EntityFrameworkCore;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.Data;
using Portaali.Core.Projects;
using Portaali.Core.Users;

namespace Portaali.Core.Seeding;

/// <summary>
/// Demo projects: an ESR+-funded skills project, an Erasmus+ network, a regional pilot being planned and an ended
/// digital-skills project, each with a network of seeded customers and their contacts and some project work logged as
/// activities around <c>today</c>. The same seed gives the same data.
/// </summary>
internal sealed class ProjectDemoData(PortaaliDbContext db, int seed, DateOnly today)
{
    private readonly Random random = new(seed * 17 + 3);

    private sealed record Plan(string Name, string Funder, int StartMonths, int EndMonths, ProjectStatus Status, UserGroup OwnerGroup,
        string Description, int Organisations, string[] WorkTitles);

    private static readonly Plan[] Plans =
    [
        new("Osaava pk-yritys – työpaikkojen osaamisen kehittäminen", "Euroopan sosiaalirahasto ESR+ / Uudenmaan ELY-keskus", -10, 14,
            ProjectStatus.Active, UserGroup.ProjectOperations,
            "Kehitetään pk-yritysten henkilöstön osaamista työpaikalla tapahtuvalla koulutuksella ja osaamiskartoituksilla.", 10,
            ["Osaamiskartoitus yrityksessä", "Ohjausryhmän kokous", "Työpajan suunnittelu", "Väliraportin kirjoitus", "Koulutuspäivä työpaikalla"]),
        new("Erasmus+ -verkosto: työelämäjaksot Euroopassa", "Erasmus+ (Opetushallitus)", -4, 20, ProjectStatus.Active, UserGroup.InternationalOperations,
            "Kumppanuusverkosto opiskelijoiden ja henkilöstön työelämäjaksoille eurooppalaisissa yrityksissä.", 8,
            ["Kumppanitapaaminen", "Liikkuvuusjaksojen suunnittelu", "Kumppanin vierailu", "Hakemuksen valmistelu"]),
        new("Vihreän siirtymän alueellinen pilotti", "Uudenmaan liitto", 2, 18, ProjectStatus.Planned, UserGroup.RegionalCoordinator,
            "Pilotoidaan alueen yritysten kanssa lyhytkoulutuksia vihreän siirtymän osaamistarpeisiin.", 6,
            ["Pilottiyritysten haastattelu", "Rahoitushakemuksen valmistelu"]),
        new("Digiosaamisen kärkihanke", "Opetus- ja kulttuuriministeriö", -30, -6, ProjectStatus.Ended, UserGroup.InnoOmnia,
            "Päättynyt hanke, jossa kehitettiin digitaitojen verkkokoulutuksia yhdessä yritysten kanssa.", 5,
            ["Loppuseminaarin järjestelyt", "Loppuraportti"]),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var keepers = ProjectRules.Keepers.ToList();
        var owners = await db.Users.Where(u => u.IsActive && keepers.Contains(u.Group)).OrderBy(u => u.Id)
            .Select(u => new { u.Id, u.DisplayName, u.Group }).ToListAsync(ct);
        if (owners.Count == 0) return;
        var types = await db.ActivityTypes.Where(t => t.SystemKey != null).ToDictionaryAsync(t => t.SystemKey!, t => t.Id, ct);
        var candidates = await db.Customers.Where(c => !c.IsPassive && db.Contacts.Any(p => p.CustomerId == c.Id && !p.HasLeft))
            .OrderBy(c => c.Id).Select(c => c.Id).Take(600).ToListAsync(ct);
        if (candidates.Count == 0) return;
        var contacts = (await db.Contacts.Where(p => !p.HasLeft && candidates.Contains(p.CustomerId)).OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.CustomerId }).ToListAsync(ct))
            .GroupBy(p => p.CustomerId).ToDictionary(g => g.Key, g => g.Select(p => p.Id).ToList());
        var nowUtc = HelsinkiTime.ToUtc(today.ToDateTime(new TimeOnly(12, 0)));
        var roles = Enum.GetValues<ProjectRole>();

        foreach (var plan in Plans)
        {
            var owner = owners.FirstOrDefault(u => u.Group == plan.OwnerGroup) ?? owners[0];
            var starts = FirstOfMonth(plan.StartMonths);
            var project = new Project
            {
                Name = plan.Name, Funder = plan.Funder, FundingStarts = starts, FundingEnds = FirstOfMonth(plan.EndMonths).AddDays(-1),
                Status = plan.Status, Description = plan.Description, OwnerUserId = owner.Id,
                CreatedAtUtc = HelsinkiTime.ToUtc(starts.AddMonths(-2).ToDateTime(new TimeOnly(10, 0))), UpdatedAtUtc = nowUtc, UpdatedByName = owner.DisplayName,
            };
            var picked = candidates.OrderBy(_ => random.Next()).Take(plan.Organisations).ToList();
            for (var i = 0; i < picked.Count; i++)
            {
                var customerId = picked[i];
                var role = i == 0 ? ProjectRole.Coordinator : i == 1 && plan.Status != ProjectStatus.Planned ? ProjectRole.SteeringGroup
                    : roles[1 + random.Next(roles.Length - 1)];
                project.Network.Add(Member(customerId, null, role, i == 0 ? "Hankkeen päätoteuttaja" : null, project.CreatedAtUtc, owner.DisplayName));
                foreach (var contactId in (contacts.GetValueOrDefault(customerId) ?? []).Take(random.Next(0, 3)))
                    project.Network.Add(Member(customerId, contactId, random.NextDouble() < 0.3 ? ProjectRole.SteeringGroup : ProjectRole.Expert, null,
                        project.CreatedAtUtc, owner.DisplayName));
            }
            db.Projects.Add(project);
            await db.SaveChangesAsync(ct);

            var from = plan.Status == ProjectStatus.Planned ? today.AddDays(-30) : starts;
            var to = plan.Status == ProjectStatus.Ended ? project.FundingEnds!.Value : today.AddDays(21);
            var span = Math.Max(1, to.DayNumber - from.DayNumber);
            var count = plan.Status == ProjectStatus.Planned ? 3 : 8;
            for (var k = 0; k < count; k++)
            {
                var date = from.AddDays(random.Next(span));
                if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) date = date.AddDays(2);
                var title = plan.WorkTitles[random.Next(plan.WorkTitles.Length)];
                var withCustomer = random.NextDouble() < 0.5 ? picked[random.Next(picked.Count)] : (int?)null;
                var typeKey = title.StartsWith("Ohjausryhmä", StringComparison.Ordinal) ? ActivityReferenceData.SteeringGroup : ActivityReferenceData.ProjectWork;
                db.Activities.Add(Work(types[typeKey], project.Id, withCustomer, title, date, owner.Id, owner.DisplayName));
            }
            await db.SaveChangesAsync(ct);
        }
    }

    private DateOnly FirstOfMonth(int monthsFromToday) => new DateOnly(today.Year, today.Month, 1).AddMonths(monthsFromToday);

    private static ProjectNetworkMember Member(int customerId, int? contactId, ProjectRole role, string? note, DateTime at, string by) => new()
    {
        CustomerId = customerId, ContactId = contactId, Role = role, Note = note, AddedAtUtc = at, AddedByName = by,
    };

    private Activity Work(int typeId, int projectId, int? customerId, string title, DateOnly date, int userId, string userName)
    {
        var local = date.ToDateTime(new TimeOnly(random.Next(9, 15), 0));
        var utc = HelsinkiTime.ToUtc(local);
        var week = IsoWeek.Of(date);
        var done = date <= today;
        var minutes = random.Next(1, 5) * 60;
        return new Activity
        {
            ActivityTypeId = typeId, ProjectId = projectId, CustomerId = customerId, Title = title, Memo = null,
            SearchText = ActivityRules.SearchForm(title, null), StartsAtUtc = utc, DurationMinutes = minutes, LocalDate = date,
            IsoYear = week.Year, IsoWeek = week.Week, Status = done ? ActivityStatus.Done : ActivityStatus.Open,
            ResolvedAtUtc = done ? utc.AddMinutes(minutes) : null, ResolvedByName = done ? userName : null,
            CreatedByUserId = userId, CreatedByName = userName, UpdatedByName = userName, CreatedAtUtc = utc, UpdatedAtUtc = utc,
            Participants = [new ActivityParticipant { UserId = userId }],
        };
    }
}
