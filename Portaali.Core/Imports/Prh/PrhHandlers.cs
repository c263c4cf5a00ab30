using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Auditing;
using Portaali.Core.Classifications;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Suggestions;

namespace Portaali.Core.Imports.Prh;

/// <summary>Takes PRH company records into the matching customers: fields, the imported industry classification,
/// open situations, and a passivation suggestion for a ceased, bankrupt or liquidating company.</summary>
public abstract class PrhHandler : ImportHandler<PrhCompany>
{
    public const string IndustryRootKey = "imported-industry";

    private const string BatchKey = "prh.known";
    private const string NodesKey = "prh.nodes";
    private const string SettledKey = "prh.settled";

    /// <summary>What a record is compared with: the customer's importable fields and profile (detached, read for the whole
    /// batch), and its imported-industry nodes. A changed record attaches these instead of loading them again.</summary>
    private sealed record Known(Customer Customer, CompanyProfile? Profile, IReadOnlyList<IndustryNode> Industry);

    private sealed record IndustryNode(int NodeId, string Key, string Name);

    /// <summary>Reads the batch's customers by Business ID, first narrowly: each one's id and the registry version last
    /// taken in (one command by hand). A record PRH has not changed since is settled there, as the rule in
    /// <see cref="ProcessAsync"/> would settle it, with nothing more read: a daily file is almost all such records (an
    /// unchanged re-run of 100,000 spent 2.1 s reading whole customers, profiles and industries to find that out).
    /// The others are read in three queries (customers, profiles, imported industries) as narrow projections, so an
    /// unchanged record is judged in memory and costs no query and no write, and a changed one is written from what was
    /// read here, with no query of its own.</summary>
    public override async Task PrepareBatchAsync(PortaaliDbContext db, IReadOnlyList<ImportRow<PrhCompany>> rows, ImportContext ctx,
        CancellationToken ct)
    {
        var ids = rows.Select(r => KeyOf(r.Item)).OfType<string>().Distinct().ToList();
        ctx.State[NodesKey] = new Dictionary<string, int>(StringComparer.Ordinal);
        var known = ids.ToDictionary(id => id, _ => (Known?)null, StringComparer.Ordinal);
        var settled = new HashSet<string>(StringComparer.Ordinal);
        ctx.State[BatchKey] = known;
        ctx.State[SettledKey] = settled;
        if (ids.Count == 0) return;

        // The oldest customer of a repeated Business ID, as one lookup would. The file's order is the outer loop, so the
        // customers' rows are visited in the order they were made rather than all over the table.
        var (keys, value) = SqlBatch.TextRows(db, "@ids", ids);
        var found = new Dictionary<string, (int Id, DateTime? Seen)>(StringComparer.Ordinal);
        await using (var batch = await SqlBatch.RunAsync(db, $"""
            SELECT c."Id", c."BusinessId", p."RegistryLastModified"
            FROM ({keys}) AS i JOIN "Customers" AS c ON c."BusinessId" = i."Value"
            LEFT JOIN "CompanyProfiles" AS p ON p."CustomerId" = c."Id"
            WHERE NOT c."IsPassive"
            """, ct, ("@ids", value)))
            foreach (var (id, businessId, seen) in await batch.ReadAsync(r => (r.GetInt32(0), r.GetString(1), r.IsDBNull(2) ? (DateTime?)null : r.GetDateTime(2)), ct))
                if (!found.TryGetValue(businessId, out var first) || id < first.Id) found[businessId] = (id, seen);
        var toRead = new List<int>();
        foreach (var row in rows)
        {
            if (KeyOf(row.Item) is not { } key || !found.TryGetValue(key, out var customer)) continue;
            if (IsUnchangedSince(customer.Seen, row.Item!)) settled.Add(key);
            else toRead.Add(customer.Id);
        }
        if (toRead.Count == 0) return;

        // The batch's thousands of keys as one parameter (a JSON array on SQLite, an array on PostgreSQL), not one parameter
        // each as EF Core 10 sends a list by default: the statement with 5,000 parameters took 0.2–0.6 s to prepare and run
        // on 100,000 customers, the one parameter 0.03–0.05 s.
        var customers = await db.Customers.AsNoTracking().Where(c => EF.Parameter(toRead).Contains(c.Id))
            .Select(c => new Customer
            {
                // Name first: its setter computes ComparableName, which the stored one then replaces.
                Id = c.Id, Name = c.Name, NameSearch = c.NameSearch, ComparableName = c.ComparableName, Version = c.Version, BusinessId = c.BusinessId, CompanyForm = c.CompanyForm, IndustryCode = c.IndustryCode,
                Website = c.Website, Phone = c.Phone, Email = c.Email, MunicipalityCode = c.MunicipalityCode, SizeClass = c.SizeClass,
                Revenue = c.Revenue,
                VisitingAddress = new Address { Street = c.VisitingAddress.Street, PostalCode = c.VisitingAddress.PostalCode, City = c.VisitingAddress.City },
                PostalAddress = new Address { Street = c.PostalAddress.Street, PostalCode = c.PostalAddress.PostalCode, City = c.PostalAddress.City },
            })
            .ToListAsync(ct);
        var profiles = await db.CompanyProfiles.AsNoTracking().Where(p => EF.Parameter(toRead).Contains(p.CustomerId)).ToDictionaryAsync(p => p.CustomerId, ct);
        var industries = (await db.CustomerClassifications.AsNoTracking()
                .Where(k => EF.Parameter(toRead).Contains(k.CustomerId) && k.Node!.SystemKey!.StartsWith(IndustryRootKey + "."))
                .Select(k => new { k.CustomerId, k.NodeId, Key = k.Node!.SystemKey!, k.Node.Name }).ToListAsync(ct))
            .ToLookup(k => k.CustomerId, k => new IndustryNode(k.NodeId, k.Key, k.Name));
        foreach (var c in customers)
            known[c.BusinessId!] = new Known(c, profiles.GetValueOrDefault(c.Id), industries[c.Id].ToList());
    }

