using System.Globalization;
using System.Text.Json.Serialization;
using Portaali.Core.Common;
using Portaali.Core.Offers;

namespace Portaali.Web.Components.Pages.Offers;

/// <summary>A line of the offer form as typed. Numbers stay text until they read, so a half-typed or mistyped amount is
/// shown back as it was written, with the reason under it, and never silently changed.</summary>
public sealed class OfferLineInput
{
    /// <summary>A line from the product register (false: a tailored training typed by hand).</summary>
    public bool IsProduct { get; set; }
    public int? ProductId { get; set; }
    public string Description { get; set; } = "";
    public string Quantity { get; set; } = "1";
    public string UnitPrice { get; set; } = "";
    public decimal VatRate { get; set; }
    public string Participants { get; set; } = "";
    /// <summary>The chosen product's content-responsible people, as the picker showed them.</summary>
    public List<string> Responsibles { get; set; } = [];

    [JsonIgnore]
    public AmountParse QuantityRead => Money.Parse(Quantity, CultureInfo.CurrentCulture, maxDecimals: 2, min: 0.01m, max: OfferRules.MaxQuantity);
    [JsonIgnore]
    public AmountParse UnitPriceRead => Money.Parse(UnitPrice, CultureInfo.CurrentCulture);
    [JsonIgnore]
    public AmountParse ParticipantsRead => Money.Parse(Participants, CultureInfo.CurrentCulture, maxDecimals: 0, max: 100_000, required: false);

    [JsonIgnore]
    public bool Reads => QuantityRead.IsValid && UnitPriceRead.IsValid && ParticipantsRead.IsValid;

    /// <summary>The line's euros as they will be saved, or null while a number does not read.</summary>
    [JsonIgnore]
    public LineTotals? Totals => QuantityRead.Value is { } q && UnitPriceRead.Value is { } p
        ? OfferRules.LineTotal(q, Money.ToCents(p), VatRate)
        : null;

    /// <summary>The sum of the lines that read, as the offer will print them.</summary>
    public static LineTotals Sum(IEnumerable<OfferLineInput> lines) => OfferRules.Sum(lines.Select(l => l.Totals).OfType<LineTotals>());

    public void Choose(ProductChoice product, bool english)
    {
        IsProduct = true;
        ProductId = product.Id;
        Description = product.Name(english);
        UnitPrice = Money.ForInput(product.ListPrice);
        VatRate = product.VatRate;
        Responsibles = [.. product.ResponsibleNames];
    }

    public OfferLineEdit ToEdit() => new()
    {
        ProductId = IsProduct ? ProductId : null, Description = Description.Trim(), Quantity = QuantityRead.Value ?? 0,
        UnitPrice = UnitPriceRead.Value ?? 0, VatRate = VatRate, Participants = ParticipantsRead.Value is { } n ? (int)n : null,
    };

    public static OfferLineInput From(OfferLineEdit line, ProductChoice? product) => new()
    {
        IsProduct = line.ProductId is not null, ProductId = line.ProductId, Description = line.Description,
        Quantity = Money.ForInput(line.Quantity), UnitPrice = Money.ForInput(line.UnitPrice), VatRate = line.VatRate,
        Participants = line.Participants?.ToString(CultureInfo.CurrentCulture) ?? "",
        Responsibles = product is null ? [] : [.. product.ResponsibleNames],
    };
}

/// <summary>Everything the offer dialog holds while it is open; this is also what its draft keeps.</summary>
public sealed class OfferFormModel
{
    public OfferEdit Edit { get; set; } = new();
    public List<OfferLineInput> Lines { get; set; } = [];
    /// <summary>Only when recording an order directly: when the training runs.</summary>
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }

    /// <summary>The offer as Core takes it; only called when every line reads.</summary>
    public OfferEdit ToEdit()
    {
        var edit = Copy(Edit);
        edit.Lines = Lines.Select(l => l.ToEdit()).ToList();
        return edit;
    }

    public static OfferFormModel From(OfferEdit edit, IReadOnlyList<ProductChoice> products)
    {
        var header = Copy(edit);
        header.Lines = [];
        return new OfferFormModel
        {
            Edit = header,
            Lines = edit.Lines.Select(l => OfferLineInput.From(l, products.FirstOrDefault(p => p.Id == l.ProductId))).ToList(),
        };
    }

    private static OfferEdit Copy(OfferEdit edit) => new()
    {
        ContactId = edit.ContactId, AccountManagerId = edit.AccountManagerId, Type = edit.Type, Title = edit.Title,
        ValidUntil = edit.ValidUntil, Notes = edit.Notes, CustomerReference = edit.CustomerReference, ActivityId = edit.ActivityId,
        Version = edit.Version, Lines = [.. edit.Lines],
    };
}
