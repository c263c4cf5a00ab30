using Portaali.Core.Common;
using Portaali.Core.Contacts;
using Portaali.Core.Customers;
using Portaali.Tests.Support;

namespace Portaali.Tests.Customers;

public class CustomerRulesTests
{
    private static CustomerEdit Valid() => new()
    {
        Name = "Espoon Sähkötyö Oy", BusinessId = "0737546-2", Email = "info@espoonsahkotyo.fi",
        Phone = "+358 9 123 4567", SizeClass = 3, Revenue = 450_000m,
    };

    private static FieldError Single(CustomerEdit edit) => Assert.Single(CustomerRules.Validate(edit));

    [Fact]
    public void A_complete_customer_passes()
    {
        using var _ = UiCulture.Finnish();
        Assert.Empty(CustomerRules.Validate(Valid()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Customer_without_a_name_is_refused_in_finnish(string name)
    {
        using var _ = UiCulture.Finnish();
        var edit = Valid();
        edit.Name = name;
        var error = Single(edit);
        Assert.Equal(nameof(CustomerEdit.Name), error.Field);
        Assert.Equal("Nimi on pakollinen.", error.Message);
    }

    [Fact]
    public void Name_over_200_characters_is_refused()
    {
        using var _ = UiCulture.Finnish();
        var edit = Valid();
        edit.Name = new string('a', 201);
        Assert.Equal("Nimi on liian pitkä (enintään 200 merkkiä).", Single(edit).Message);
    }

    [Fact]
    public void Messages_follow_the_english_ui_language()
    {
        using var _ = UiCulture.English();
        var edit = Valid();
        edit.Name = "";
        Assert.Equal("Name is required.", Single(edit).Message);
    }

    [Theory]
    [InlineData("matti.meikalainen@")]
    [InlineData("matti@yritys")]          // no domain ending
    [InlineData("Matti <matti@yritys.fi>")] // display name is not an address
    [InlineData("matti yritys.fi")]
    public void Bad_email_is_refused(string email)
    {
        using var _ = UiCulture.Finnish();
        var edit = Valid();
        edit.Email = email;
        var error = Single(edit);
        Assert.Equal(nameof(CustomerEdit.Email), error.Field);
        Assert.StartsWith("Sähköpostiosoite ei ole kelvollinen", error.Message);
    }

    [Theory]
    [InlineData("09 123 abc")]
    [InlineData("123")]
    [InlineData("040+1234567")]
    public void Bad_phone_is_refused(string phone)
    {
        using var _ = UiCulture.Finnish();
        var edit = Valid();
        edit.Phone = phone;
        var error = Single(edit);
        Assert.Equal(nameof(CustomerEdit.Phone), error.Field);
        Assert.StartsWith("Puhelinnumerossa saa olla vain numeroita", error.Message);
    }

    [Theory]
    [InlineData("(09) 123-4567")]
    [InlineData("040 123 4567")]
    [InlineData("+358401234567")]
    public void Usual_phone_formats_are_accepted(string phone) => Assert.Null(CustomerRules.ValidatePhone(phone));

    [Theory]
    [InlineData(10)]
    [InlineData(-1)]
    public void Size_class_outside_0_to_9_is_refused(int sizeClass)
    {
        using var _ = UiCulture.Finnish();
        var edit = Valid();
        edit.SizeClass = sizeClass;
        var error = Single(edit);
        Assert.Equal(nameof(CustomerEdit.SizeClass), error.Field);
        Assert.Equal("Kokoluokka on 0–9 (0 = ei tiedossa).", error.Message);
    }

    [Theory]
    [InlineData(0)] // unknown headcount
    [InlineData(9)]
    public void Size_class_0_means_unknown_and_is_allowed(int sizeClass)
    {
        var edit = Valid();
        edit.SizeClass = sizeClass;
        Assert.Empty(CustomerRules.Validate(edit));
    }

    [Fact]
    public void Negative_revenue_is_refused_but_zero_is_allowed()
    {
        using var _ = UiCulture.Finnish();
        var edit = Valid();
        edit.Revenue = -1m;
        var error = Single(edit);
        Assert.Equal(nameof(CustomerEdit.Revenue), error.Field);
        Assert.Equal("Liikevaihto ei voi olla negatiivinen.", error.Message);

        edit.Revenue = 0m;
        Assert.Empty(CustomerRules.Validate(edit));
    }

    [Fact]
    public void Business_id_with_wrong_check_digit_is_refused_with_its_own_message()
    {
        using var _ = UiCulture.Finnish();
        var edit = Valid();
        edit.BusinessId = "0737546-3";
        Assert.Equal("Y-tunnuksen tarkistusmerkki ei täsmää – tarkista numerot.", Single(edit).Message);

        edit.BusinessId = "12345";
        var message = Single(edit).Message;
        Assert.Equal("Y-tunnuksen muoto on seitsemän numeroa, yhdysmerkki ja tarkistusmerkki, esim. 1234567-1.", message);
        // The example people copy from the message must itself pass the check.
        Assert.True(BusinessId.IsValid(System.Text.RegularExpressions.Regex.Match(message, @"\d{7}-\d").Value));
    }

    [Fact]
    public void Business_id_typed_without_leading_zero_is_accepted()
    {
        var edit = Valid();
        edit.BusinessId = "737546-2";
        Assert.Empty(CustomerRules.Validate(edit));
    }

    [Fact]
    public void Every_broken_field_is_reported_at_once()
    {
        using var _ = UiCulture.Finnish();
        var edit = new CustomerEdit { Name = "", Email = "x@", Phone = "abc", SizeClass = 12, Revenue = -5m };
        Assert.Equal(["Name", "Email", "Phone", "SizeClass", "Revenue"], CustomerRules.Validate(edit).Select(e => e.Field));
    }

    [Fact]
    public void Contact_needs_first_and_last_name()
    {
        using var _ = UiCulture.Finnish();
        var errors = CustomerRules.Validate(new ContactEdit { FirstName = " ", LastName = "" });
        Assert.Equal(["Etunimi on pakollinen.", "Sukunimi on pakollinen."], errors.Select(e => e.Message));
        Assert.Empty(CustomerRules.Validate(new ContactEdit { FirstName = "Liisa", LastName = "Virtanen", Email = "liisa.virtanen@yritys.fi" }));
    }
}