    /// <summary>The key a batch knows a record by: its Business ID as written in the file, trimmed.</summary>
    private static string? KeyOf(PrhCompany? company) => company?.BusinessId?.Value?.Trim();

    /// <summary>PRH has not changed the record since the version last taken in: nothing of it can have changed.</summary>
    private static bool IsUnchangedSince(DateTime? seen, PrhCompany company) =>
        seen is { } taken && PrhMapping.ParseDateTime(company.LastModified) is { } modified && modified <= taken;

    public override async Task<RowResult> ProcessAsync(PortaaliDbContext db, ImportRow<PrhCompany> row, ImportContext ctx, CancellationToken ct)
    {
        // The key is the record's Business ID as the mapping gives it (trimmed).
        var key = KeyOf(row.Item) ?? throw new FormatException(CoreText.Get("PrhNoBusinessId"));
        if (ctx.State.GetValueOrDefault(BatchKey) is not Dictionary<string, Known?> batch || !batch.ContainsKey(key))
        {
            await PrepareBatchAsync(db, [row], ctx, ct);
            batch = (Dictionary<string, Known?>)ctx.State[BatchKey];
        }
        if (((HashSet<string>)ctx.State[SettledKey]).Contains(key))
            return new RowResult(RowOutcome.Unchanged); // judged by the batch's first read: not even mapped
        var data = PrhMapping.Map(row.Item!);
        if (batch[key] is not { } known) return RowResult.Fail(CoreText.Get("ImportCustomerNotFound", data.BusinessId));
        var seenProfile = known.Profile;

        var changes = ImportFields.Diff(known.Customer, seenProfile, data.Values());
        var industry = IndustryChange(known, data);
        if (industry is not null) changes.Add(industry);
        var suggestions = await NewSuggestionsAsync(db, known.Customer.Id, data, ctx.Now, ct);
        changes.AddRange(suggestions.Select(s => new FieldChange(ImportChanges.SuggestionField, null, s.Reason)));
        // Remember the record's version even when nothing changed, so the next run skips it; an unchanged record already
        // remembered is not written at all.
        var remember = seenProfile is null || seenProfile.RegistryLastModified != data.LastModified;
        if (changes.Count == 0 && !remember) return new RowResult(RowOutcome.Unchanged, known.Customer);
        if (!ctx.Apply)
            return changes.Count == 0 ? new RowResult(RowOutcome.Unchanged, known.Customer) : new RowResult(RowOutcome.Updated, known.Customer, Changes: changes);

        // The batch's reads are this transaction's, so the detached rows are the stored ones: only the columns that change
        // below are written, by the batch's prepared commands (and the customer's version still guards against a concurrent edit).
        var writes = ctx.Writes;
        var profile = seenProfile ?? new CompanyProfile { CustomerId = known.Customer.Id };
        var profileAsRead = seenProfile is null ? null : writes.Snapshot(profile);
        profile.RegistryLastModified = data.LastModified;
        profile.UpdatedAt = ctx.Now;
        if (changes.Count == 0)
        {
            await WriteProfileAsync(writes, profile, profileAsRead, ct);
            return new RowResult(RowOutcome.Unchanged, known.Customer);
        }

        var customer = known.Customer;
        var customerAsRead = writes.Snapshot(customer);
        ImportFields.Apply(customer, profile, changes.Where(c => Enum.TryParse<ImportField>(c.Field, out _)));
        customer.Version = Guid.NewGuid();
        await writes.UpdateAsync(customer, customerAsRead, ct);
        await WriteProfileAsync(writes, profile, profileAsRead, ct);
        if (industry is not null) await ApplyIndustryAsync(db, known, data, ctx, ct);
        foreach (var s in suggestions)
        {
            s.RunId = ctx.RunId;
            db.Suggestions.Add(s); // rare (a ceased company): saved with the batch
        }
        return new RowResult(RowOutcome.Updated, customer, Changes: changes);
    }

