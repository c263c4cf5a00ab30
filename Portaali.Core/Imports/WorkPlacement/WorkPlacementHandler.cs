using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Auditing;
using Portaali.Core.Classifications;
using Portaali.Core.Common;
using Portaali.Core.Contacts;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Imports.Csv;
using Portaali.Core.Imports.Prh;
using Portaali.Core.Segments;
using Portaali.Core.Users;

using Portaali.Core.Suggestions;

namespace Portaali.Core.Imports.WorkPlacement;

public record PlacementInstructor(string FirstName, string LastName, string? Email, string? Phone);

public record WorkPlacementSite(string Number, string Name, string? BusinessId, string? Street, string? PostalCode, string? City,
    string? MunicipalityCode, bool FrameworkAgreement, IReadOnlyList<PlacementInstructor> Instructors);

/// <summary>Takes in the work-placement system's (TOP) sites: its customer number, the work-placement and framework-agreement
/// classifications, placement instructors as contacts; unknown sites become customers after the duplicate check.</summary>
public class WorkPlacementHandler : ImportHandler<WorkPlacementSite>
{
    public const string Number = "Asiakasnumero", Name = "Nimi", BusinessIdColumn = "Y-tunnus", Street = "Katuosoite",
        PostalCode = "Postinumero", City = "Postitoimipaikka", Framework = "Puitesopimus",
        Instructor = "Ohjaaja", InstructorEmail = "Ohjaajan sähköposti", InstructorPhone = "Ohjaajan puhelin";

    public static readonly string[] Columns = [Number, Name, BusinessIdColumn, Street, PostalCode, City, Framework, Instructor, InstructorEmail, InstructorPhone];

    public const string WorkPlacementKey = "group.work-placement";
    public const string FrameworkKey = "work-placement.framework-agreement";
    public const string InstructorRoleKey = "contact-role.placement-instructor";

    public override ImportSource Source => ImportSource.WorkPlacementCsv;

    public override async Task<int?> CountAsync(ImportContext ctx, CancellationToken ct) =>
        await CsvFiles.CountRowsAsync(ctx.FilePath!, ct);

