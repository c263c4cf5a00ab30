using Portaali.Core.Common;
using Portaali.Core.Offers;

namespace Portaali.Core.Sales;

/// <summary>The billing list's filter and page.</summary>
public record BillingQuery(int? AccountManagerId = null, int Page = 0, int PageSize = 50);

/// <summary>An order in delivery, waiting to be invoiced, with what the invoice needs.</summary>
public record BillingRow(int OrderId, int OfferId, Guid Version, int CustomerId, string CustomerName, string? BusinessId,
    string BillingAddress, string? CustomerReference, string? ContactName, OfferType Type, string Title, string LinesSummary,
    decimal TotalExVat, decimal Vat, decimal Total, string AccountManagerName, DateOnly OrderedOn, DateOnly? DeliveryStartedOn,
    DateOnly? StartsOn, DateOnly? EndsOn);

/// <summary>The page of the billing list and the totals of every row the filter matches.</summary>
public record BillingList(IReadOnlyList<BillingRow> Items, int TotalCount, decimal TotalExVat, decimal Vat, decimal Total);

/// <summary>One order to mark invoiced: the version it was shown with, and the invoice number if there is one.</summary>
public record InvoiceMark(int OrderId, Guid Version, string? InvoiceNumber = null);

/// <summary>An order that could not be marked invoiced, and why (someone else changed it, it is no longer in delivery …).</summary>
public record BillingFailure(int OrderId, string Title, string Message);

/// <summary>What marking several orders invoiced did: each order succeeds or fails on its own.</summary>
public record BillingOutcome(IReadOnlyList<int> Invoiced, IReadOnlyList<BillingFailure> Failed);

/// <summary>A person's euro target and actual orders (ex VAT) in a year.</summary>
public record TargetRow(int UserId, string Name, decimal? Target, decimal Actual, int OrderCount)
{
    /// <summary>Actual as a share of target (1 = reached); null without a target.</summary>
    public decimal? Achieved => Target is > 0 ? Math.Round(Actual / Target.Value, 4) : null;
}

/// <summary>The running total of a year's orders at the end of each month (1–12).</summary>
public record CumulativeMonth(int Month, decimal Target, decimal Actual);

/// <summary>The euro targets of a year against the orders behind them.</summary>
public record TargetReport(int Year, IReadOnlyList<TargetRow> Rows, IReadOnlyList<CumulativeMonth> Cumulative, bool CanManage)
{
    public decimal TotalTarget => Rows.Sum(r => r.Target ?? 0);
    public decimal TotalActual => Rows.Sum(r => r.Actual);
}

/// <summary>The open-offers report's filter: offer type, account manager, top-level customer group, validity.</summary>
public record OpenOfferQuery(OfferType? Type = null, int? AccountManagerId = null, int? CustomerGroupId = null,
    DateOnly? ValidFrom = null, DateOnly? ValidTo = null, int Page = 0, int PageSize = 50);

/// <summary>Open offers of one type: how many and their value.</summary>
public record TypeTotal(OfferType Type, int Count, decimal TotalExVat);

public record OpenOffersReport(IReadOnlyList<OfferSummary> Items, int TotalCount, IReadOnlyList<TypeTotal> ByType)
{
    public decimal TotalExVat => ByType.Sum(t => t.TotalExVat);
}

/// <summary>Lost offers with the same reason.</summary>
public record LostReasonRow(string Reason, int Count, decimal TotalExVat);

/// <summary>Offers decided in a period (recorded-directly orders left out): won against lost, and why they were lost.</summary>
public record WinLossReport(DateOnly From, DateOnly To, int Won, decimal WonExVat, int Lost, decimal LostExVat, IReadOnlyList<LostReasonRow> Reasons)
{
    /// <summary>Won as a share of decided offers; null when nothing was decided.</summary>
    public decimal? WinRatio => Won + Lost == 0 ? null : Math.Round((decimal)Won / (Won + Lost), 4);
}

/// <summary>Open offers expiring in one month.</summary>
public record PipelineMonth(int Year, int Month, int Count, decimal TotalExVat);

/// <summary>Orders made and orders invoiced in one month of a year (ex VAT).</summary>
public record OrdersMonth(int Month, int OrderCount, decimal Ordered, int InvoicedCount, decimal Invoiced);

/// <summary>A person who can be chosen in the sales filters.</summary>
public record SalesPerson(int Id, string Name);