    private static Task WriteProfileAsync(ImportWrites writes, CompanyProfile profile, object?[]? asRead, CancellationToken ct) =>
        asRead is null ? writes.InsertAsync(profile, ct) : writes.UpdateAsync(profile, asRead, ct);

    private sealed record IndustryTarget(string SetPrefix, string Key, string Name);

    private static IndustryTarget? IndustryOf(PrhCompanyData data)
    {
        if (data.IndustryCode is null) return null;
        var codeSet = (data.IndustryCodeSet ?? "TOIMI").Trim().ToUpperInvariant();
        var described = data.IndustryDescription is null ? data.IndustryCode : $"{data.IndustryCode} {data.IndustryDescription}";
        return new IndustryTarget($"{IndustryRootKey}.{codeSet}.", $"{IndustryRootKey}.{codeSet}.{data.IndustryCode}",
            $"{described} ({IndustryCodeSets.Label(codeSet)})");
    }

    /// <summary>The customer goes under the imported-industry node of its code, one node per code set: a TOL 2025 main line
    /// replaces an earlier TOL 2025 one but never the TOL 2008 node, and the college's own industry tree is left alone.</summary>
    private static FieldChange? IndustryChange(Known known, PrhCompanyData data)
    {
        if (IndustryOf(data) is not { } target) return null;
        var current = known.Industry.Where(k => k.Key.StartsWith(target.SetPrefix, StringComparison.Ordinal)).ToList();
        if (current.Count == 1 && current[0].Key == target.Key) return null;
        return new FieldChange(ImportChanges.ClassificationField, current.Count == 0 ? null : string.Join(", ", current.Select(k => k.Name)), target.Name);
    }

    private static async Task ApplyIndustryAsync(PortaaliDbContext db, Known known, PrhCompanyData data, ImportContext ctx, CancellationToken ct)
    {
        var target = IndustryOf(data)!;
        var customerId = known.Customer.Id;
        var nodeId = await IndustryNodeIdAsync(db, target, ctx, ct);
        // The code set's current assignments, as the batch read them: removed by key, without reading them again.
        foreach (var current in known.Industry.Where(k => k.Key.StartsWith(target.SetPrefix, StringComparison.Ordinal)))
            await ctx.Writes.DeleteAsync(new CustomerClassification { CustomerId = customerId, NodeId = current.NodeId }, ct);
        await ctx.Writes.InsertAsync(new CustomerClassification { CustomerId = customerId, NodeId = nodeId, AssignedAt = ctx.Now, AssignedByUserId = null }, ct);
    }

