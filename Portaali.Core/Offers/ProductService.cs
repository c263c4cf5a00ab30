using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Offers;

/// <summary>A product as the offer form offers it: price and VAT to fill the line, and who answers for its content.</summary>
public record ProductChoice(int Id, int GroupId, string GroupNameFi, string GroupNameEn, string NameFi, string NameEn,
    decimal ListPrice, decimal VatRate, IReadOnlyList<string> ResponsibleNames)
{
    public string Name(bool english) => english ? NameEn : NameFi;
    public string GroupName(bool english) => english ? GroupNameEn : GroupNameFi;
}

/// <summary>The product register: fields of education and their trainings. Everyone signed in chooses from it; administrators
/// and the product manager keep it. A retired product stays on old offers but is offered no more; anything already on an
/// offer is retired, never deleted.</summary>
public class ProductService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard)
{
    /// <summary>Active products of active groups, grouped by field, for choosing on an offer line.</summary>
    public async Task<IReadOnlyList<ProductChoice>> ListForOfferAsync(CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var products = await db.Products.AsNoTracking().Where(p => !p.IsRetired && !p.Group!.IsRetired)
            .OrderBy(p => p.Group!.SortOrder).ThenBy(p => p.Group!.NameFi).ThenBy(p => p.NameFi)
            .Select(p => new { p.Id, p.ProductGroupId, GroupFi = p.Group!.NameFi, GroupEn = p.Group.NameEn, p.NameFi, p.NameEn, p.ListPriceCents, p.VatRate })
            .ToListAsync(ct);
        var ids = products.Select(p => p.Id).ToList();
        var people = (await db.ProductResponsibles.AsNoTracking().Where(r => ids.Contains(r.ProductId))
                .Select(r => new { r.ProductId, r.User!.DisplayName }).ToListAsync(ct))
            .ToLookup(r => r.ProductId, r => r.DisplayName);
        return products.Select(p => new ProductChoice(p.Id, p.ProductGroupId, p.GroupFi, p.GroupEn, p.NameFi, p.NameEn,
            Common.Money.FromCents(p.ListPriceCents), p.VatRate, people[p.Id].Order(StringComparer.CurrentCulture).ToList())).ToList();
    }