    public override async IAsyncEnumerable<ImportRow<WorkPlacementSite>> ReadAsync(ImportContext ctx, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var r in CsvFiles.ReadAsync(ctx.FilePath!, Columns, ct))
        {
            if (r.Error is not null) { yield return new(r.Line, [], null, r.Error); continue; }
            var errors = new List<string>();
            var number = r[Number];
            var name = r[Name];
            if (number is null) errors.Add(CoreText.Get("TopNumberMissing"));
            if (CustomerRules.ValidateName(name) is { } nameError) errors.Add(nameError);
            string? businessId = null;
            if (r[BusinessIdColumn] is { } rawId)
            {
                var (id, idError) = PrhMapping.CheckBusinessId(rawId);
                if (idError is not null) errors.Add(idError); else businessId = id;
            }
            bool? framework = ParseYesNo(r[Framework]);
            if (framework is null) errors.Add(CoreText.Get("TopFrameworkValue", r[Framework]));
            var instructors = ParseInstructors(r[Instructor], r[InstructorEmail], r[InstructorPhone], errors);
            var municipality = r[City] is { } city ? Municipalities.All.FirstOrDefault(m => string.Equals(m.Name, city, StringComparison.CurrentCultureIgnoreCase))?.Code : null;
            var keys = new List<string>();
            if (number is not null) keys.Add("TOP:" + number);
            if (businessId is not null) keys.Add("Y:" + businessId);
            yield return errors.Count > 0
                ? new(r.Line, keys, null, string.Join(" ", errors))
                : new(r.Line, keys, new WorkPlacementSite(number!, name!.Trim(), businessId, r[Street], r[PostalCode], r[City], municipality,
                    framework!.Value, instructors));
        }
    }

    private static bool? ParseYesNo(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "ei" or "no" or "0" or "false" => false,
        "kyllä" or "kylla" or "k" or "x" or "yes" or "1" or "true" => true,
        _ => null,
    };

    /// <summary>Several instructors of one site come "|"-separated, in the same order in each instructor column.</summary>
    private static List<PlacementInstructor> ParseInstructors(string? names, string? emails, string? phones, List<string> errors)
    {
        var list = new List<PlacementInstructor>();
        if (names is null) return list;
        var n = names.Split('|');
        var e = emails?.Split('|') ?? [];
        var p = phones?.Split('|') ?? [];
        for (var i = 0; i < n.Length; i++)
        {
            var parts = n[i].Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length == 0) continue;
            var email = i < e.Length && !string.IsNullOrWhiteSpace(e[i]) ? e[i].Trim() : null;
            var phone = i < p.Length && !string.IsNullOrWhiteSpace(p[i]) ? p[i].Trim() : null;
            if (CustomerRules.ValidateEmail(email) is { } emailError) { errors.Add($"{n[i].Trim()}: {emailError}"); continue; }
            if (CustomerRules.ValidatePhone(phone) is { } phoneError) { errors.Add($"{n[i].Trim()}: {phoneError}"); continue; }
            list.Add(new PlacementInstructor(parts[0], parts.Length > 1 ? parts[1] : "", email, phone));
        }
        return list;
    }

    public override async Task<RowResult> ProcessAsync(PortaaliDbContext db, ImportRow<WorkPlacementSite> row, ImportContext ctx, CancellationToken ct)
    {
        var site = row.Item!;
        var system = ctx.Options.WorkPlacementSystem;
        var customer = await db.ExternalNumbers.Where(n => n.System == system && n.Number == site.Number)
            .Join(db.Customers, n => n.CustomerId, c => c.Id, (n, c) => c).FirstOrDefaultAsync(ct);
        if (customer is null && site.BusinessId is not null)
            customer = await db.Customers.Where(c => c.BusinessId == site.BusinessId).OrderBy(c => c.IsPassive).ThenBy(c => c.Id).FirstOrDefaultAsync(ct);
        if (customer is null && await SimilarCustomerAsync(db, site, ct) is { } similar)
            return RowResult.Fail(CoreText.Get("TopPossibleDuplicate", similar.Name, similar.BusinessId ?? "–", site.Number));

        var created = customer is null;
        var profile = created ? null : await db.CompanyProfiles.FirstOrDefaultAsync(p => p.CustomerId == customer!.Id, ct);
        customer ??= new Customer { Name = site.Name, NameSearch = CustomerRules.SearchForm(site.Name), BusinessId = site.BusinessId, CreatedAt = ctx.Now };
        var changes = new List<FieldChange>();
        if (created) changes.Add(new FieldChange(nameof(ImportField.Name), null, site.Name));
        if (created && site.BusinessId is not null) changes.Add(new FieldChange(nameof(ImportField.BusinessId), null, site.BusinessId));
        // The site's own address fills blanks only: the registers keep the official one.
        changes.AddRange(ImportFields.Diff(customer, profile,
        [
            new(ImportField.VisitingStreet, site.Street, Overwrite: false), new(ImportField.VisitingPostalCode, site.PostalCode, Overwrite: false),
            new(ImportField.VisitingCity, site.City, Overwrite: false), new(ImportField.MunicipalityCode, site.MunicipalityCode, Overwrite: false),
        ]));

        var hasNumber = !created && await db.ExternalNumbers.AnyAsync(n => n.CustomerId == customer.Id && n.System == system && n.Number == site.Number, ct);
        if (!hasNumber) changes.Add(new FieldChange(ImportChanges.ExternalNumberField, null, $"{system} {site.Number}"));

        var nodeKeys = created ? [] : await db.CustomerClassifications.Where(k => k.CustomerId == customer.Id && k.Node!.SystemKey != null)
            .Select(k => k.Node!.SystemKey!).ToListAsync(ct);
        var addWorkPlacement = !nodeKeys.Contains(WorkPlacementKey);
        var addFramework = site.FrameworkAgreement && !nodeKeys.Contains(FrameworkKey);
        var removeFramework = !site.FrameworkAgreement && nodeKeys.Contains(FrameworkKey);
        if (addWorkPlacement) changes.Add(new FieldChange(ImportChanges.ClassificationField, null, CoreText.Get("WorkPlacementNode")));
        if (addFramework) changes.Add(new FieldChange(ImportChanges.ClassificationField, null, CoreText.Get("FrameworkNode")));
        if (removeFramework) changes.Add(new FieldChange(ImportChanges.ClassificationField, CoreText.Get("FrameworkNode"), null));

        var contacts = created ? [] : await db.Contacts.Where(c => c.CustomerId == customer.Id).ToListAsync(ct);
        var newInstructors = site.Instructors.Where(i => !contacts.Any(c => SamePerson(c, i))).ToList();
        changes.AddRange(newInstructors.Select(i => new FieldChange(ImportChanges.ContactField, null, $"{i.FirstName} {i.LastName}".Trim())));

        // The thesis made the work-placement coordinator every site's responsible person; without one, the site's
        // suggestions would reach nobody.
        var responsible = !customer.IsPassive && (created || !await db.CustomerResponsibles.AnyAsync(r => r.CustomerId == customer.Id, ct))
            ? await DefaultResponsibleAsync(db, ctx, ct) : null;
        if (responsible is not null) changes.Add(new FieldChange(ImportChanges.ResponsibleField, null, responsible.Name));

        var suggestB = site.FrameworkAgreement && customer.Segment is Segment.C or Segment.Potential && !customer.IsPassive
            && (created || !await db.Suggestions.AnyAsync(s => s.CustomerId == customer.Id && s.Kind == SuggestionKind.SegmentB, ct));
        if (suggestB) changes.Add(new FieldChange(ImportChanges.SuggestionField, null, CoreText.Get("SegmentBReason")));

        if (changes.Count == 0) return new RowResult(RowOutcome.Unchanged, customer);
        if (!ctx.Apply) return new RowResult(created ? RowOutcome.Created : RowOutcome.Updated, null, site.Name, changes);

        if (created)
        {
            customer.SegmentChanges.Add(new SegmentChange { To = Segment.C, Reason = CoreText.Get("SegmentInitialReason"), ChangedAt = ctx.Now, ChangedByName = ctx.AuditName });
            db.Customers.Add(customer);
        }
        profile ??= new CompanyProfile();
        ImportFields.Apply(customer, profile, changes.Where(c => Enum.TryParse<ImportField>(c.Field, out var f) && f != ImportField.Name && !ImportFields.IsKey(f)));
        customer.Version = Guid.NewGuid();
        if (!hasNumber) customer.ExternalNumbers.Add(new ExternalNumber { System = system, Number = site.Number });
        if (responsible is not null) customer.Responsibles.Add(new CustomerResponsible { UserId = responsible.Id });
        if (addWorkPlacement) customer.Classifications.Add(Assign(Node(db, WorkPlacementKey), ctx));
        if (addFramework) customer.Classifications.Add(Assign(Node(db, FrameworkKey), ctx));
        if (removeFramework)
            db.CustomerClassifications.RemoveRange(await db.CustomerClassifications
                .Where(k => k.CustomerId == customer.Id && k.Node!.SystemKey == FrameworkKey).ToListAsync(ct));
        if (newInstructors.Count > 0)
        {
            var role = Node(db, InstructorRoleKey);
            foreach (var i in newInstructors)
                customer.Contacts.Add(new Contact
                {
                    FirstName = i.FirstName, LastName = i.LastName, NameSearch = CustomerRules.SearchForm($"{i.FirstName} {i.LastName}"),
                    Email = i.Email, Phone = i.Phone, Title = CoreText.Get("PlacementInstructorTitle"),
                    Classifications = [new ContactClassification { Node = role, AssignedAt = ctx.Now }],
                });
        }
        if (suggestB)
            db.Suggestions.Add(new Suggestion
            {
                Customer = customer, Kind = SuggestionKind.SegmentB, Code = "FRAMEWORK", Reason = CoreMessage.Of("SegmentBReason").Render(CoreText.Finnish),
                ReasonMessage = CoreMessage.Of("SegmentBReason").ToJson(),
                RunId = ctx.RunId, CreatedAt = ctx.Now,
            });
        return new RowResult(created ? RowOutcome.Created : RowOutcome.Updated, customer, Changes: changes);
    }

    private sealed record Person(int Id, string Name);

    /// <summary>The configured work-placement coordinator, else the customer relationship manager; looked up once per run.
    /// A configured address that matches no active user is reported on the run.</summary>
    private static async Task<Person?> DefaultResponsibleAsync(PortaaliDbContext db, ImportContext ctx, CancellationToken ct)
    {
        const string key = "work-placement.responsible";
        if (ctx.State.TryGetValue(key, out var known)) return known as Person;
        Person? person = null;
        var email = ctx.Options.WorkPlacement.DefaultResponsibleEmail?.Trim();
        if (!string.IsNullOrEmpty(email))
        {
            var lower = email.ToLowerInvariant();
            person = await db.Users.AsNoTracking().Where(u => u.IsActive && u.Email.ToLower() == lower)
                .Select(u => new Person(u.Id, u.DisplayName)).FirstOrDefaultAsync(ct);
        }
        if (person is null)
        {
            person = await db.Users.AsNoTracking().Where(u => u.IsActive && u.Group == UserGroup.CustomerRelationshipManager)
                .OrderBy(u => u.Id).Select(u => new Person(u.Id, u.DisplayName)).FirstOrDefaultAsync(ct);
            if (!string.IsNullOrEmpty(email))
                ctx.Note = CoreText.Get("TopResponsibleNotFound", email, person?.Name ?? "–");
        }
        ctx.State[key] = (object?)person ?? "none";
        return person;
    }

    private static CustomerClassification Assign(ClassificationNode node, ImportContext ctx) =>
        new() { Node = node, AssignedAt = ctx.Now, AssignedByUserId = null };

    private static bool SamePerson(Contact c, PlacementInstructor i) =>
        (i.Email is not null && string.Equals(c.Email, i.Email, StringComparison.OrdinalIgnoreCase))
        || (string.Equals(c.FirstName, i.FirstName, StringComparison.CurrentCultureIgnoreCase)
            && string.Equals(c.LastName, i.LastName, StringComparison.CurrentCultureIgnoreCase));

    /// <summary>The same duplicate rule as adding a customer by hand: a similar name in the same municipality.</summary>
    private static async Task<Customer?> SimilarCustomerAsync(PortaaliDbContext db, WorkPlacementSite site, CancellationToken ct)
    {
        if (site.MunicipalityCode is null) return null;
        var local = await db.Customers.AsNoTracking().Where(c => c.MunicipalityCode == site.MunicipalityCode)
            .Select(c => new { c.Id, c.Name, c.BusinessId }).ToListAsync(ct);
        var match = local.FirstOrDefault(c => CustomerRules.AreSimilarNames(site.Name, c.Name));
        return match is null ? null : new Customer { Id = match.Id, Name = match.Name, BusinessId = match.BusinessId };
    }

    /// <summary>The app's own nodes; an empty tree gets them with their usual names.</summary>
    private static ClassificationNode Node(PortaaliDbContext db, string key) => key switch
    {
        WorkPlacementKey => PrhHandler.FindOrAdd(db, key, "", PrhHandler.FindOrAdd(db, "customer-groups", "", null, "CustomerGroupsNode"), "WorkPlacementNode"),
        FrameworkKey => PrhHandler.FindOrAdd(db, key, "", Node(db, WorkPlacementKey), "FrameworkNode"),
        _ => ContactNode(db, key),
    };

    private static ClassificationNode ContactNode(PortaaliDbContext db, string key)
    {
        var root = PrhHandler.FindOrAdd(db, "contact-roles", "", null, "ContactRolesNode");
        root.Target = ClassificationTarget.Contact;
        var node = PrhHandler.FindOrAdd(db, key, "", root, "PlacementInstructorTitle");
        node.Target = ClassificationTarget.Contact;
        return node;
    }
}