    /// <summary>The imported-industry node of a code, looked up once per batch; a code met for the first time gets its node
    /// (and the root its first one) saved at once, so the rows that refer to it can be written.</summary>
    private static async Task<int> IndustryNodeIdAsync(PortaaliDbContext db, IndustryTarget target, ImportContext ctx, CancellationToken ct)
    {
        var nodes = (Dictionary<string, int>)ctx.State[NodesKey];
        if (nodes.TryGetValue(target.Key, out var id)) return id;
        var found = await db.ClassificationNodes.AsNoTracking().Where(n => n.SystemKey == target.Key).Select(n => (int?)n.Id).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            var node = FindOrAdd(db, target.Key, target.Name, FindOrAdd(db, IndustryRootKey, "", null, "ImportedIndustryRoot"));
            await db.SaveChangesAsync(ct);
            found = node.Id;
        }
        return nodes[target.Key] = found.Value;
    }

    /// <summary>A system node by key, made if missing with its Finnish and English names (from <paramref name="textKey"/> when it
    /// is a CoreText key, otherwise <paramref name="name"/> as is: an industry name from the registry).</summary>
    internal static ClassificationNode FindOrAdd(PortaaliDbContext db, string key, string name, ClassificationNode? parent, string? textKey = null)
    {
        var node = Tracked<ClassificationNode>(db).FirstOrDefault(n => n.SystemKey == key)
                   ?? db.ClassificationNodes.FirstOrDefault(n => n.SystemKey == key);
        if (node is not null) return node;
        node = new ClassificationNode
        {
            Name = textKey is null ? name : CoreText.In(CoreText.Finnish, textKey), NameEn = textKey is null ? null : CoreText.In(CoreText.English, textKey),
            SystemKey = key, Parent = parent, Target = ClassificationTarget.Customer,
        };
        db.ClassificationNodes.Add(node);
        return node;
    }

    /// <summary>The entities of a type the context tracks, without the scan of every tracked entity that <c>Local</c> starts
    /// with (DetectChanges): per row of a batch that scan made the import quadratic in the batch. What is looked up here
    /// (nodes, suggestions) is tracked by <c>Add</c> or a query, never found by detecting changes.</summary>
    private static List<T> Tracked<T>(PortaaliDbContext db) where T : class
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try { return db.Set<T>().Local.ToList(); }
        finally { db.ChangeTracker.AutoDetectChangesEnabled = detect; }
    }

    private static async Task<List<Suggestion>> NewSuggestionsAsync(PortaaliDbContext db, int customerId, PrhCompanyData data, DateTime now,
        CancellationToken ct)
    {
        var reasons = new List<(string Code, CoreMessage Reason)>();
        foreach (var s in data.Situations.Where(s => s.Code is "KONK" or "SELTILA"))
            reasons.Add((s.Code, CoreMessage.Of($"PassivationReason_{s.Code}", s.Since is { } since ? (object)since : "–")));
        if (data.EndDate is { } ended)
            reasons.Add(("ENDED", CoreMessage.Of("PassivationReason_ENDED", ended)));
        if (reasons.Count == 0) return [];
        var existing = await db.Suggestions.Where(s => s.CustomerId == customerId && s.Kind == SuggestionKind.Passivate)
            .Select(s => s.Code).ToListAsync(ct);
        existing.AddRange(Tracked<Suggestion>(db).Where(s => s.CustomerId == customerId && s.Kind == SuggestionKind.Passivate).Select(s => s.Code));
        return reasons.Where(r => !existing.Contains(r.Code))
            .Select(r => new Suggestion { CustomerId = customerId, Kind = SuggestionKind.Passivate, Code = r.Code,
                Reason = r.Reason.Render(CoreText.Finnish), ReasonMessage = r.Reason.ToJson(), CreatedAt = now })
            .ToList();
    }

    internal static ImportRow<PrhCompany> Row(long line, PrhCompany company)
    {
        var id = company.BusinessId?.Value?.Trim();
        return id is null
            ? new ImportRow<PrhCompany>(line, [], null, CoreText.Get("PrhNoBusinessId"))
            : new ImportRow<PrhCompany>(line, ["Y:" + id], company);
    }
}

