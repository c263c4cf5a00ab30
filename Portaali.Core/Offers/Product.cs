using Portaali.Core.Common;
using Portaali.Core.Users;

namespace Portaali.Core.Offers;

/// <summary>A field of education (koulutusala) that groups the trainings.</summary>
public class ProductGroup
{
    public int Id { get; set; }
    public required string NameFi { get; set; }
    public required string NameEn { get; set; }
    public int SortOrder { get; set; }
    public bool IsRetired { get; set; }

    public List<Product> Products { get; set; } = [];
}

/// <summary>A training in the product register. A retired product is offered no more but stays on old offers.</summary>
public class Product
{
    public int Id { get; set; }
    public int ProductGroupId { get; set; }
    public ProductGroup? Group { get; set; }
    public required string NameFi { get; set; }
    public required string NameEn { get; set; }
    public long ListPriceCents { get; set; }
    /// <summary>Percent; training is VAT-free (0) unless the product says otherwise.</summary>
    public decimal VatRate { get; set; }
    public bool IsRetired { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<ProductResponsible> Responsibles { get; set; } = [];

    public decimal ListPrice => Money.FromCents(ListPriceCents);
}

/// <summary>A content-responsible person (sisältövastaava) of a product.</summary>
public class ProductResponsible
{
    public int ProductId { get; set; }
    public int UserId { get; set; }
    public AppUser? User { get; set; }
}
