using Microsoft.EntityFrameworkCore;
using Portaali.Core.Calendar;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Offers;
using Portaali.Core.Segments;
using Portaali.Core.Users;
using static Portaali.Core.Seeding.OfferDemoCatalog;

namespace Portaali.Core.Seeding;

/// <summary>
/// The demo product register (trainings per field of education, a few retired ones still on old offers) and three years of
/// offers and orders up to <c>today</c>: more and larger for the key (A) and growing (B) customers, lost ones with their
/// reasons, orders in every state (upcoming, in delivery awaiting invoicing, invoiced with a number), open offers about to
/// expire, orders recorded directly, and a euro target for each seller and year. The same seed and day give the same data.
/// Audit entries are not written for this history; totals are the sums of their lines (<see cref="OfferRules.LineTotal"/>).
/// </summary>
internal sealed class OfferDemoData(PortaaliDbContext db, int seed, DateOnly today)
{
    private readonly Random random = new(seed * 13 + 11);

    private sealed record Seller(int Id, string Name);

    private sealed record CustomerPick(int Id, Segment Segment, bool IsAuthority, string? IndustryCode, DateOnly Since, List<int> Managers, List<int> Contacts);

    private sealed record Item(Product Product, Training Training, int Field);

    public async Task SeedAsync(CancellationToken ct)
    {
        // Everything the seeder wrote before is saved; a lighter change tracker keeps the batches below fast.
        db.ChangeTracker.Clear();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.DisplayName, u.Group }).ToListAsync(ct);
        Seller[] Of(params UserGroup[] groups) => users.Where(u => groups.Contains(u.Group)).Select(u => new Seller(u.Id, u.DisplayName)).ToArray();
        var managers = Of(UserGroup.AccountManager);
        var crm = Of(UserGroup.CustomerRelationshipManager)[0];
        var marketing = Of(UserGroup.SalesAndMarketing)[0];
        var invoicer = Of(UserGroup.ServiceOperations).FirstOrDefault() ?? marketing;
        var target = Of(UserGroup.Management)[0];
        var names = users.ToDictionary(u => u.Id, u => u.DisplayName);

        var items = await SeedRegisterAsync(Of(UserGroup.ProjectOperations), Of(UserGroup.ProductManager, UserGroup.PedagogicalManager), ct);
        var people = (await db.ProductResponsibles.AsNoTracking().Select(r => new { r.ProductId, r.UserId }).ToListAsync(ct))
            .ToLookup(r => r.ProductId, r => r.UserId);

        var customers = await LoadCustomersAsync(managers.Concat([crm, marketing]).Select(s => s.Id).ToHashSet(), ct);
        var first = today.AddYears(-3).AddDays(1);
        var retiredFrom = today.AddDays(-420); // the retired trainings were last offered a little over a year ago
        var offers = new List<Offer>();
        foreach (var c in customers)
        {
            var count = c.Segment switch
            {
                Segment.A => random.Next(24, 37),
                Segment.B => random.Next(1, 7),
                Segment.Potential => random.Next(0, 3),
                _ => random.NextDouble() < 0.06 ? random.Next(1, 3) : 0,
            };
            var field = FieldOf(c);
            var since = c.Since > first ? c.Since : first; // no offers before the customer was one
            if (since.AddDays(7) > today) continue;
            for (var i = 0; i < count; i++)
            {
                var offeredOn = WorkingDay(since, today);
                var manager = c.Segment switch
                {
                    Segment.A => random.NextDouble() < 0.25 || c.Managers.Count == 0 ? crm.Id : Pick(c.Managers),
                    Segment.Potential => random.NextDouble() < 0.6 ? marketing.Id : Pick(managers).Id,
                    _ => c.Managers.Count > 0 ? Pick(c.Managers) : Pick(managers).Id,
                };
                var available = items.Where(x => !x.Training.Retired || offeredOn < retiredFrom).ToList();
                var offer = NewOffer(c, field, offeredOn, manager, names[manager], available, people, names);
                Decide(offer, c.Segment, invoicer.Name);
                offers.Add(offer);
            }
        }
        NumberInvoices(offers);

        await WriteAsync(offers, ct);
        db.SalesTargets.AddRange(Targets(offers, managers.Concat([crm, marketing]).ToList(), target.Name));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>Gives the offers, lines and orders their keys and writes them in bulk (SaveChanges took seconds for them).</summary>
    private async Task WriteAsync(List<Offer> offers, CancellationToken ct)
    {
        var offerId = (await db.Offers.MaxAsync(o => (int?)o.Id, ct) ?? 0) + 1;
        var lineId = (await db.OfferLines.MaxAsync(l => (int?)l.Id, ct) ?? 0) + 1;
        var orderId = (await db.Orders.MaxAsync(o => (int?)o.Id, ct) ?? 0) + 1;
        foreach (var offer in offers)
        {
            offer.Id = offerId++;
            foreach (var line in offer.Lines) (line.Id, line.OfferId) = (lineId++, offer.Id);
            foreach (var person in offer.Responsibles) person.OfferId = offer.Id;
            if (offer.Order is { } order) (order.Id, order.OfferId) = (orderId++, offer.Id);
        }
        await SeedInserts.InsertAsync(db, offers, ct);
        await SeedInserts.InsertAsync(db, offers.SelectMany(o => o.Lines), ct);
        await SeedInserts.InsertAsync(db, offers.SelectMany(o => o.Responsibles), ct);
        await SeedInserts.InsertAsync(db, offers.Where(o => o.Order is not null).Select(o => o.Order!), ct);
    }

    private async Task<List<Item>> SeedRegisterAsync(Seller[] fieldPeople, Seller[] managers, CancellationToken ct)
    {
        var items = new List<Item>();
        var groups = new List<ProductGroup>();
        for (var f = 0; f < Fields.Length; f++)
        {
            var field = Fields[f];
            var group = new ProductGroup { NameFi = field.Fi, NameEn = field.En, SortOrder = f };
            // Each field has two or three people who answer for its trainings' content; the product and pedagogical managers help.
            var own = Enumerable.Range(0, random.Next(2, 4)).Select(_ => Pick(fieldPeople)).Distinct().ToList();
            foreach (var t in field.Trainings)
            {
                var product = new Product
                {
                    NameFi = t.Fi, NameEn = t.En, ListPriceCents = t.Euros * 100L, VatRate = t.Vat, IsRetired = t.Retired, Version = NewGuid(),
                };
                var responsible = new List<Seller> { Pick(own) };
                if (random.NextDouble() < 0.35) responsible.Add(Pick(managers));
                foreach (var person in responsible.DistinctBy(p => p.Id)) product.Responsibles.Add(new ProductResponsible { UserId = person.Id });
                group.Products.Add(product);
                items.Add(new Item(product, t, f));
            }
            groups.Add(group);
        }
        db.ProductGroups.AddRange(groups);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return items;
    }

    private async Task<List<CustomerPick>> LoadCustomersAsync(HashSet<int> sellers, CancellationToken ct)
    {
        var rows = await db.Customers.AsNoTracking().Where(c => !c.IsPassive).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Segment, c.CompanyForm, c.IndustryCode, c.CreatedAt }).ToListAsync(ct);
        var responsible = (await db.CustomerResponsibles.AsNoTracking().OrderBy(r => r.CustomerId).ThenBy(r => r.UserId)
                .Select(r => new { r.CustomerId, r.UserId }).ToListAsync(ct))
            .Where(r => sellers.Contains(r.UserId)).ToLookup(r => r.CustomerId, r => r.UserId);
        var contacts = (await db.Contacts.AsNoTracking().Where(c => !c.HasLeft).OrderBy(c => c.Id).Select(c => new { c.Id, c.CustomerId }).ToListAsync(ct))
            .ToLookup(c => c.CustomerId, c => c.Id);
        return rows.Select(c => new CustomerPick(c.Id, c.Segment, c.CompanyForm == "Kunta", c.IndustryCode,
                DateOnly.FromDateTime(c.CreatedAt), responsible[c.Id].ToList(), contacts[c.Id].ToList()))
            .ToList();
    }

    /// <summary>The field a customer mostly buys from, by its industry: a haulier buys logistics, a care home care.</summary>
    private int FieldOf(CustomerPick c) => c.IsAuthority ? 6 : (c.IndustryCode?[..2]) switch
    {
        "49" or "52" or "53" => 0,
        "86" or "87" or "88" => 1,
        "46" or "47" or "68" or "69" or "70" or "96" => 2,
        "25" or "26" or "27" or "28" or "33" or "45" or "62" or "63" => 3,
        "10" or "55" or "56" => 4,
        "41" or "42" or "43" or "81" => 5,
        "84" or "85" => 6,
        _ => random.Next(Fields.Length),
    };

    private Offer NewOffer(CustomerPick c, int field, DateOnly offeredOn, int managerId, string managerName, List<Item> available,
        ILookup<int, int> people, Dictionary<int, string> names)
    {
        var type = c.IsAuthority
            ? Roll((OfferType.LabourPolicy, 0.6), (OfferType.StaffTraining, 0.3), (OfferType.ServiceOrder, 0.1))
            : Roll((OfferType.StaffTraining, 0.5), (OfferType.Apprenticeship, 0.25), (OfferType.ServiceOrder, 0.12), (OfferType.LabourPolicy, 0.13));
        var big = c.Segment switch { Segment.A => 3, Segment.B => 2, _ => 1 };
        var lines = new List<OfferLine>();
        string title;

        Item Choose(params Unit[] units)
        {
            var own = available.Where(x => units.Contains(x.Training.Unit) && x.Field == field).ToList();
            var any = available.Where(x => units.Contains(x.Training.Unit)).ToList();
            return own.Count > 0 && random.NextDouble() < 0.75 ? Pick(own) : Pick(any);
        }

        switch (type)
        {
            case OfferType.Apprenticeship:
            {
                var degree = Choose(Unit.Student);
                var students = random.Next(1, 2 + 2 * big * big / 2);
                AddProduct(lines, degree, students, students);
                if (random.NextDouble() < 0.3) AddText(lines, "Työpaikkaohjaajan perehdytys", random.Next(150, 351), 1, null);
                title = $"Oppisopimuskoulutus: {degree.Training.Fi.Replace(", oppisopimus", "")}";
                break;
            }
            case OfferType.LabourPolicy:
            {
                var course = Choose(Unit.Group);
                var groups = c.Segment == Segment.A && random.NextDouble() < 0.4 ? 2 : 1;
                var participants = random.Next(10, 21) * groups;
                // Labour-policy training is tendered: the price is the tender, near the list price.
                AddLine(lines, course.Product, course.Training.Fi, groups, RoundTo(course.Training.Euros * (0.9 + random.NextDouble() * 0.2), 100), 0m, participants);
                if (random.NextDouble() < 0.25) AddText(lines, "Valintapäivät ja hakijoiden haastattelut", random.Next(1500, 3501), 1, null);
                title = $"{course.Training.Fi.Replace("Työvoimakoulutus: ", "Työvoimakoulutus ")}, {Season(offeredOn)}";
                break;
            }
            case OfferType.ServiceOrder:
            {
                var guests = random.Next(15, 40 * big);
                var services = available.Where(x => x.Training.Unit == Unit.Service).ToList();
                var room = services.FirstOrDefault(x => x.Training.Vat == 25.5m);
                if (room is not null) AddProduct(lines, room, random.Next(1, 3), null);
                foreach (var food in services.Where(x => x != room && random.NextDouble() < 0.7)) AddProduct(lines, food, guests, guests);
                if (random.NextDouble() < 0.4) AddText(lines, "Ohjelmaosuus: asiantuntijapuheenvuoro", random.Next(600, 1201), 1, null);
                if (lines.Count == 0) AddText(lines, "Tilaisuuden järjestelyt", random.Next(800, 2000), 1, guests);
                title = $"{Pick(new[] { "Henkilöstöpäivä", "Asiakastilaisuus", "Strategiapäivä", "Koulutustilaisuus", "Kick off -päivä" })} {offeredOn.AddDays(random.Next(14, 45)):d.M.yyyy}";
                break;
            }
            default:
            {
                var participants = random.Next(3, 8 + 10 * (big - 1) + (big == 3 ? 20 : 0));
                if (random.NextDouble() < 0.1)
                {
                    var topic = Pick(TailoredTopics);
                    AddText(lines, $"Räätälöity valmennusohjelma: {topic}", RoundTo(random.Next(4000, 9000 * big), 100), 1, participants);
                    if (random.NextDouble() < 0.5) AddText(lines, "Kouluttajan matkakulut", random.Next(60, 481), 1, null);
                    title = Capitalise(topic);
                    break;
                }
                var main = Choose(Unit.Participant, Unit.Day);
                AddTraining(lines, main, participants, big);
                var extra = random.Next(0, big);
                for (var k = 0; k < extra; k++)
                {
                    var more = Choose(Unit.Participant, Unit.Day);
                    if (lines.All(l => l.ProductId != more.Product.Id)) AddTraining(lines, more, participants, big);
                }
                if (random.NextDouble() < 0.35)
                {
                    var (text, min, max, perParticipant) = Pick(FreeTextLines);
                    AddText(lines, text, random.Next(min, max + 1), perParticipant ? participants : 1, perParticipant ? participants : null);
                }
                title = lines.Count > 1 ? $"{main.Training.Fi} ja muut koulutukset" : $"{main.Training.Fi}, henkilöstökoulutus";
                break;
            }
        }

        for (var i = 0; i < lines.Count; i++) lines[i].SortOrder = i;
        var created = HelsinkiTime.ToUtc(offeredOn, new TimeOnly(8, 0).AddMinutes(random.Next(0, 8 * 60)));
        var productIds = lines.Where(l => l.ProductId is not null).Select(l => l.ProductId!.Value).Distinct();
        return new Offer
        {
            CustomerId = c.Id, ContactId = c.Contacts.Count > 0 && random.NextDouble() < 0.85 ? Pick(c.Contacts) : null,
            AccountManagerId = managerId, Type = type, State = OfferState.Open, Title = title.Length > OfferRules.MaxTitle ? title[..OfferRules.MaxTitle] : title,
            OfferedOn = offeredOn, ValidUntil = offeredOn.AddDays(Pick(new[] { 14, 30, 30, 30, 45, 60 })),
            Notes = random.NextDouble() < 0.25 ? Pick(Notes) : null,
            TotalExVatCents = lines.Sum(l => l.LineTotalExVatCents), VatCents = lines.Sum(l => l.LineVatCents),
            CreatedAtUtc = created, CreatedByName = managerName, UpdatedAtUtc = created, UpdatedByName = managerName, Version = NewGuid(),
            Lines = lines,
            Responsibles = productIds.SelectMany(p => people[p]).Distinct().Select(u => new OfferResponsible { UserId = u, Name = names[u] }).ToList(),
        };
    }

    /// <summary>Decides what became of the offer by today: still open, lost with a reason, or accepted as an order that has
    /// since moved as far as its dates allow (awaiting delivery → in delivery → invoiced).</summary>
    private void Decide(Offer offer, Segment segment, string invoicer)
    {
        var winRate = segment switch { Segment.A => 0.68, Segment.B => 0.55, Segment.Potential => 0.35, _ => 0.45 };
        var direct = segment is Segment.A or Segment.B && random.NextDouble() < 0.06;
        var accepted = direct || random.NextDouble() < winRate;
        var validity = offer.ValidUntil.DayNumber - offer.OfferedOn.DayNumber;
        var decidedOn = direct ? offer.OfferedOn : offer.OfferedOn.AddDays(random.Next(3, validity + 15));
        var lostReason = Pick(LostReasons);
        if (decidedOn > today)
        {
            if (offer.ValidUntil >= today) return; // still waiting for the customer's answer
            (accepted, lostReason, decidedOn) = (false, "Ei vastausta asiakkaalta", Min(offer.ValidUntil.AddDays(random.Next(1, 8)), today));
        }
        offer.DecidedOn = decidedOn;
        offer.UpdatedAtUtc = HelsinkiTime.ToUtc(decidedOn, new TimeOnly(9, 0).AddMinutes(random.Next(0, 7 * 60)));
        offer.Version = NewGuid();
        if (!accepted)
        {
            offer.State = OfferState.Lost;
            offer.LostReason = lostReason;
            return;
        }
        offer.State = OfferState.Accepted;
        offer.RecordedAsOrder = direct;
        if (random.NextDouble() < 0.6)
            offer.CustomerReference = Pick(new[] { $"Tilausnumero PO-{random.Next(10000, 99999)}", $"Kustannuspaikka {random.Next(1000, 9999)}", "Viite: henkilöstöhallinto" });

        var (delay, length) = offer.Type switch
        {
            OfferType.Apprenticeship => (random.Next(7, 46), random.Next(300, 701)),
            OfferType.LabourPolicy => (random.Next(20, 76), random.Next(60, 201)),
            OfferType.ServiceOrder => (random.Next(5, 41), 0),
            _ => (random.Next(7, 61), random.Next(0, 31)),
        };
        var starts = decidedOn.AddDays(delay);
        var order = new Order
        {
            Offer = offer, CustomerId = offer.CustomerId, AccountManagerId = offer.AccountManagerId, Type = offer.Type,
            TotalExVatCents = offer.TotalExVatCents, VatCents = offer.VatCents, State = OrderState.AwaitingDelivery,
            OrderedOn = decidedOn, StartsOn = starts, EndsOn = starts.AddDays(length),
            UpdatedAtUtc = offer.UpdatedAtUtc, UpdatedByName = offer.UpdatedByName, Version = NewGuid(),
        };
        offer.Order = order;
        if (starts > today) return;
        order.State = OrderState.InDelivery;
        order.DeliveryStartedOn = starts;
        order.UpdatedAtUtc = HelsinkiTime.ToUtc(starts, new TimeOnly(8, 30));
        // In delivery means it may be invoiced: short trainings once they end, long ones soon after they start.
        var invoiceOn = offer.Type switch
        {
            OfferType.ServiceOrder => starts.AddDays(random.Next(3, 21)),
            OfferType.StaffTraining => order.EndsOn!.Value.AddDays(random.Next(3, 26)),
            _ => starts.AddDays(random.Next(20, 61)),
        };
        if (invoiceOn > today) return;
        order.State = OrderState.Invoiced;
        order.InvoicedOn = invoiceOn;
        order.InvoicedByName = invoicer;
        order.UpdatedAtUtc = HelsinkiTime.ToUtc(invoiceOn, new TimeOnly(10, 0).AddMinutes(random.Next(0, 6 * 60)));
        order.UpdatedByName = invoicer;
    }

    /// <summary>Invoice numbers run per year in the order the invoices were made: "2025-00412".</summary>
    private static void NumberInvoices(List<Offer> offers)
    {
        var invoiced = offers.Select((o, i) => (o.Order, i)).Where(x => x.Order?.InvoicedOn is not null)
            .OrderBy(x => x.Order!.InvoicedOn).ThenBy(x => x.i).Select(x => x.Order!);
        foreach (var year in invoiced.GroupBy(o => o.InvoicedOn!.Value.Year))
        {
            var number = 100;
            foreach (var order in year) order.InvoiceNumber = $"{year.Key}-{++number:00000}";
        }
    }

    /// <summary>Each seller's yearly euro target, near what they sell in a typical year (the mean of the three years), so the
    /// follow-up shows some ahead of target and some behind.</summary>
    private List<SalesTarget> Targets(List<Offer> offers, List<Seller> sellers, string setBy)
    {
        var years = Enumerable.Range(today.Year - 2, 3).ToList();
        var ordered = offers.Where(o => o.Order is not null && years.Contains(o.Order.OrderedOn.Year))
            .GroupBy(o => o.AccountManagerId).ToDictionary(g => g.Key, g => g.Sum(o => o.TotalExVatCents) / 100m / years.Count);
        var targets = new List<SalesTarget>();
        foreach (var seller in sellers.DistinctBy(s => s.Id))
            foreach (var year in years)
            {
                var euros = Math.Max(20_000m, RoundTo((double)ordered.GetValueOrDefault(seller.Id) * (0.9 + random.NextDouble() * 0.3), 5_000));
                targets.Add(new SalesTarget
                {
                    UserId = seller.Id, Year = year, AmountCents = Money.ToCents(euros),
                    UpdatedAtUtc = HelsinkiTime.ToUtc(new DateOnly(year, 1, 8), new TimeOnly(10, 0)), UpdatedByName = setBy,
                });
            }
        return targets;
    }

    private void AddTraining(List<OfferLine> lines, Item item, int participants, int big)
    {
        if (item.Training.Unit == Unit.Day) AddProduct(lines, item, random.Next(1, 2 + big), participants);
        else AddProduct(lines, item, participants, participants);
    }

    /// <summary>A product line at its list price, or a little under it for a key or growing customer's larger order.</summary>
    private void AddProduct(List<OfferLine> lines, Item item, int quantity, int? participants)
    {
        var discount = quantity >= 10 && random.NextDouble() < 0.3 ? Pick(new[] { 0.95m, 0.9m }) : 1m;
        AddLine(lines, item.Product, item.Training.Fi, quantity, Math.Round(item.Training.Euros * discount, 2), item.Training.Vat, participants);
    }

    private static void AddText(List<OfferLine> lines, string text, decimal euros, int quantity, int? participants) =>
        AddLine(lines, null, text, quantity, euros, 0m, participants);

    private static void AddLine(List<OfferLine> lines, Product? product, string description, int quantity, decimal unitPrice, decimal vat, int? participants)
    {
        var unitCents = Money.ToCents(unitPrice);
        var total = OfferRules.LineTotal(quantity, unitCents, vat);
        lines.Add(new OfferLine
        {
            ProductId = product?.Id, Description = description, Quantity = quantity, UnitPriceCents = unitCents, VatRate = vat,
            Participants = participants, LineTotalExVatCents = total.ExVatCents, LineVatCents = total.VatCents,
        });
    }

    /// <summary>A weekday between the two dates, fewer in July when Finland is on holiday.</summary>
    private DateOnly WorkingDay(DateOnly from, DateOnly to)
    {
        while (true)
        {
            var day = from.AddDays(random.Next(0, to.DayNumber - from.DayNumber + 1));
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
            if (day.Month == 7 && random.NextDouble() < 0.7) continue;
            return day;
        }
    }

    private static string Season(DateOnly d) => d.Month <= 5 ? $"kevät {d.Year}" : d.Month <= 8 ? $"syksy {d.Year}" : $"kevät {d.Year + 1}";

    private static string Capitalise(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    private static decimal RoundTo(double value, int step) => Math.Round((decimal)value / step, MidpointRounding.AwayFromZero) * step;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private T Roll<T>(params (T Value, double Weight)[] choices)
    {
        var roll = random.NextDouble() * choices.Sum(c => c.Weight);
        foreach (var (value, weight) in choices)
        {
            if (roll < weight) return value;
            roll -= weight;
        }
        return choices[^1].Value;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private Guid NewGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