/// <summary>Asks PRH's API about each active customer with a Business ID, one request at a time.</summary>
public class PrhApiHandler(PrhClient client, IDbContextFactory<PortaaliDbContext> dbFactory) : PrhHandler
{
    public override ImportSource Source => ImportSource.PrhApi;

    public override async Task<int?> CountAsync(ImportContext ctx, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Candidates(db, 0).CountAsync(ct);
    }

    private static IQueryable<Customer> Candidates(PortaaliDbContext db, long after) =>
        db.Customers.AsNoTracking().Where(c => c.BusinessId != null && !c.IsPassive && c.Id > after);

    /// <summary>The row's position is the customer's id, so a resumed run starts after the last committed customer.</summary>
    public override async IAsyncEnumerable<ImportRow<PrhCompany>> ReadAsync(ImportContext ctx, [EnumeratorCancellation] CancellationToken ct)
    {
        List<(int Id, string BusinessId)> customers;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            customers = (await Candidates(db, ctx.SkipThrough).OrderBy(c => c.Id).Select(c => new { c.Id, c.BusinessId }).ToListAsync(ct))
                .Select(c => (c.Id, c.BusinessId!)).ToList();
        foreach (var (id, businessId) in customers)
        {
            var (valid, error) = PrhMapping.CheckBusinessId(businessId);
            if (valid is null)
            {
                yield return new ImportRow<PrhCompany>(id, ["C:" + id], null, error);
                continue;
            }
            var company = await client.GetCompanyAsync(valid, ct);
            yield return company is null
                ? new ImportRow<PrhCompany>(id, ["C:" + id], null, CoreText.Get("PrhNotFound", valid))
                : new ImportRow<PrhCompany>(id, ["C:" + id], company);
        }
    }
}

/// <summary>Streams PRH's daily all_companies ZIP and takes in the companies that are our customers. Every record is
/// accounted for: a record with a missing or wrongly checked Business ID is a rejected row, one that is not our customer is
/// counted as skipped, a Business ID repeated in the file is a duplicate.</summary>
public class PrhBulkHandler(IDbContextFactory<PortaaliDbContext> dbFactory) : PrhHandler
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = false };

    public override ImportSource Source => ImportSource.PrhBulk;

    public override int BatchSizeOf(ImportOptions options) => options.Prh.BulkBatchSize;

    /// <summary>Only the Business ID, read first: most records in the file are not our customers and need no more.</summary>
    private sealed record IdOnly([property: JsonPropertyName("businessId")] PrhValue? BusinessId);

    /// <summary>The row's position is the record's ordinal in the file.</summary>
    public override async IAsyncEnumerable<ImportRow<PrhCompany>> ReadAsync(ImportContext ctx, [EnumeratorCancellation] CancellationToken ct)
    {
        HashSet<string> ours;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            ours = (await db.Customers.AsNoTracking().Where(c => c.BusinessId != null && !c.IsPassive).Select(c => c.BusinessId!).ToListAsync(ct))
                .ToHashSet(StringComparer.Ordinal);

        long ordinal = 0;
        await foreach (var record in PrhBulkFile.ReadRecordsAsync(ctx.FilePath, ctx.Options.Prh, ct))
        {
            ordinal++;
            var id = Deserialize<IdOnly>(record.Span, ordinal)?.BusinessId?.Value?.Trim();
            if (string.IsNullOrEmpty(id))
            {
                yield return new ImportRow<PrhCompany>(ordinal, [], null, CoreText.Get("PrhNoBusinessId"));
                continue;
            }
            var (valid, error) = PrhMapping.CheckBusinessId(id);
            if (valid is null)
                yield return new ImportRow<PrhCompany>(ordinal, [], null, error);
            else if (!ours.Contains(valid))
                yield return ImportRow<PrhCompany>.Skipped(ordinal);
            else
                yield return Row(ordinal, Deserialize<PrhCompany>(record.Span, ordinal)!);
        }
    }

    private static T? Deserialize<T>(ReadOnlySpan<byte> json, long ordinal)
    {
        try { return JsonSerializer.Deserialize<T>(json, Json); }
        catch (JsonException e) { throw new ImportFileException(CoreText.Get("PrhBulkBadJson", ordinal, e.Message)); }
    }
}
