using Portaali.Core.Common;

namespace Portaali.Core.Offers;

/// <summary>A line of the offer form, as typed.</summary>
public class OfferLineEdit
{
    public int? ProductId { get; set; }
    public string Description { get; set; } = "";
    public decimal Quantity { get; set; } = 1;
    public decimal UnitPrice { get; set; }
    public decimal VatRate { get; set; }
    public int? Participants { get; set; }
}

/// <summary>What a user fills in to make or change an offer (or to record an order directly).</summary>
public class OfferEdit
{
    public int? ContactId { get; set; }
    public int AccountManagerId { get; set; }
    public OfferType Type { get; set; } = OfferType.StaffTraining;
    public string Title { get; set; } = "";
    public DateOnly ValidUntil { get; set; }
    public string? Notes { get; set; }
    public string? CustomerReference { get; set; }
    public int? ActivityId { get; set; }
    public List<OfferLineEdit> Lines { get; set; } = [];
    /// <summary>The version the form was loaded with; null for a new offer.</summary>
    public Guid? Version { get; set; }
}

public readonly record struct LineTotals(long ExVatCents, long VatCents);

/// <summary>The arithmetic and the state machine of offers and orders, free of the database so they are unit-tested.</summary>
public static class OfferRules
{
    public const int MaxTitle = 200;
    public const int MaxLines = 100;
    public const int MaxDescription = 500;
    public const decimal MaxQuantity = 100_000;
    public static readonly decimal[] CommonVatRates = [0m, 10m, 13.5m, 14m, 24m, 25.5m];

    /// <summary>A line's euros: quantity × unit price rounded to the cent, then its VAT rounded to the cent (per line, as
    /// an invoice shows it, so the total is the sum of what the lines print).</summary>
    public static LineTotals LineTotal(decimal quantity, long unitPriceCents, decimal vatRate)
    {
        var exVat = Money.ToCents(quantity * Money.FromCents(unitPriceCents));
        var vat = Money.ToCents(Money.FromCents(exVat) * vatRate / 100m);
        return new LineTotals(exVat, vat);
    }

    public static LineTotals Total(IEnumerable<OfferLineEdit> lines) =>
        Sum(lines.Select(l => LineTotal(l.Quantity, Money.ToCents(l.UnitPrice), l.VatRate)));

    /// <summary>The offer's total: the sum of what its lines print.</summary>
    public static LineTotals Sum(IEnumerable<LineTotals> lines) =>
        lines.Aggregate(new LineTotals(0, 0), (sum, l) => new LineTotals(sum.ExVatCents + l.ExVatCents, sum.VatCents + l.VatCents));

    /// <summary>Field-by-field problems of an offer form; empty when it may be saved.</summary>
    public static List<FieldError> Validate(OfferEdit edit, DateOnly today, bool isNew)
    {
        var errors = new List<FieldError>();
        var title = edit.Title?.Trim() ?? "";
        if (title.Length == 0) errors.Add(new(nameof(edit.Title), CoreText.Get("OfferTitleRequired")));
        else if (title.Length > MaxTitle) errors.Add(new(nameof(edit.Title), CoreText.Get("OfferTitleTooLong", MaxTitle)));
        if (!Enum.IsDefined(edit.Type)) errors.Add(new(nameof(edit.Type), CoreText.Get("OfferTypeRequired")));
        if (edit.AccountManagerId <= 0) errors.Add(new(nameof(edit.AccountManagerId), CoreText.Get("OfferAccountManagerRequired")));
        if (edit.ValidUntil == default) errors.Add(new(nameof(edit.ValidUntil), CoreText.Get("OfferValidUntilRequired")));
        else if (isNew && edit.ValidUntil < today) errors.Add(new(nameof(edit.ValidUntil), CoreText.Get("OfferValidUntilPast")));
        if (edit.Lines.Count == 0) errors.Add(new(nameof(edit.Lines), CoreText.Get("OfferLinesRequired")));
        if (edit.Lines.Count > MaxLines) errors.Add(new(nameof(edit.Lines), CoreText.Get("OfferTooManyLines", MaxLines)));
        for (var i = 0; i < edit.Lines.Count; i++)
        {
            var l = edit.Lines[i];
            var field = $"Lines[{i}]";
            var row = i + 1;
            if (l.ProductId is null && string.IsNullOrWhiteSpace(l.Description))
                errors.Add(new(field, CoreText.Get("OfferLineDescriptionRequired", row)));
            if ((l.Description?.Trim().Length ?? 0) > MaxDescription)
                errors.Add(new(field, CoreText.Get("OfferLineDescriptionTooLong", row, MaxDescription)));
            if (l.Quantity <= 0 || l.Quantity > MaxQuantity || decimal.Round(l.Quantity, 2) != l.Quantity)
                errors.Add(new(field, CoreText.Get("OfferLineQuantityInvalid", row)));
            if (l.UnitPrice < 0 || decimal.Round(l.UnitPrice, 2) != l.UnitPrice || Money.ToCents(l.UnitPrice) > Money.MaxCents)
                errors.Add(new(field, CoreText.Get("OfferLinePriceInvalid", row)));
            if (l.VatRate is < 0 or > 100 || decimal.Round(l.VatRate, 2) != l.VatRate)
                errors.Add(new(field, CoreText.Get("OfferLineVatInvalid", row)));
            if (l.Participants is < 0 or > 100_000)
                errors.Add(new(field, CoreText.Get("OfferLineParticipantsInvalid", row)));
        }
        if (errors.Count == 0 && Total(edit.Lines) is var t && t.ExVatCents + t.VatCents > Money.MaxCents)
            errors.Add(new(nameof(edit.Lines), CoreText.Get("OfferTotalTooLarge")));
        return errors;
    }

    /// <summary>Only an open offer is accepted, lost or edited; lost and accepted are final.</summary>
    public static void EnsureOpen(OfferState state)
    {
        if (state != OfferState.Open) throw new IllegalTransitionException(CoreText.Get("OfferNotOpen", StateName(state)));
    }

    /// <summary>Orders move forward one step at a time: awaiting delivery → in delivery → invoiced; a step may be
    /// taken back (an order put in delivery by mistake) but an invoiced order stays invoiced.</summary>
    public static void EnsureOrderTransition(OrderState from, OrderState to)
    {
        var allowed = (from, to) switch
        {
            (OrderState.AwaitingDelivery, OrderState.InDelivery) => true,
            (OrderState.InDelivery, OrderState.Invoiced) => true,
            (OrderState.InDelivery, OrderState.AwaitingDelivery) => true,
            _ => false,
        };
        if (!allowed)
            throw new IllegalTransitionException(CoreText.Get("OrderTransitionRefused", StateName(from), StateName(to)));
    }

    // Each key spelled out, so the resource test sees every message Core asks for.
    private static string StateName(OfferState s) => s switch
    {
        OfferState.Open => CoreText.Get("OfferStateOpen"),
        OfferState.Lost => CoreText.Get("OfferStateLost"),
        _ => CoreText.Get("OfferStateAccepted"),
    };

    private static string StateName(OrderState s) => s switch
    {
        OrderState.AwaitingDelivery => CoreText.Get("OrderStateAwaitingDelivery"),
        OrderState.InDelivery => CoreText.Get("OrderStateInDelivery"),
        _ => CoreText.Get("OrderStateInvoiced"),
    };
}

/// <summary>An offer or order was asked to move to a state it cannot reach from where it is.</summary>
public class IllegalTransitionException(string message) : DomainException(message);
