using Portaali.Core.Offers;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Offers;

/// <summary>Products and ready-made offer forms written straight to the test database, for arranging offer tests.</summary>
public static class OfferArrange
{
    public static async Task<Product> AddProductAsync(CoreHarness h, string nameFi, long listPriceCents, decimal vatRate = 0,
        string groupFi = "Logistiikka", params AppUser[] responsibles)
    {
        await using var db = h.Db();
        var group = db.ProductGroups.FirstOrDefault(g => g.NameFi == groupFi) ?? new ProductGroup { NameFi = groupFi, NameEn = groupFi + " (en)" };
        var product = new Product
        {
            Group = group, NameFi = nameFi, NameEn = nameFi + " (en)", ListPriceCents = listPriceCents, VatRate = vatRate,
            Responsibles = responsibles.Select(u => new ProductResponsible { UserId = u.Id }).ToList(),
        };
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return product;
    }

    /// <summary>A valid offer form: one tailored line of 1 × 1 500 €, valid for a month from the harness's today.</summary>
    public static OfferEdit Form(int accountManagerId, string title = "Työnjohdon valmennus", params OfferLineEdit[] lines) => new()
    {
        AccountManagerId = accountManagerId, Title = title, Type = OfferType.StaffTraining, ValidUntil = new DateOnly(2026, 4, 10),
        Lines = lines.Length > 0 ? [.. lines] : [new OfferLineEdit { Description = "Räätälöity työnjohtokoulutus", Quantity = 1, UnitPrice = 1500m }],
    };
}
