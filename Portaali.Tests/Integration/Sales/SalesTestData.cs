using System.Globalization;
using Portaali.Core.Offers;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Sales;

/// <summary>Offers and orders made through <see cref="OfferService"/> as people make them, at a chosen Helsinki moment.</summary>
internal static class SalesTestData
{
    public static OfferEdit Edit(int accountManagerId, string title, OfferType type = OfferType.StaffTraining, int? contactId = null,
        string? reference = null, params (string Text, decimal Quantity, decimal Price, decimal Vat)[] lines) => new()
    {
        AccountManagerId = accountManagerId, Title = title, Type = type, ContactId = contactId, CustomerReference = reference,
        ValidUntil = new DateOnly(2100, 1, 1),
        Lines = (lines.Length == 0 ? [("Koulutuspäivä", 1m, 1000m, 0m)] : lines)
            .Select(l => new OfferLineEdit { Description = l.Text, Quantity = l.Quantity, UnitPrice = l.Price, VatRate = l.Vat }).ToList(),
    };

    /// <summary>Sets the harness clock to a Helsinki wall-clock time.</summary>
    public static void At(this CoreHarness h, string helsinkiTime) =>
        h.Clock.UtcNow = new DateTimeOffset(Portaali.Core.Calendar.HelsinkiTime.ToUtc(
            DateTime.ParseExact(helsinkiTime, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)), TimeSpan.Zero);

    public static async Task<int> OfferAsync(this CoreHarness h, int customerId, OfferEdit edit) => await h.Offers.CreateAsync(customerId, edit);

    /// <summary>An accepted offer's order, moved on to the given state (invoicing needs someone with the Invoice right signed in).</summary>
    public static async Task<(int OfferId, int OrderId)> OrderAsync(this CoreHarness h, int customerId, OfferEdit edit,
        OrderState state = OrderState.AwaitingDelivery)
    {
        var offerId = await h.Offers.CreateAsync(customerId, edit);
        var offer = await h.Offers.GetAsync(offerId);
        var orderId = await h.Offers.AcceptAsync(offerId, offer.Version, new OrderDates(null, null));
        if (state >= OrderState.InDelivery) await h.Offers.MoveOrderAsync(orderId, await OrderVersionAsync(h, offerId), OrderState.InDelivery);
        if (state == OrderState.Invoiced) await h.Offers.MoveOrderAsync(orderId, await OrderVersionAsync(h, offerId), OrderState.Invoiced);
        return (offerId, orderId);
    }

    public static async Task<Guid> OrderVersionAsync(CoreHarness h, int offerId) => (await h.Offers.GetAsync(offerId)).Order!.Version;
}
