using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Auditing;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Imports.Csv;
using Portaali.Core.Imports.Prh;

namespace Portaali.Core.Imports.BusinessInfo;

public record BusinessInfoItem(string? BusinessId, string? ExternalNumber, IReadOnlyList<FieldValue> Values);

/// <summary>Column → field rows of the business-information import, as administrators keep them.</summary>
public record FieldMappingRow(string Column, ImportField Field, bool Overwrite);

/// <summary>Brings size class, headcount, revenue and other figures from a commercial business-information service's
/// CSV, matched on Business ID or the service's customer number; only mapped fields change.</summary>
public class BusinessInfoHandler(IDbContextFactory<PortaaliDbContext> dbFactory) : ImportHandler<BusinessInfoItem>
{
    /// <summary>The mapping used until an administrator saves one: the column names of a typical Finnish export.</summary>
    public static readonly IReadOnlyList<FieldMappingRow> DefaultMapping =
    [
        new("Y-tunnus", ImportField.BusinessId, false),
        new("Henkilöstö", ImportField.Headcount, true),
        new("Liikevaihto", ImportField.Revenue, true),
        new("Kokoluokka", ImportField.SizeClass, true),
        new("Puhelin", ImportField.Phone, false),
        new("Kotisivu", ImportField.Website, false),
    ];

    public override ImportSource Source => ImportSource.BusinessInfoCsv;

    public static async Task<IReadOnlyList<FieldMappingRow>> LoadMappingAsync(PortaaliDbContext db, CancellationToken ct)
    {
        var saved = await db.ImportFieldMappings.AsNoTracking().Where(m => m.Source == ImportSource.BusinessInfoCsv)
            .OrderBy(m => m.Id).Select(m => new FieldMappingRow(m.Column, m.Field, m.Overwrite)).ToListAsync(ct);
        return saved.Count > 0 ? saved : DefaultMapping;
    }

    public override async Task<int?> CountAsync(ImportContext ctx, CancellationToken ct) =>
        await CsvFiles.CountRowsAsync(ctx.FilePath!, ct);

    public override async IAsyncEnumerable<ImportRow<BusinessInfoItem>> ReadAsync(ImportContext ctx, [EnumeratorCancellation] CancellationToken ct)
    {
        IReadOnlyList<FieldMappingRow> mapping;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            mapping = await LoadMappingAsync(db, ct);
        if (!mapping.Any(m => ImportFields.IsKey(m.Field)))
            throw new ImportFileException(CoreText.Get("MappingNeedsKey"));
        var headcount = mapping.FirstOrDefault(m => m.Field == ImportField.Headcount);
        var deriveSizeClass = headcount is not null && mapping.All(m => m.Field != ImportField.SizeClass);

        await foreach (var record in CsvFiles.ReadAsync(ctx.FilePath!, mapping.Select(m => m.Column).ToList(), ct))
        {
            if (record.Error is not null)
            {
                yield return new ImportRow<BusinessInfoItem>(record.Line, [], null, record.Error);
                continue;
            }
            string? businessId = null, number = null;
            var values = new List<FieldValue>();
            var errors = new List<string>();
            foreach (var m in mapping)
            {
                var raw = record[m.Column];
                switch (m.Field)
                {
                    case ImportField.BusinessId:
                        if (raw is null) break;
                        var (id, idError) = PrhMapping.CheckBusinessId(raw);
                        if (idError is not null) errors.Add(idError); else businessId = id;
                        break;
                    case ImportField.ExternalNumber:
                        number = raw;
                        break;
                    default:
                        var (value, error) = ImportFields.Normalize(m.Field, raw);
                        if (error is not null) errors.Add(CoreText.Get("CsvColumnError", m.Column, error));
                        else values.Add(new FieldValue(m.Field, value, m.Overwrite));
                        if (m.Field == ImportField.Headcount && deriveSizeClass && value is not null)
                            values.Add(new FieldValue(ImportField.SizeClass, ImportFields.SizeClassOf(int.Parse(value)).ToString(), m.Overwrite));
                        break;
                }
            }
            if (errors.Count == 0 && businessId is null && number is null) errors.Add(CoreText.Get("ImportNoKey"));
            var keys = new List<string>();
            if (businessId is not null) keys.Add("Y:" + businessId);
            if (number is not null) keys.Add("N:" + number);
            yield return errors.Count > 0
                ? new ImportRow<BusinessInfoItem>(record.Line, keys, null, string.Join(" ", errors))
                : new ImportRow<BusinessInfoItem>(record.Line, keys, new BusinessInfoItem(businessId, number, values));
        }
    }

    public override async Task<RowResult> ProcessAsync(PortaaliDbContext db, ImportRow<BusinessInfoItem> row, ImportContext ctx, CancellationToken ct)
    {
        var item = row.Item!;
        var system = ctx.Options.BusinessInfoSystem;
        Customer? customer = null;
        if (item.ExternalNumber is not null)
        {
            var owner = await db.ExternalNumbers.Where(n => n.System == system && n.Number == item.ExternalNumber).Select(n => (int?)n.CustomerId).FirstOrDefaultAsync(ct);
            if (owner is not null) customer = await db.Customers.FirstAsync(c => c.Id == owner, ct);
        }
        if (customer is null && item.BusinessId is not null)
            customer = await db.Customers.Where(c => c.BusinessId == item.BusinessId).OrderBy(c => c.IsPassive).ThenBy(c => c.Id).FirstOrDefaultAsync(ct);
        if (customer is null)
            return RowResult.Fail(CoreText.Get("ImportCustomerNotFound", item.BusinessId ?? item.ExternalNumber));
        if (item.BusinessId is not null && customer.BusinessId is not null && customer.BusinessId != item.BusinessId)
            return RowResult.Fail(CoreText.Get("ImportKeysDisagree", item.ExternalNumber, customer.Name, customer.BusinessId, item.BusinessId));

        var profile = await db.CompanyProfiles.FirstOrDefaultAsync(p => p.CustomerId == customer.Id, ct);
        var changes = ImportFields.Diff(customer, profile, item.Values);
        var addNumber = item.ExternalNumber is not null
            && !await db.ExternalNumbers.AnyAsync(n => n.System == system && n.Number == item.ExternalNumber, ct);
        if (addNumber) changes.Add(new FieldChange(ImportChanges.ExternalNumberField, null, $"{system} {item.ExternalNumber}"));
        if (changes.Count == 0) return new RowResult(RowOutcome.Unchanged, customer);

        if (ctx.Apply)
        {
            // UpdatedAt stays PRH's: the customer page shows it as "updated from YTJ".
            if (profile is null) db.CompanyProfiles.Add(profile = new CompanyProfile { CustomerId = customer.Id });
            ImportFields.Apply(customer, profile, changes.Where(c => Enum.TryParse<ImportField>(c.Field, out _)));
            if (addNumber) db.ExternalNumbers.Add(new ExternalNumber { CustomerId = customer.Id, System = system, Number = item.ExternalNumber! });
            customer.Version = Guid.NewGuid();
        }
        return new RowResult(RowOutcome.Updated, customer, Changes: changes);
    }
}
