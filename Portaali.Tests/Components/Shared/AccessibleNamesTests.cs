using System.Globalization;
using Bunit;
using Portaali.Core.Customers;
using Portaali.Web.Components.Layout;
using Portaali.Web.Components.Shared;

namespace Portaali.Tests.Components.Shared;

/// <summary>
/// What a screen reader announces for the controls that had no name (issue 11): each in the user's own language.
/// </summary>
public class AccessibleNamesTests : ComponentHarness
{
    private static void UseLanguage(string culture, string uiCulture)
    {
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        CultureInfo.CurrentUICulture = new CultureInfo(uiCulture);
    }

    [Theory]
    [InlineData("fi-FI", "fi", "Poista luokitus Toimiala / Rakentaminen", "Poista luokitus Koko / Pieni", "Luokitukset")]
    [InlineData("en-US", "en", "Remove the classification Toimiala / Rakentaminen", "Remove the classification Koko / Pieni", "Classifications")]
    public void Each_assigned_classification_is_a_list_item_holding_one_remove_button_named_after_it(
        string culture, string uiCulture, string firstName, string secondName, string listName)
    {
        UseLanguage(culture, uiCulture);
        var removed = new List<int>();
        var list = Render<AssignedClassificationList>(p => p
            .Add(c => c.Items, [new AssignedClassification(11, "Toimiala / Rakentaminen", false, DateTime.UtcNow),
                                new AssignedClassification(12, "Koko / Pieni", true, DateTime.UtcNow)])
            .Add(c => c.Remove, id => removed.Add(id)));

        Assert.Equal(listName, list.Find("ul[data-testid=assigned-classifications]").GetAttribute("aria-label"));
        var items = list.FindAll("ul[data-testid=assigned-classifications] > li");
        Assert.Equal(2, items.Count);
        foreach (var item in items)
        {
            // One control per item, and the item itself is no control: nothing interactive nests inside another.
            Assert.Single(item.QuerySelectorAll("button, a, input, select, textarea, [tabindex], [role=button]"));
            Assert.Null(item.GetAttribute("role"));
            Assert.Null(item.GetAttribute("tabindex"));
        }
        Assert.Equal([firstName, secondName], items.Select(i => i.QuerySelector("button")!.GetAttribute("aria-label")));

        items[1].QuerySelector("button")!.Click();
        Assert.Equal([12], removed);
    }

    [Theory]
    [InlineData("fi-FI", "fi", "Hae asiakasta")]
    [InlineData("en-US", "en", "Search customers")]
    public void The_quick_search_magnifier_button_is_named(string culture, string uiCulture, string name)
    {
        UseLanguage(culture, uiCulture);
        var search = RenderWithProviders<QuickSearch>();

        var button = search.Find("[data-testid=quick-search] .mud-input-adornment button");
        Assert.Equal(name, button.GetAttribute("aria-label"));
    }

    [Theory]
    [InlineData("fi-FI", "fi", "Alkaen", "Valitse päivä: Alkaen")]
    [InlineData("en-US", "en", "From", "Choose a date: From")]
    public void A_date_fields_calendar_button_is_named_after_the_field(string culture, string uiCulture, string label, string name)
    {
        UseLanguage(culture, uiCulture);
        var field = RenderWithProviders<DateField>(p => p.Add(d => d.Label, label).Add(d => d.Editable, true));

        Assert.Equal(name, field.Find(".mud-input-adornment button").GetAttribute("aria-label"));
    }
}
