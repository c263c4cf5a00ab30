using System.Data.Common;
using Portaali.Core.Classifications;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Segments;

namespace Portaali.Core.Customers;

/// <summary>The customer page's own data by hand, one command of one statement per part (<see cref="SqlBatch"/>), each
/// rooted at the customer's id through an index. Opening a customer is one of the hottest paths: as nine EF Core queries,
/// compiled, EF's own work per statement was most of its time at 100,000 customers (docs/benchmarks-scale.md). The contacts'
/// roles come by a join from the customer's contacts, not as a collection inside the contact query (SQLite materialises
/// such a collection over every contact's classifications, 300,000 at 25× the base); the classification nodes read are
/// only those the page names and their ancestors, not the tree.</summary>
internal static class CustomerDetailsQuery
{
    private const string Sql = """
        SELECT c."Id", c."Name", c."BusinessId", c."CompanyForm", c."VisitingStreet", c."VisitingPostalCode", c."VisitingCity",
               c."PostalStreet", c."PostalPostalCode", c."PostalCity", c."MunicipalityCode", c."Phone", c."Email", c."Website",
               c."SizeClass", c."Revenue", c."IndustryCode", c."Segment", c."IsPassive", c."PassivatedOn", c."PassivationReason", c."Version",
               EXISTS (SELECT 1 FROM "Favourites" AS f WHERE f."UserId" = @actor AND f."CustomerId" = c."Id")
        FROM "Customers" AS c WHERE c."Id" = @id;
        SELECT "System", "Number" FROM "ExternalNumbers" WHERE "CustomerId" = @id;
        SELECT r."UserId", u."DisplayName" FROM "CustomerResponsibles" AS r JOIN "Users" AS u ON u."Id" = r."UserId" WHERE r."CustomerId" = @id;
        SELECT p."Id", p."FirstName", p."LastName", p."Title", p."Phone", p."Email", p."HasLeft", p."NoMarketingEmail", p."NoMarketingEmailChangedAtUtc"
        FROM "Contacts" AS p WHERE p."CustomerId" = @id ORDER BY p."HasLeft", p."LastName", p."FirstName", p."Id";
        SELECT k."ContactId", k."NodeId" FROM "Contacts" AS p JOIN "ContactClassifications" AS k ON k."ContactId" = p."Id" WHERE p."CustomerId" = @id;
        SELECT "NodeId", "AssignedAt" FROM "CustomerClassifications" WHERE "CustomerId" = @id;
        WITH RECURSIVE named("Id") AS (
            SELECT "Id" FROM (
                SELECT "NodeId" AS "Id" FROM "CustomerClassifications" WHERE "CustomerId" = @id
                UNION SELECT k."NodeId" FROM "Contacts" AS p JOIN "ContactClassifications" AS k ON k."ContactId" = p."Id" WHERE p."CustomerId" = @id) AS used
            UNION SELECT n."ParentId" FROM named JOIN "ClassificationNodes" AS n ON n."Id" = named."Id" WHERE n."ParentId" IS NOT NULL)
        SELECT n."Id", n."ParentId", n."Name", n."NameEn", n."IsRetired" FROM "ClassificationNodes" AS n WHERE n."Id" IN (SELECT "Id" FROM named);
        SELECT "From", "To", "Reason", "ChangedByName", "ChangedAt" FROM "SegmentChanges" WHERE "CustomerId" = @id ORDER BY "ChangedAt" DESC, "Id" DESC;
        SELECT "MergedName", "MergedBusinessId", "Summary", "MergedAt" FROM "CustomerMerges" WHERE "SurvivorId" = @id ORDER BY "MergedAt" DESC;
        """;

