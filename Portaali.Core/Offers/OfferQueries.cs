using Portaali.Core.Common;
using Portaali.Core.Data;

namespace Portaali.Core.Offers;

/// <summary>The projections every offer and order list shares, so the tab, the reports and the billing list agree.</summary>
public static class OfferQueries
{
    public static IQueryable<OfferSummary> Summaries(IQueryable<Offer> offers) =>
        offers.Select(o => new OfferSummary(o.Id, o.CustomerId, o.Customer!.Name, o.Title, o.Type, o.State, o.OfferedOn, o.ValidUntil,
            Money.FromCents(o.TotalExVatCents + o.VatCents), o.AccountManager!.DisplayName, o.DecidedOn, o.LostReason));

    public static IQueryable<OrderSummary> OrderSummaries(PortaaliDbContext db, IQueryable<Order> orders) =>
        orders.Select(o => new OrderSummary(o.Id, o.OfferId, o.CustomerId, o.Offer!.Customer!.Name, o.Offer.Title, o.Type, o.State,
            o.OrderedOn, o.StartsOn, o.EndsOn, Money.FromCents(o.TotalExVatCents), Money.FromCents(o.TotalExVatCents + o.VatCents),
            o.Offer.AccountManager!.DisplayName));
}
