using System.Globalization;
using Portaali.Core.Common;
using Portaali.Core.ServiceOrders;
using Portaali.Tests.Support;

namespace Portaali.Tests.ServiceOrders;

public class ServiceOrderRulesTests
{
    private static readonly CultureInfo Finnish = CultureInfo.GetCultureInfo("fi-FI");
    private static readonly CultureInfo American = CultureInfo.GetCultureInfo("en-US");

    [Theory]
    [InlineData("9", 9, 0)]
    [InlineData("9.30", 9, 30)]
    [InlineData("09:30", 9, 30)]
    [InlineData("klo 14.15", 14, 15)]
    [InlineData("1415", 14, 15)]
    [InlineData("0.00", 0, 0)]
    [InlineData("23.59", 23, 59)]
    public void Times_are_read_as_Finns_type_them(string typed, int hour, int minute) =>
        Assert.Equal(new TimeOnly(hour, minute), ClockTime.Parse(typed).Time);

    [Theory]
    [InlineData("2:30 pm", 14, 30)]
    [InlineData("2.30 PM", 14, 30)]
    [InlineData("9 AM", 9, 0)]
    [InlineData("9:05a.m.", 9, 5)]
    [InlineData("12 am", 0, 0)]
    [InlineData("12:15 pm", 12, 15)]
    [InlineData("at 10:45", 10, 45)]
    public void Times_are_read_as_Americans_type_them(string typed, int hour, int minute) =>
        Assert.Equal(new TimeOnly(hour, minute), ClockTime.Parse(typed).Time);

    [Theory]
    [InlineData("24.00")]
    [InlineData("9.60")]
    [InlineData("13 pm")]
    [InlineData("0 am")]
    [InlineData("9.3")]
    [InlineData("puoli kymmenen")]
    [InlineData("9,30")]
    public void Times_that_are_not_a_clock_time_are_refused_with_what_was_typed(string typed)
    {
        using var _ = UiCulture.Finnish();
        var result = ClockTime.Parse(typed);
        Assert.Null(result.Time);
        Assert.Contains(typed, result.Error);
    }

    [Fact]
    public void An_empty_time_asks_for_one_in_either_language()
    {
        using (UiCulture.Finnish()) Assert.Equal("Anna kellonaika.", ClockTime.Parse(" ").Error);
        using (UiCulture.English()) Assert.Equal("Enter a time.", ClockTime.Parse(null).Error);
    }

    [Fact]
    public void Times_print_in_the_culture_and_read_back_the_same()
    {
        var time = new TimeOnly(14, 30);
        Assert.Equal("14.30", ClockTime.Format(time, Finnish));
        Assert.Equal("2:30\u202FPM", ClockTime.Format(time, American)); // ICU puts a narrow no-break space before PM
        Assert.Equal("9.00\u201311.30", ClockTime.FormatRange(new TimeOnly(9, 0), new TimeOnly(11, 30), Finnish));
        foreach (var culture in new[] { Finnish, American })
            Assert.Equal(time, ClockTime.Parse(ClockTime.Format(time, culture)).Time);
    }

    [Fact]
    public void Typed_addresses_collapse_duplicates_in_any_letter_case_and_keep_the_first_spelling()
    {
        var (addresses, invalid) = ServiceOrderRules.ParseAddresses(
            "Matti.Meikalainen@Esimerkki.FI; matti.meikalainen@esimerkki.fi\n  Kokki <kokki@catering.fi>, KOKKI@CATERING.FI");
        Assert.Empty(invalid);
        Assert.Equal(["Matti.Meikalainen@esimerkki.fi", "kokki@catering.fi"], addresses);
    }

    [Fact]
    public void Typed_entries_that_are_not_addresses_are_named_in_the_message()
    {
        using var _ = UiCulture.English();
        var errors = ServiceOrderRules.Validate(ValidEdit(e => e.ExtraRecipients = "ok@firma.fi, matti@, liisa@firma, kalle firma.fi"));
        var error = Assert.Single(errors);
        Assert.Equal("ExtraRecipients", error.Field);
        Assert.Equal("These are not e-mail addresses: matti@, liisa@firma, kalle firma.fi", error.Message);
    }

    [Fact]
    public void Recipients_are_the_contact_the_deliverers_and_the_typed_addresses_each_once()
    {
        var contact = new ContactOption(1, "Tiina Tilaaja", "Tiina.Tilaaja@Asiakas.fi");
        var recipients = ServiceOrderRules.Recipients(contact,
        [
            (ServiceOrderPart.Rooms, "Vesa Vahtimestari", "VESA@opisto.fi"),
            (ServiceOrderPart.Catering, "Kaisa Keittiö", "kaisa@opisto.fi"),
            (ServiceOrderPart.Event, "Vesa Vahtimestari", "vesa@opisto.fi"),
            (ServiceOrderPart.Materials, "Ei Osoitetta", null),
        ], ["tiina.tilaaja@asiakas.fi", "kuljetus@bussi.fi"]);

        Assert.Equal(["Tiina.Tilaaja@asiakas.fi", "vesa@opisto.fi", "kaisa@opisto.fi", "kuljetus@bussi.fi"], recipients.Select(r => r.Address));
        Assert.Equal(RecipientRole.Contact, recipients[0].Role);
        Assert.Equal([ServiceOrderPart.Event, ServiceOrderPart.Rooms], recipients[1].Parts);
        Assert.Equal(RecipientRole.Extra, recipients[3].Role);
    }

    [Fact]
    public void End_must_come_after_start_on_the_same_day()
    {
        using var _ = UiCulture.Finnish();
        var errors = ServiceOrderRules.Validate(ValidEdit(e => { e.StartTime = new TimeOnly(14, 0); e.EndTime = new TimeOnly(9, 0); }));
        Assert.Equal("EndTime", Assert.Single(errors).Field);
        Assert.Empty(ServiceOrderRules.Validate(ValidEdit()));
    }

    [Fact]
    public void A_failed_sending_can_be_retried_and_a_pending_one_only_once_it_was_clearly_cut_off()
    {
        var started = new DateTime(2026, 3, 10, 9, 0, 0);
        var timeout = TimeSpan.FromSeconds(30);
        Assert.True(ServiceOrderRules.CanRetry(SendingOutcome.Failed, started, started.AddSeconds(1), timeout));
        Assert.False(ServiceOrderRules.CanRetry(SendingOutcome.Sent, started, started.AddDays(1), timeout));
        Assert.False(ServiceOrderRules.CanRetry(SendingOutcome.Pending, started, started.AddSeconds(10), timeout));
        Assert.True(ServiceOrderRules.CanRetry(SendingOutcome.Pending, started, started.AddMinutes(5), timeout));
    }

    internal static ServiceOrderEdit ValidEdit(Action<ServiceOrderEdit>? change = null)
    {
        var edit = new ServiceOrderEdit
        {
            CustomerId = 1, Title = "Kevätseminaari", Date = new DateTime(2026, 4, 14), StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(15, 30),
        };
        change?.Invoke(edit);
        return edit;
    }
}
