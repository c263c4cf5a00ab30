using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Auditing;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Security;
using Portaali.Core.Segments;
using Portaali.Core.Users;

namespace Portaali.Core.Customers;

/// <summary>Finding, creating, editing, passivating and merging customers.</summary>
public class CustomerService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    /// <summary>Searches the whole base by name fragment, Business ID, municipality or contact name; paged and sorted in SQL.</summary>
    public async Task<PagedResult<CustomerRow>> SearchAsync(CustomerQuery query, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (CustomerFilter.WholeBusinessId(query) is { } businessId)
        {
            // By hand in one command (SqlBatch): at 100,000 customers EF Core's work per statement was most of the lookup.
            // The two keys as a union, so each is a seek of its own index on both providers.
            const string Matching = """
                FROM "Customers" AS c WHERE NOT c."IsPassive" AND c."Id" IN (
                    SELECT "Id" FROM "Customers" WHERE "BusinessId" = @id UNION SELECT "CustomerId" FROM "ExternalNumbers" WHERE "Number" = @number)
                """;
            await using var batch = await SqlBatch.RunAsync(db, $"""
                SELECT COUNT(*) FROM (SELECT 1 {Matching} LIMIT {SqlBatch.Count(PagedCount.Cap + 1)}) capped;
                SELECT c."Id", c."Name", c."BusinessId", c."MunicipalityCode", c."Segment", c."SizeClass", c."Revenue", c."IsPassive"
                {Matching} ORDER BY c."NameSearch", c."Id"
                LIMIT {SqlBatch.Count(query.PageSize)} OFFSET {SqlBatch.Count(Math.Max(0, query.Page) * query.PageSize)};
                """, ct, ("@id", businessId), ("@number", query.Text!.Trim()));
            var count = await batch.ReadFirstAsync(r => (int)r.GetInt64(0), ct);
            var listed = await batch.ReadAsync(r => new CustomerRow(r.GetInt32(0), r.GetString(1), r.Text(2), r.Text(3),
                Municipalities.NameOf(r.Text(3)), r.Enum<Segment>(4), r.GetInt32(5), r.NullableDecimal(6), r.GetBoolean(7)), ct);
            return new PagedResult<CustomerRow>(listed, Math.Min(count, PagedCount.Cap), count > PagedCount.Cap);
        }
        var customers = await CustomerFilter.ApplyAsync(db, query, actor.Id, ct);
        // Counted up to PagedCount.Cap: past a thousand matches nobody reads the number, and counting 30,000 costs.
        var manyNames = await CustomerFilter.NameMatchesExceedCapAsync(db, query, actor.Id, ct);
        var (total, isLowerBound) = manyNames ? (PagedCount.Cap, true) : await PagedCount.CountAsync(customers, ct);
        // So many names match that the page comes sooner from reading customers in name order than from sorting the matches.
        if (manyNames && query.SortBy == CustomerSort.Name) customers = await CustomerFilter.ApplyAsync(db, query, actor.Id, ct, inNameOrder: true);
        var page = await CustomerFilter.Sort(db, customers, query)
            .Skip(Math.Max(0, query.Page) * query.PageSize).Take(query.PageSize)
            .Select(c => new { c.Id, c.Name, c.BusinessId, c.MunicipalityCode, c.Segment, c.SizeClass, c.Revenue, c.IsPassive })
            .ToListAsync(ct);
        var rows = page.Select(c => new CustomerRow(c.Id, c.Name, c.BusinessId, c.MunicipalityCode,
            Municipalities.NameOf(c.MunicipalityCode), c.Segment, c.SizeClass, c.Revenue, c.IsPassive)).ToList();
        return new PagedResult<CustomerRow>(rows, total, isLowerBound);
    }

    /// <summary>Active customers whose name matches, for the customer pickers of activities and service orders made
    /// outside the customer page (a passive customer gets no new work).</summary>
    public async Task<IReadOnlyList<PersonRef>> FindActiveAsync(string? text, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        if (string.IsNullOrWhiteSpace(text)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var fragment = CustomerRules.SearchForm(text).Replace("%", "").Replace("_", "");
        var pattern = "%" + fragment + "%";
        var customers = db.Customers.AsNoTracking().Where(c => !c.IsPassive && EF.Functions.Like(c.NameSearch, pattern));
        if (CustomerFilter.NameMatch([fragment]) is { } match && NameIndex.CustomerIds(db, match) is { } ids)
        {
            // The trigram index finds the fragment's customers; LIKE above keeps its exact meaning (the index folds ä to a).
            customers = customers.Where(c => ids.Contains(c.Id));
        }
        return await customers.OrderBy(c => c.NameSearch).Take(20).Select(c => new PersonRef(c.Id, c.Name)).ToListAsync(ct);
    }

    /// <summary>The customer's page: the customer with its contacts and their roles, classifications, history and merges.</summary>
    public async Task<CustomerDetails> GetAsync(int id, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CustomerDetailsQuery.LoadAsync(db, id, actor.Id, ct);
    }

    /// <summary>The customer's header at a glance: responsible people, last contact and next planned activity.</summary>
    public async Task<CustomerSummary> GetSummaryAsync(int id, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Customers.AnyAsync(c => c.Id == id, ct)) throw new NotFoundException(CoreText.Get("CustomerNotFound"));
        return await CustomerSummaryQuery.LoadAsync(db, id, clock, ct);
    }

    /// <summary>Customers that may be the same organisation: the same Business ID, or a similar name in the same municipality.</summary>
    public async Task<IReadOnlyList<DuplicateCandidate>> FindDuplicatesAsync(string name, string? businessId, string? municipalityCode,
        int? excludeId = null, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var result = new List<DuplicateCandidate>();
        var normalizedId = BusinessId.Normalize(businessId);
        if (normalizedId is not null)
        {
            var same = await db.Customers.AsNoTracking()
                .Where(c => c.BusinessId == normalizedId && c.Id != excludeId)
                .Select(c => new { c.Id, c.Name, c.BusinessId, c.MunicipalityCode, c.IsPassive }).ToListAsync(ct);
            result.AddRange(same.Select(c => new DuplicateCandidate(c.Id, c.Name, c.BusinessId,
                Municipalities.NameOf(c.MunicipalityCode), c.IsPassive, DuplicateReason.SameBusinessId)));
        }
        if (!string.IsNullOrWhiteSpace(name) && !string.IsNullOrEmpty(municipalityCode))
        {
            // SQL narrows the municipality (up to 17,000 customers) from its (municipality, comparable name) index alone; the
            // rule then runs on those stored comparable names here, and only the similar ones are read from the table. The
            // narrowing lets hundreds through for a common word ("kuljetus": 446 of 17,117), and reading each of those rows
            // and reducing both names again per row cost more than the narrowing itself.
            var comparable = CustomerRules.ComparableName(name);
            var candidates = await CustomerRules.SimilarNameCandidates(db.Customers.AsNoTracking().Where(c => c.MunicipalityCode == municipalityCode), name)
                .Where(c => c.Id != excludeId)
                .Select(c => new { c.Id, c.ComparableName }).ToListAsync(ct);
            // A row saved without a comparable name (written outside the app) is compared by its name below.
            var similarIds = candidates
                .Where(c => result.All(r => r.Id != c.Id)
                    && (c.ComparableName is null || CustomerRules.AreSimilarComparableNames(comparable, c.ComparableName)))
                .Select(c => c.Id).ToList();
            if (similarIds.Count > 0)
            {
                var similar = await db.Customers.AsNoTracking().Where(c => similarIds.Contains(c.Id))
                    .Select(c => new { c.Id, c.Name, c.BusinessId, c.MunicipalityCode, c.IsPassive }).ToListAsync(ct);
                result.AddRange(similar
                    .Where(c => CustomerRules.AreSimilarNames(name, c.Name))
                    .Select(c => new DuplicateCandidate(c.Id, c.Name, c.BusinessId, Municipalities.NameOf(c.MunicipalityCode),
                        c.IsPassive, DuplicateReason.SimilarNameSameMunicipality)));
            }
        }
        return result;
    }

    /// <summary>Adds a customer; the caller has shown the duplicates and the user chose to go on.</summary>
    public async Task<int> CreateAsync(CustomerEdit edit, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        ThrowIfInvalid(CustomerRules.Validate(edit));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var customer = new Customer { Name = "", CreatedAt = now };
        Apply(edit, customer);
        customer.Segment = Segment.C;
        customer.SegmentChanges.Add(new SegmentChange
        {
            To = Segment.C, Reason = CoreText.Get("SegmentInitialReason"), ChangedAt = now,
            ChangedByUserId = actor.Id, ChangedByName = actor.Name,
        });
        customer.Responsibles.Add(new CustomerResponsible { UserId = actor.Id });
        db.Customers.Add(customer);
        await db.SaveChangesAsync(ct);
        AuditLog.Record(db, actor, now, customer.Id, "Customer", customer.Id, "Created",
            AuditLog.Diff(new Dictionary<string, string?>(), AuditLog.Fields(customer)));
        await db.SaveChangesAsync(ct);
        return customer.Id;
    }

    /// <summary>Saves an edit; throws <see cref="ConcurrencyConflictException"/> when someone saved after <paramref name="edit"/> was loaded.</summary>
    public async Task<Guid> UpdateAsync(int id, CustomerEdit edit, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        ThrowIfInvalid(CustomerRules.Validate(edit));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException(CoreText.Get("CustomerNotFound"));
        if (customer.Version != edit.Version)
            throw new ConcurrencyConflictException(CoreText.Get("CustomerConflict"));
        var before = AuditLog.Fields(customer);
        Apply(edit, customer);
        var changes = AuditLog.Diff(before, AuditLog.Fields(customer));
        if (changes.Count == 0) return customer.Version;
        db.Entry(customer).Property(c => c.Version).OriginalValue = edit.Version;
        customer.Version = Guid.NewGuid();
        AuditLog.Record(db, actor, clock.GetUtcNow().UtcDateTime, id, "Customer", id, "Updated", changes);
        await SaveOrConflictAsync(db, "CustomerConflict", ct);
        return customer.Version;
    }

    public async Task PassivateAsync(int id, string reason, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        if (string.IsNullOrWhiteSpace(reason)) throw new ValidationFailedException([new("Reason", CoreText.Get("PassivationReasonRequired"))]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException(CoreText.Get("CustomerNotFound"));
        if (customer.IsPassive) throw new DomainException(CoreText.Get("AlreadyPassive"));
        var now = clock.GetUtcNow();
        customer.IsPassive = true;
        customer.PassivatedOn = DateOnly.FromDateTime(now.UtcDateTime);
        customer.PassivationReason = reason.Trim();
        customer.Version = Guid.NewGuid();
        AuditLog.Record(db, actor, now.UtcDateTime, id, "Customer", id, "Passivated", [new("PassivationReason", null, customer.PassivationReason)]);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Makes a passive customer active again. A key account comes back in A while there is room; when five are
    /// active it is refused with their names, and management may bring it back in another <paramref name="segment"/>.</summary>
    public async Task ReactivateAsync(int id, Segment? segment = null, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException(CoreText.Get("CustomerNotFound"));
        if (!customer.IsPassive) return;
        var to = segment ?? customer.Segment;
        if (to != customer.Segment)
        {
            actor = await KeyAccounts.DemandMoveIntoAsync(guard, to);
            await KeyAccounts.DemandMoveOutOfAsync(guard, customer.Segment);
        }
        if (to == Segment.A) await KeyAccounts.EnsureRoomAsync(db, id, ct: ct);
        var now = clock.GetUtcNow().UtcDateTime;
        AuditLog.Record(db, actor, now, id, "Customer", id, "Reactivated",
            [new("PassivationReason", customer.PassivationReason, null)]);
        customer.IsPassive = false;
        customer.PassivatedOn = null;
        customer.PassivationReason = null;
        customer.Version = Guid.NewGuid();
        if (to != customer.Segment) KeyAccounts.Move(db, customer, to, CoreText.Get("SegmentReactivatedReason"), actor, now);
        await db.SaveChangesAsync(ct);
        if (to == Segment.Potential) await PotentialContacts.PlanAsync(db, id, actor, now, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Refuses new work (contacts, activities, offers) on a passive customer.</summary>
    public static async Task EnsureActiveAsync(PortaaliDbContext db, int customerId, CancellationToken ct)
    {
        var state = await db.Customers.Where(c => c.Id == customerId).Select(c => new { c.IsPassive, c.Name }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(CoreText.Get("CustomerNotFound"));
        if (state.IsPassive) throw new DomainException(CoreText.Get("CustomerPassive", state.Name));
    }

    public async Task SetResponsiblesAsync(int id, IReadOnlyCollection<int> userIds, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var current = await db.CustomerResponsibles.Include(r => r.User).Where(r => r.CustomerId == id).ToListAsync(ct);
        var names = await db.Users.Where(u => userIds.Contains(u.Id) || current.Select(r => r.UserId).Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        db.CustomerResponsibles.RemoveRange(current.Where(r => !userIds.Contains(r.UserId)));
        db.CustomerResponsibles.AddRange(userIds.Where(u => current.All(r => r.UserId != u))
            .Select(u => new CustomerResponsible { CustomerId = id, UserId = u }));
        string Join(IEnumerable<int> ids) => string.Join(", ", ids.Select(i => names.GetValueOrDefault(i) ?? "?").Order());
        AuditLog.Record(db, actor, clock.GetUtcNow().UtcDateTime, id, "Customer", id, "Updated",
            [new("Responsibles", Join(current.Select(r => r.UserId)), Join(userIds))]);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Merges a duplicate into the surviving customer; administrators only. Nothing of the duplicate is lost.</summary>
    /// <summary>
    /// The duplicate's offers and orders, its contacts' campaign memberships and its scorecard targets follow the survivor
    /// (a target the survivor already has for that year and measure wins); a static list or export snapshot of customers
    /// names the survivor instead, once. Without this a duplicate with an offer or a campaign member could not be merged
    /// at all, and its targets and list places would be lost.
    /// </summary>
    private static async Task MoveSalesAndMarketingOnMergeAsync(PortaaliDbContext db, int duplicateId, int survivorId, CancellationToken ct)
    {
        await db.Offers.Where(o => o.CustomerId == duplicateId).ExecuteUpdateAsync(s => s.SetProperty(o => o.CustomerId, survivorId), ct);
        await db.Orders.Where(o => o.CustomerId == duplicateId).ExecuteUpdateAsync(s => s.SetProperty(o => o.CustomerId, survivorId), ct);
        await db.CampaignMembers.Where(m => m.CustomerId == duplicateId).ExecuteUpdateAsync(s => s.SetProperty(m => m.CustomerId, survivorId), ct);
        await db.ScorecardTargets
            .Where(t => t.CustomerId == duplicateId
                && !db.ScorecardTargets.Any(o => o.CustomerId == survivorId && o.Year == t.Year && o.Measure == t.Measure))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.CustomerId, survivorId), ct);
        await db.ScorecardTargets.Where(t => t.CustomerId == duplicateId).ExecuteDeleteAsync(ct);

        var customerLists = db.Selections.Where(l => l.Target == Selections.SelectionTarget.Customers).Select(l => l.Id);
        var lists = await db.StaticListMembers.Where(m => m.MemberId == duplicateId && customerLists.Contains(m.SelectionId))
            .Select(m => m.SelectionId).ToListAsync(ct);
        var snapshots = await db.SelectionExportMembers.Where(m => m.MemberId == duplicateId && customerLists.Contains(m.SelectionId))
            .Select(m => m.SelectionId).ToListAsync(ct);
        if (lists.Count == 0 && snapshots.Count == 0) return;
        var listsWithSurvivor = await db.StaticListMembers.Where(m => m.MemberId == survivorId && lists.Contains(m.SelectionId)).Select(m => m.SelectionId).ToListAsync(ct);
        var snapshotsWithSurvivor = await db.SelectionExportMembers.Where(m => m.MemberId == survivorId && snapshots.Contains(m.SelectionId)).Select(m => m.SelectionId).ToListAsync(ct);
        // The member id is part of the key: the rows are replaced, not updated.
        var moved = await db.StaticListMembers.Where(m => m.MemberId == duplicateId && lists.Contains(m.SelectionId) && !listsWithSurvivor.Contains(m.SelectionId))
            .AsNoTracking().ToListAsync(ct);
        await db.StaticListMembers.Where(m => m.MemberId == duplicateId && lists.Contains(m.SelectionId)).ExecuteDeleteAsync(ct);
        db.StaticListMembers.AddRange(moved.Select(m => { m.MemberId = survivorId; return m; }));
        await db.SelectionExportMembers.Where(m => m.MemberId == duplicateId && snapshots.Contains(m.SelectionId)).ExecuteDeleteAsync(ct);
        db.SelectionExportMembers.AddRange(snapshots.Except(snapshotsWithSurvivor)
            .Select(id => new Selections.SelectionExportMember { SelectionId = id, MemberId = survivorId }));
    }

    public async Task MergeAsync(int duplicateId, int survivorId, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.MergeCustomers);
        if (duplicateId == survivorId) throw new DomainException(CoreText.Get("MergeSameCustomer"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var duplicate = await db.Customers.AsSplitQuery()
            .Include(c => c.ExternalNumbers).Include(c => c.Responsibles).Include(c => c.Classifications)
            .FirstOrDefaultAsync(c => c.Id == duplicateId, ct) ?? throw new NotFoundException(CoreText.Get("CustomerNotFound"));
        var survivor = await db.Customers.AsSplitQuery()
            .Include(c => c.ExternalNumbers).Include(c => c.Responsibles).Include(c => c.Classifications)
            .FirstOrDefaultAsync(c => c.Id == survivorId, ct) ?? throw new NotFoundException(CoreText.Get("CustomerNotFound"));
        // The survivor keeps the A of either record; it counts against the cap unless the duplicate was the active key account it replaces.
        var keepsKeyAccount = duplicate.Segment == Segment.A && survivor.Segment != Segment.A;
        if (keepsKeyAccount && !survivor.IsPassive) await KeyAccounts.EnsureRoomAsync(db, survivorId, duplicateId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var survivorBefore = AuditLog.Fields(survivor);

        var movedContacts = await db.Contacts.Where(p => p.CustomerId == duplicateId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.CustomerId, survivorId), ct);
        await db.Activities.Where(a => a.CustomerId == duplicateId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.CustomerId, survivorId), ct);
        await db.ServiceOrders.Where(o => o.CustomerId == duplicateId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.CustomerId, survivorId), ct);
        var movedSegmentChanges = await db.SegmentChanges.Where(s => s.CustomerId == duplicateId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.CustomerId, survivorId), ct);
        await db.AuditEntries.Where(a => a.CustomerId == duplicateId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.CustomerId, survivorId), ct);
        await db.CustomerMerges.Where(m => m.SurvivorId == duplicateId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SurvivorId, survivorId), ct);
        await KeyAccountProposalService.MoveOnMergeAsync(db, duplicateId, survivorId, keepsKeyAccount || survivor.Segment == Segment.A, actor, now, ct);
        await Projects.ProjectRules.MoveOnMergeAsync(db, duplicateId, survivorId, ct);
        await MoveSalesAndMarketingOnMergeAsync(db, duplicateId, survivorId, ct);

        var newClassifications = duplicate.Classifications.Where(k => survivor.Classifications.All(s => s.NodeId != k.NodeId))
            .Select(k => new Classifications.CustomerClassification { NodeId = k.NodeId, AssignedAt = k.AssignedAt, AssignedByUserId = k.AssignedByUserId }).ToList();
        survivor.Classifications.AddRange(newClassifications);
        var newNumbers = duplicate.ExternalNumbers.Where(n => survivor.ExternalNumbers.All(s => s.System != n.System || s.Number != n.Number)).ToList();
        // Saving the removal detaches the numbers from duplicate.ExternalNumbers; keep them for the snapshot.
        var duplicateNumbers = duplicate.ExternalNumbers.Select(n => new { n.System, n.Number }).ToList();
        db.ExternalNumbers.RemoveRange(duplicate.ExternalNumbers);
        await db.SaveChangesAsync(ct); // release the unique (system, number) keys before they move
        survivor.ExternalNumbers.AddRange(newNumbers.Select(n => new ExternalNumber { System = n.System, Number = n.Number }));
        survivor.Responsibles.AddRange(duplicate.Responsibles.Where(r => survivor.Responsibles.All(s => s.UserId != r.UserId))
            .Select(r => new CustomerResponsible { UserId = r.UserId }));

        var favouriteUsers = await db.Favourites.Where(f => f.CustomerId == duplicateId).Select(f => f.UserId).ToListAsync(ct);
        var survivorFans = await db.Favourites.Where(f => f.CustomerId == survivorId).Select(f => f.UserId).ToListAsync(ct);
        db.Favourites.AddRange(favouriteUsers.Except(survivorFans).Select(u => new Favourite { UserId = u, CustomerId = survivorId, AddedAt = now }));
        await db.Favourites.Where(f => f.CustomerId == duplicateId).ExecuteDeleteAsync(ct);
        await Desktops.RecentCustomerService.MoveOnMergeAsync(db, duplicateId, survivorId, ct);

        FillBlanks(survivor, duplicate);
        survivor.Version = Guid.NewGuid();
        if (keepsKeyAccount) KeyAccounts.Move(db, survivor, Segment.A, CoreText.Get("SegmentMergeReason", duplicate.Name), actor, now);

        var summary = CoreText.Get("MergeSummary", movedContacts, newClassifications.Count, newNumbers.Count, movedSegmentChanges);
        db.CustomerMerges.Add(new CustomerMerge
        {
            SurvivorId = survivorId, MergedCustomerId = duplicateId, MergedName = duplicate.Name, MergedBusinessId = duplicate.BusinessId,
            Snapshot = JsonSerializer.Serialize(new
            {
                Fields = AuditLog.Fields(duplicate), duplicate.Segment, duplicate.IsPassive, duplicate.PassivationReason,
                ExternalNumbers = duplicateNumbers,
                Classifications = duplicate.Classifications.Select(k => k.NodeId),
            }),
            Summary = summary, MergedByUserId = actor.Id, MergedAt = now,
        });
        AuditLog.Record(db, actor, now, survivorId, "Customer", survivorId, "Merged",
            [new("MergedCustomer", $"{duplicate.Name} ({duplicate.BusinessId ?? "–"})", null), .. AuditLog.Diff(survivorBefore, AuditLog.Fields(survivor))]);
        db.CustomerClassifications.RemoveRange(duplicate.Classifications);
        db.CustomerResponsibles.RemoveRange(duplicate.Responsibles);
        db.Customers.Remove(duplicate);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static void FillBlanks(Customer survivor, Customer duplicate)
    {
        survivor.BusinessId ??= duplicate.BusinessId;
        survivor.CompanyForm ??= duplicate.CompanyForm;
        survivor.MunicipalityCode ??= duplicate.MunicipalityCode;
        survivor.Phone ??= duplicate.Phone;
        survivor.Email ??= duplicate.Email;
        survivor.Website ??= duplicate.Website;
        survivor.Revenue ??= duplicate.Revenue;
        survivor.IndustryCode ??= duplicate.IndustryCode;
        if (survivor.SizeClass == 0) survivor.SizeClass = duplicate.SizeClass;
        if (string.IsNullOrEmpty(survivor.VisitingAddress.ToString()))
            survivor.VisitingAddress = new Address { Street = duplicate.VisitingAddress.Street, PostalCode = duplicate.VisitingAddress.PostalCode, City = duplicate.VisitingAddress.City };
        if (string.IsNullOrEmpty(survivor.PostalAddress.ToString()))
            survivor.PostalAddress = new Address { Street = duplicate.PostalAddress.Street, PostalCode = duplicate.PostalAddress.PostalCode, City = duplicate.PostalAddress.City };
    }

    public async Task<IReadOnlyList<AuditRow>> GetAuditTrailAsync(int customerId, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.CustomerId == customerId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(500).ToListAsync(ct);
        return entries.Select(a => new AuditRow(a.At, a.UserName, a.EntityType, a.Action, AuditLog.ParseChanges(a.Changes))).ToList();
    }

    public async Task<bool> ToggleFavouriteAsync(int customerId, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.Favourites.FindAsync([actor.Id, customerId], ct);
        if (existing is null) db.Favourites.Add(new Favourite { UserId = actor.Id, CustomerId = customerId, AddedAt = clock.GetUtcNow().UtcDateTime });
        else db.Favourites.Remove(existing);
        await db.SaveChangesAsync(ct);
        return existing is null;
    }

    public async Task<IReadOnlyList<PersonRef>> GetFavouritesAsync(CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Favourites.AsNoTracking().Where(f => f.UserId == actor.Id)
            .Join(db.Customers, f => f.CustomerId, c => c.Id, (f, c) => c)
            .OrderBy(c => c.NameSearch).Select(c => new PersonRef(c.Id, c.Name)).ToListAsync(ct);
    }

    internal static void Apply(CustomerEdit edit, Customer customer)
    {
        customer.Name = edit.Name.Trim();
        customer.NameSearch = CustomerRules.SearchForm(customer.Name);
        customer.BusinessId = BusinessId.Normalize(edit.BusinessId);
        customer.CompanyForm = Clean(edit.CompanyForm);
        customer.VisitingAddress = new Address { Street = Clean(edit.VisitingStreet), PostalCode = Clean(edit.VisitingPostalCode), City = Clean(edit.VisitingCity) };
        customer.PostalAddress = new Address { Street = Clean(edit.PostalStreet), PostalCode = Clean(edit.PostalPostalCode), City = Clean(edit.PostalCity) };
        customer.MunicipalityCode = Clean(edit.MunicipalityCode);
        customer.Phone = Clean(edit.Phone);
        customer.Email = Clean(edit.Email);
        customer.Website = CustomerRules.NormalizeWebsite(edit.Website);
        customer.SizeClass = edit.SizeClass;
        customer.Revenue = edit.Revenue;
        customer.IndustryCode = Clean(edit.IndustryCode);
    }

    internal static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static void ThrowIfInvalid(IReadOnlyList<FieldError> errors)
    {
        if (errors.Count > 0) throw new ValidationFailedException(errors);
    }

    internal static async Task SaveOrConflictAsync(PortaaliDbContext db, string messageKey, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException(CoreText.Get(messageKey)); }
    }
}