    /// <summary>Every group and product, retired ones included, with the number of offers each product is on.</summary>
    public async Task<IReadOnlyList<ProductGroupAdminRow>> ListForAdminAsync(CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.ManageProducts);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var groups = await db.ProductGroups.AsNoTracking().OrderBy(g => g.SortOrder).ThenBy(g => g.NameFi)
            .Select(g => new { g.Id, g.NameFi, g.NameEn, g.IsRetired }).ToListAsync(ct);
        var products = await db.Products.AsNoTracking().OrderBy(p => p.NameFi)
            .Select(p => new { p.Id, p.ProductGroupId, p.NameFi, p.NameEn, p.ListPriceCents, p.VatRate, p.IsRetired, p.Version }).ToListAsync(ct);
        var people = (await db.ProductResponsibles.AsNoTracking().OrderBy(r => r.User!.DisplayName)
                .Select(r => new { r.ProductId, r.UserId, r.User!.DisplayName }).ToListAsync(ct))
            .ToLookup(r => r.ProductId, r => new PersonRef(r.UserId, r.DisplayName));
        var offerCounts = await db.OfferLines.AsNoTracking().Where(l => l.ProductId != null).GroupBy(l => l.ProductId!.Value)
            .Select(g => new { ProductId = g.Key, Offers = g.Select(l => l.OfferId).Distinct().Count() })
            .ToDictionaryAsync(x => x.ProductId, x => x.Offers, ct);
        var byGroup = products.ToLookup(p => p.ProductGroupId, p => new ProductAdminRow(p.Id, p.ProductGroupId, p.NameFi, p.NameEn,
            Money.FromCents(p.ListPriceCents), p.VatRate, p.IsRetired, p.Version, people[p.Id].ToList(), offerCounts.GetValueOrDefault(p.Id)));
        return groups.Select(g => new ProductGroupAdminRow(g.Id, g.NameFi, g.NameEn, g.IsRetired, byGroup[g.Id].ToList())).ToList();
    }

    public async Task<ProductEdit> GetForEditAsync(int id, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.ManageProducts);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.Products.AsNoTracking().Include(p => p.Responsibles).FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException(CoreText.Get("ProductNotFound"));
        return new ProductEdit
        {
            GroupId = p.ProductGroupId, NameFi = p.NameFi, NameEn = p.NameEn, ListPrice = p.ListPrice, VatRate = p.VatRate,
            ResponsibleIds = p.Responsibles.Select(r => r.UserId).Order().ToList(), Version = p.Version,
        };
    }

    public async Task<int> CreateAsync(ProductEdit edit, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.ManageProducts);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ValidateAsync(db, edit, null, ct);
        var product = new Product { NameFi = "", NameEn = "" };
        Apply(product, edit);
        db.Products.Add(product);
        await db.SaveChangesAsync(ct);
        return product.Id;
    }

    /// <summary>Changes a product; a stale version (someone saved in between) is refused. Offers already made keep the
    /// name, price and people they were made with.</summary>
    public async Task<Guid> UpdateAsync(int id, ProductEdit edit, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.ManageProducts);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await LoadAsync(db, id, edit.Version, ct);
        await ValidateAsync(db, edit, product, ct);
        Apply(product, edit);
        return await SaveAsync(db, product, ct);
    }

    /// <summary>Retires a product (it stays on old offers, new lines cannot choose it) or brings it back; a product of a
    /// retired field comes back only after its field.</summary>
    public async Task<Guid> SetRetiredAsync(int id, Guid version, bool retired, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.ManageProducts);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await LoadAsync(db, id, version, ct);
        if (!retired && await db.ProductGroups.AnyAsync(g => g.Id == product.ProductGroupId && g.IsRetired, ct))
            throw new DomainException(CoreText.Get("ProductRestoreGroupRetired"));
        product.IsRetired = retired;
        return await SaveAsync(db, product, ct);
    }

    /// <summary>Deletes a product typed by mistake; one that is on any offer can only be retired.</summary>
    public async Task DeleteAsync(int id, Guid version, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.ManageProducts);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await LoadAsync(db, id, version, ct);
        var offers = await db.OfferLines.Where(l => l.ProductId == id).Select(l => l.OfferId).Distinct().CountAsync(ct);
        if (offers > 0) throw new DomainException(CoreText.Get("ProductInUse", offers));
        db.Products.Remove(product); // its responsible people go with it (loaded, so deleted in the same save)
        await SaveAsync(db, product, ct);
    }

    public async Task<int> CreateGroupAsync(ProductGroupEdit edit, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.ManageProducts);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ValidateGroupAsync(db, edit, null, ct);
        var order = await db.ProductGroups.CountAsync(ct);
        var group = new ProductGroup { NameFi = ProductRules.Clean(edit.NameFi), NameEn = ProductRules.Clean(edit.NameEn), SortOrder = order };
        db.ProductGroups.Add(group);
        await db.SaveChangesAsync(ct);
        return group.Id;
    }

    public async Task UpdateGroupAsync(int id, ProductGroupEdit edit, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.ManageProducts);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var group = await db.ProductGroups.FindAsync([id], ct) ?? throw new NotFoundException(CoreText.Get("ProductGroupNotFound"));
        await ValidateGroupAsync(db, edit, id, ct);
        group.NameFi = ProductRules.Clean(edit.NameFi);
        group.NameEn = ProductRules.Clean(edit.NameEn);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Retires a field of education: none of its products can be put on a new line until it is restored.</summary>
    public async Task SetGroupRetiredAsync(int id, bool retired, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.ManageProducts);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var group = await db.ProductGroups.FindAsync([id], ct) ?? throw new NotFoundException(CoreText.Get("ProductGroupNotFound"));
        group.IsRetired = retired;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Deletes an empty field; one with products (even retired ones) can only be retired.</summary>
    public async Task DeleteGroupAsync(int id, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.ManageProducts);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var group = await db.ProductGroups.FindAsync([id], ct) ?? throw new NotFoundException(CoreText.Get("ProductGroupNotFound"));
        var products = await db.Products.CountAsync(p => p.ProductGroupId == id, ct);
        if (products > 0) throw new DomainException(CoreText.Get("ProductGroupHasProducts", products));
        db.ProductGroups.Remove(group);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<Product> LoadAsync(PortaaliDbContext db, int id, Guid? version, CancellationToken ct)
    {
        var product = await db.Products.Include(p => p.Responsibles).FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException(CoreText.Get("ProductNotFound"));
        if (version is { } loaded)
        {
            if (loaded != product.Version) throw new ConcurrencyConflictException(CoreText.Get("ProductChangedByOther"));
            // The save checks it again in SQL, so a save between this read and ours is refused too.
            db.Entry(product).Property(p => p.Version).OriginalValue = loaded;
        }
        return product;
    }

    private static async Task<Guid> SaveAsync(PortaaliDbContext db, Product product, CancellationToken ct)
    {
        if (db.Entry(product).State != EntityState.Deleted) product.Version = Guid.NewGuid();
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException(CoreText.Get("ProductChangedByOther")); }
        return product.Version;
    }

    private static void Apply(Product product, ProductEdit edit)
    {
        product.ProductGroupId = edit.GroupId;
        product.NameFi = ProductRules.Clean(edit.NameFi);
        product.NameEn = ProductRules.Clean(edit.NameEn);
        product.ListPriceCents = Money.ToCents(edit.ListPrice);
        product.VatRate = edit.VatRate;
        var wanted = edit.ResponsibleIds.Distinct().ToHashSet();
        product.Responsibles.RemoveAll(r => !wanted.Contains(r.UserId));
        foreach (var userId in wanted.Where(u => product.Responsibles.All(r => r.UserId != u)))
            product.Responsibles.Add(new ProductResponsible { ProductId = product.Id, UserId = userId });
    }

    /// <summary>The field rules, then: the field exists and (for a new product or a move) is not retired, the names are
    /// nobody else's in the field, and every newly named responsible person is an active user.</summary>
    private static async Task ValidateAsync(PortaaliDbContext db, ProductEdit edit, Product? current, CancellationToken ct)
    {
        var errors = ProductRules.Validate(edit);
        if (edit.GroupId > 0)
        {
            var group = await db.ProductGroups.AsNoTracking().Where(g => g.Id == edit.GroupId).Select(g => new { g.IsRetired }).FirstOrDefaultAsync(ct);
            if (group is null) errors.Add(new(nameof(edit.GroupId), CoreText.Get("ProductGroupNotFound")));
            else if (group.IsRetired && current?.ProductGroupId != edit.GroupId)
                errors.Add(new(nameof(edit.GroupId), CoreText.Get("ProductGroupRetired")));
            var siblings = await db.Products.AsNoTracking().Where(p => p.ProductGroupId == edit.GroupId && p.Id != (current == null ? 0 : current.Id))
                .Select(p => new { p.NameFi, p.NameEn }).ToListAsync(ct);
            if (siblings.Any(s => ProductRules.SameName(s.NameFi, edit.NameFi)))
                errors.Add(new(nameof(edit.NameFi), CoreText.Get("ProductNameTaken", ProductRules.Clean(edit.NameFi))));
            if (siblings.Any(s => ProductRules.SameName(s.NameEn, edit.NameEn)))
                errors.Add(new(nameof(edit.NameEn), CoreText.Get("ProductNameTaken", ProductRules.Clean(edit.NameEn))));
        }
        var kept = current?.Responsibles.Select(r => r.UserId).ToHashSet() ?? [];
        var added = edit.ResponsibleIds.Where(id => !kept.Contains(id)).Distinct().ToList();
        if (added.Count > 0 && await db.Users.CountAsync(u => added.Contains(u.Id) && u.IsActive, ct) != added.Count)
            errors.Add(new(nameof(edit.ResponsibleIds), CoreText.Get("ProductResponsibleInactive")));
        if (errors.Count > 0) throw new ValidationFailedException(errors);
    }

    private static async Task ValidateGroupAsync(PortaaliDbContext db, ProductGroupEdit edit, int? id, CancellationToken ct)
    {
        var errors = ProductRules.Validate(edit);
        var others = await db.ProductGroups.AsNoTracking().Where(g => g.Id != (id ?? 0)).Select(g => new { g.NameFi, g.NameEn }).ToListAsync(ct);
        if (others.Any(g => ProductRules.SameName(g.NameFi, edit.NameFi)))
            errors.Add(new(nameof(edit.NameFi), CoreText.Get("ProductGroupNameTaken", ProductRules.Clean(edit.NameFi))));
        if (others.Any(g => ProductRules.SameName(g.NameEn, edit.NameEn)))
            errors.Add(new(nameof(edit.NameEn), CoreText.Get("ProductGroupNameTaken", ProductRules.Clean(edit.NameEn))));
        if (errors.Count > 0) throw new ValidationFailedException(errors);
    }
}
