using Microsoft.EntityFrameworkCore;
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

/// <summary>The product register: fields of education and their trainings.</summary>
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
}