    public static async Task<CustomerDetails> LoadAsync(PortaaliDbContext db, int id, int actorId, CancellationToken ct)
    {
        await using var batch = await SqlBatch.RunAsync(db, Sql, ct, ("@id", id), ("@actor", actorId));
        var c = await batch.ReadFirstAsync(Customer, ct) ?? throw new NotFoundException(CoreText.Get("CustomerNotFound"));
        var numbers = await batch.ReadAsync(r => new ExternalNumberRow(r.GetString(0), r.GetString(1)), ct);
        var responsibles = await batch.ReadAsync(r => new PersonRef(r.GetInt32(0), r.GetString(1)), ct);
        var contacts = await batch.ReadAsync(r => new ContactData(r.GetInt32(0), r.GetString(1), r.GetString(2), r.Text(3), r.Text(4), r.Text(5),
            r.GetBoolean(6), r.GetBoolean(7), r.IsDBNull(8) ? null : r.Utc(8)), ct);
        var roles = (await batch.ReadAsync(r => (ContactId: r.GetInt32(0), NodeId: r.GetInt32(1)), ct))
            .OrderBy(k => k.NodeId).ToLookup(k => k.ContactId, k => k.NodeId);
        var classifications = await batch.ReadAsync(r => (NodeId: r.GetInt32(0), AssignedAt: r.Utc(1)), ct);
        var nodes = new ClassificationPaths((await batch.ReadAsync(r => new ClassificationNode
        {
            Id = r.GetInt32(0), ParentId = r.NullableInt(1), Name = r.GetString(2), NameEn = r.Text(3), IsRetired = r.GetBoolean(4),
        }, ct)).ToDictionary(n => n.Id));
        var history = await batch.ReadAsync(r => new SegmentHistoryRow(r.IsDBNull(0) ? null : r.Enum<Segment>(0), r.Enum<Segment>(1), r.GetString(2),
            r.GetString(3), r.Utc(4)), ct);
        var merges = await batch.ReadAsync(r => new MergeRow(r.GetString(0), r.Text(1), r.GetString(2), r.Utc(3)), ct);
        var municipality = Municipalities.All.FirstOrDefault(m => m.Code == c.MunicipalityCode);

        return new CustomerDetails(c.Id, c.Name, c.BusinessId, c.CompanyForm, c.VisitingAddress, c.PostalAddress,
            c.MunicipalityCode, municipality?.Name, municipality?.Region, c.Phone, c.Email, c.Website, c.SizeClass, c.Revenue,
            c.IndustryCode, c.Segment, c.IsPassive, c.PassivatedOn, c.PassivationReason, c.Version,
            contacts.Select(p => new ContactRow(p.Id, p.FirstName, p.LastName, p.Title, p.Phone, p.Email, p.HasLeft,
                roles[p.Id].Select(nodes.NameOf).ToList(), p.NoMarketingEmail, p.NoMarketingEmail ? p.NoMarketingEmailChangedAtUtc : null)).ToList(),
            classifications.Select(k => new AssignedClassification(k.NodeId, nodes.PathOf(k.NodeId), nodes.IsRetired(k.NodeId), k.AssignedAt))
                .OrderBy(k => k.Path, StringComparer.CurrentCulture).ToList(),
            history,
            responsibles.OrderBy(p => p.Name).ToList(),
            numbers,
            merges, c.IsFavourite);
    }

    private sealed record Found(int Id, string Name, string? BusinessId, string? CompanyForm, Address VisitingAddress, Address PostalAddress,
        string? MunicipalityCode, string? Phone, string? Email, string? Website, int SizeClass, decimal? Revenue, string? IndustryCode,
        Segment Segment, bool IsPassive, DateOnly? PassivatedOn, string? PassivationReason, Guid Version, bool IsFavourite);

    private static Found Customer(DbDataReader r) => new(r.GetInt32(0), r.GetString(1), r.Text(2), r.Text(3),
        new Address { Street = r.Text(4), PostalCode = r.Text(5), City = r.Text(6) },
        new Address { Street = r.Text(7), PostalCode = r.Text(8), City = r.Text(9) },
        r.Text(10), r.Text(11), r.Text(12), r.Text(13), r.GetInt32(14), r.NullableDecimal(15), r.Text(16), r.Enum<Segment>(17), r.GetBoolean(18),
        r.IsDBNull(19) ? null : r.GetFieldValue<DateOnly>(19), r.Text(20), r.GetGuid(21), r.GetBoolean(22));

    private sealed record ContactData(int Id, string FirstName, string LastName, string? Title, string? Phone, string? Email, bool HasLeft,
        bool NoMarketingEmail, DateTime? NoMarketingEmailChangedAtUtc);
}
