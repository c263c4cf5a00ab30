using Portaali.Core.Offers;
using Portaali.Tests.Support;

namespace Portaali.Tests.Offers;

/// <summary>Open → lost | order; orders awaiting delivery → in delivery → invoiced, one step back from delivery, invoiced final.</summary>
public class OfferStateMachineTests
{
    [Theory]
    [InlineData(OrderState.AwaitingDelivery, OrderState.InDelivery)]
    [InlineData(OrderState.InDelivery, OrderState.Invoiced)]
    [InlineData(OrderState.InDelivery, OrderState.AwaitingDelivery)]
    public void Allowed_order_steps_pass(OrderState from, OrderState to) => OfferRules.EnsureOrderTransition(from, to);

    [Theory]
    [InlineData(OrderState.AwaitingDelivery, OrderState.Invoiced, "Tilausta ei voi siirtää tilasta ”odottaa toimitusta” tilaan ”laskutettu”.")]
    [InlineData(OrderState.Invoiced, OrderState.InDelivery, "Tilausta ei voi siirtää tilasta ”laskutettu” tilaan ”toimituksessa”.")]
    [InlineData(OrderState.Invoiced, OrderState.AwaitingDelivery, "Tilausta ei voi siirtää tilasta ”laskutettu” tilaan ”odottaa toimitusta”.")]
    [InlineData(OrderState.AwaitingDelivery, OrderState.AwaitingDelivery, "Tilausta ei voi siirtää tilasta ”odottaa toimitusta” tilaan ”odottaa toimitusta”.")]
    public void Skipping_invoicing_ahead_or_undoing_an_invoice_is_refused_with_both_states_named(OrderState from, OrderState to, string message)
    {
        using var _ = UiCulture.Finnish();
        var e = Assert.Throws<IllegalTransitionException>(() => OfferRules.EnsureOrderTransition(from, to));
        Assert.Equal(message, e.Message);
    }

    [Theory]
    [InlineData(OfferState.Lost, "lost")]
    [InlineData(OfferState.Accepted, "an order")]
    public void Only_an_open_offer_may_change(OfferState state, string named)
    {
        using var _ = UiCulture.English();
        var e = Assert.Throws<IllegalTransitionException>(() => OfferRules.EnsureOpen(state));
        Assert.Contains(named, e.Message);
    }

    [Fact]
    public void An_open_offer_may_change() => OfferRules.EnsureOpen(OfferState.Open);
}
