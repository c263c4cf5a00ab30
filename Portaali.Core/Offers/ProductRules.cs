using System.Text;
using System.Text.RegularExpressions;
using Portaali.Core.Common;
using Portaali.Core.Customers;

namespace Portaali.Core.Offers;

/// <summary>What an administrator or the product manager fills in to add or change a training.</summary>
public class ProductEdit
{
    public int GroupId { get; set; }
    public string NameFi { get; set; } = "";
    public string NameEn { get; set; } = "";
    /// <summary>Euros; the form reads the typed text with <see cref="Money.Parse"/> in the UI language.</summary>
    public decimal ListPrice { get; set; }
    /// <summary>Percent; 0 (VAT-free training) unless the product is sold with VAT.</summary>
    public decimal VatRate { get; set; }
    public List<int> ResponsibleIds { get; set; } = [];
    /// <summary>The version the form was loaded with; null for a new product.</summary>
    public Guid? Version { get; set; }
}

/// <summary>A field of education's names, in Finnish and English.</summary>
public class ProductGroupEdit
{
    public string NameFi { get; set; } = "";
    public string NameEn { get; set; } = "";
}

/// <summary>A training as the register page lists it, with how many offers it is on (which decides retire or delete).</summary>
public record ProductAdminRow(int Id, int GroupId, string NameFi, string NameEn, decimal ListPrice, decimal VatRate, bool IsRetired,
    Guid Version, IReadOnlyList<PersonRef> Responsibles, int OfferCount)
{
    public string Name(bool english) => english ? NameEn : NameFi;
}

/// <summary>A field of education with its trainings, for the register page.</summary>
public record ProductGroupAdminRow(int Id, string NameFi, string NameEn, bool IsRetired, IReadOnlyList<ProductAdminRow> Products)
{
    public string Name(bool english) => english ? NameEn : NameFi;
}

/// <summary>The product register's field rules, free of the database so they are unit-tested.</summary>
public static partial class ProductRules
{
    public const int MaxName = 200;
    public const int MaxResponsibles = 20;

    public static List<FieldError> Validate(ProductEdit edit)
    {
        var errors = new List<FieldError>();
        if (edit.GroupId <= 0) errors.Add(new(nameof(edit.GroupId), CoreText.Get("ProductGroupRequired")));
        ValidateNames(edit.NameFi, edit.NameEn, errors);
        if (edit.ListPrice < 0 || decimal.Round(edit.ListPrice, 2) != edit.ListPrice || Money.ToCents(edit.ListPrice) > Money.MaxCents)
            errors.Add(new(nameof(edit.ListPrice), CoreText.Get("ProductPriceInvalid")));
        if (edit.VatRate is < 0 or > 100 || decimal.Round(edit.VatRate, 2) != edit.VatRate)
            errors.Add(new(nameof(edit.VatRate), CoreText.Get("ProductVatInvalid")));
        if (edit.ResponsibleIds.Distinct().Count() > MaxResponsibles)
            errors.Add(new(nameof(edit.ResponsibleIds), CoreText.Get("ProductTooManyResponsibles", MaxResponsibles)));
        return errors;
    }

    public static List<FieldError> Validate(ProductGroupEdit edit)
    {
        var errors = new List<FieldError>();
        ValidateNames(edit.NameFi, edit.NameEn, errors);
        return errors;
    }

    /// <summary>Names compare without regard to letter case (ä and Ä alike), surrounding or doubled spaces, or how the
    /// keyboard composed an ä: "Ensiapu  EA1" and "ENSIAPU EA1" are the same training.</summary>
    public static bool SameName(string? a, string? b) => string.Equals(Clean(a), Clean(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>A name as it is stored: trimmed, inner runs of spaces made one, composed (NFC).</summary>
    public static string Clean(string? name) => Spaces().Replace((name ?? "").Normalize(NormalizationForm.FormC).Trim(), " ");

    private static void ValidateNames(string? fi, string? en, List<FieldError> errors)
    {
        foreach (var (field, value, required) in new[] { ("NameFi", fi, "ProductNameFiRequired"), ("NameEn", en, "ProductNameEnRequired") })
        {
            var clean = Clean(value);
            if (clean.Length == 0) errors.Add(new(field, CoreText.Get(required)));
            else if (clean.Length > MaxName) errors.Add(new(field, CoreText.Get("ProductNameTooLong", MaxName)));
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
