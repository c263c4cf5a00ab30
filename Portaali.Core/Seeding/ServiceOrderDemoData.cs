using Microsoft.EntityFrameworkCore;
using Portaali.Core.Calendar;
using Portaali.Core.Data;
using Portaali.Core.Segments;
using Portaali.Core.ServiceOrders;
using Portaali.Core.Users;

namespace Portaali.Core.Seeding;

/// <summary>A handful of service orders on the key accounts around <c>today</c>: past ones that were e-mailed, upcoming ones,
/// and one whose sending failed so the retry can be tried (with no SMTP host it goes to the pickup folder). Deterministic.</summary>
internal sealed class ServiceOrderDemoData(PortaaliDbContext db, int seed, DateOnly today)
{
    private static readonly (string Title, string Place, string Rooms, string Materials, string Catering, string? OtherGoods, int Participants)[] Events =
    [
        ("Työturvallisuuskorttikoulutus", "Kampus, rakennus B", "Auditorio B101", "Videotykki, työturvallisuuskortin oppaat", "Aamukahvi ja lounas", "Nimikyltit", 32),
        ("Esimiesvalmennuksen aloitustilaisuus", "Kampus, päärakennus", "Kokoustila Aalto", "Fläppitaulu, tussit", "Iltapäiväkahvi", null, 18),
        ("Hitsauksen näyttötutkintopäivä", "Tekniikan talo", "Hitsaushalli T2, luokka T105", "Hitsauslisäaineet, suojaimet", "Lounas (2 kasvis)", "Arviointilomakkeet", 12),
        ("Asiakkuusseminaari", "Kampus, juhlasali", "Juhlasali ja aula", "Äänentoisto, langattomat mikit", "Aamiainen, lounas ja päiväkahvi", "Roll-upit, esitteet", 80),
        ("Anniskelupassin koulutus", "Ravintola-alan oppimisympäristö", "Luokka R12", "Anniskelupassin oppikirjat", "Kahvi", null, 20),
        ("Verkostotapaaminen: työpaikkaohjaajat", "Kampus, rakennus C", "Ryhmätilat C201–C203", "Ohjaajan opas", "Päiväkahvi", "Osallistujalista", 25),
        ("Trukkikorttikoulutus", "Logistiikan halli", "Halli L1 ja luokka L4", "Trukit 2 kpl, kypärät", "Lounas", null, 10),
        ("Johtoryhmän strategiapäivä", "Kampus, päärakennus", "Kokoustila Kuusi", "Videoneuvottelulaitteet", "Lounas ja päiväkahvi", null, 9),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var random = new Random(seed * 17 + 3);
        var customers = await db.Customers.AsNoTracking().Where(c => !c.IsPassive && (c.Segment == Segment.A || c.Segment == Segment.B))
            .OrderBy(c => c.Segment).ThenBy(c => c.Id).Select(c => c.Id).Take(8).ToListAsync(ct);
        var contacts = await db.Contacts.AsNoTracking().Where(c => customers.Contains(c.CustomerId) && !c.HasLeft && c.Email != null)
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.CustomerId }).ToListAsync(ct);
        var staff = await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Id).Select(u => new { u.Id, u.DisplayName, u.Group }).ToListAsync(ct);
        var service = staff.Where(u => u.Group == UserGroup.ServiceOperations).Select(u => u.Id).DefaultIfEmpty(staff[0].Id).ToList();
        var projects = staff.Where(u => u.Group is UserGroup.ProjectOperations or UserGroup.InnoOmnia).Select(u => u.Id).ToList();
        var managers = staff.Where(u => u.Group == UserGroup.AccountManager).ToList();
        if (customers.Count == 0 || managers.Count == 0) return;

        var orders = new List<ServiceOrder>();
        for (var i = 0; i < Events.Length; i++)
        {
            var e = Events[i];
            var customerId = customers[i % customers.Count];
            var creator = managers[i % managers.Count];
            var date = today.AddDays(i < 3 ? -7 * (12 - 3 * i) : 3 + 9 * (i - 3));
            var start = new TimeOnly(8 + random.Next(3), random.Next(2) * 30);
            var order = new ServiceOrder
            {
                CustomerId = customerId, ContactId = contacts.FirstOrDefault(c => c.CustomerId == customerId)?.Id, Title = e.Title,
                Date = date, StartTime = start, EndTime = start.AddHours(3 + random.Next(5)), StartsAtUtc = HelsinkiTime.ToUtc(date, start),
                Place = e.Place, Rooms = e.Rooms, Materials = e.Materials, Catering = e.Catering, OtherGoods = e.OtherGoods,
                ParticipantCount = e.Participants, ExtraRecipients = i % 3 == 0 ? "tilat@omnia-demo.fi" : "",
                CreatedByUserId = creator.Id, CreatedByName = creator.DisplayName, UpdatedByName = creator.DisplayName,
                CreatedAtUtc = HelsinkiTime.ToUtc(date.AddDays(-21), new TimeOnly(10, 0)), UpdatedAtUtc = HelsinkiTime.ToUtc(date.AddDays(-21), new TimeOnly(10, 0)),
            };
            order.Deliverers.Add(new ServiceOrderDeliverer { Part = ServiceOrderPart.Event, UserId = creator.Id });
            order.Deliverers.Add(new ServiceOrderDeliverer { Part = ServiceOrderPart.Rooms, UserId = service[i % service.Count] });
            order.Deliverers.Add(new ServiceOrderDeliverer { Part = ServiceOrderPart.Catering, UserId = service[(i + 1) % service.Count] == service[i % service.Count] && projects.Count > 0 ? projects[i % projects.Count] : service[(i + 1) % service.Count] });
            if (projects.Count > 0) order.Deliverers.Add(new ServiceOrderDeliverer { Part = ServiceOrderPart.Materials, UserId = projects[(i * 3) % projects.Count] });
            var sentAt = HelsinkiTime.ToUtc(date.AddDays(-14), new TimeOnly(13, 15));
            if (date < today || i == 3)
                order.Sendings.Add(new ServiceOrderSending
                {
                    StartedAtUtc = sentAt, FinishedAtUtc = sentAt.AddSeconds(2), SentByUserId = creator.Id, SentByName = creator.DisplayName,
                    Recipients = "tilat@omnia-demo.fi", Subject = $"Palvelutilaus: {e.Title} {date:d.M.yyyy}",
                    Outcome = i == 3 ? SendingOutcome.Failed : SendingOutcome.Sent,
                    Error = i == 3 ? "Sähköpostipalvelimeen smtp.omnia-demo.fi:587 ei saatu yhteyttä: Connection refused" : null,
                    Channel = i == 3 ? null : "smtp.omnia-demo.fi:587",
                });
            orders.Add(order);
        }
        db.ServiceOrders.AddRange(orders);
        await db.SaveChangesAsync(ct);
    }
}
