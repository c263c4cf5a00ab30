using Bunit;
using MudBlazor;
using Portaali.Core.Selections;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Selections;

namespace Portaali.Tests.Components.Selections;

/// <summary>The why-dialog shows the criteria tree with each outcome in words and a mark (not colour alone), and lets the
/// user find a record to ask why it is not in the selection.</summary>
public class WhyDialogTests : ComponentHarness
{
    private static SelectionDefinition InEspoo() =>
        new(SelectionTarget.Customers, new CriteriaGroup { Children = [new MunicipalityCriterion { Codes = ["049"] }] });

    [Fact]
    public async Task A_customer_left_out_shows_the_criterion_that_excluded_it()
    {
        await SignInAsync(UserGroup.SalesAndMarketing);
        var vantaa = await AddCustomerAsync("Vantaan Väri Oy", municipalityCode: "092");

        await ShowDialogAsync(new DialogParameters<WhyDialog> { { d => d.Definition, InEspoo() }, { d => d.MemberId, vantaa } });

        Providers.WaitForAssertion(() => Assert.Equal("Vantaan Väri Oy ei kuulu poimintaan.", Providers.Find("[data-testid=why-verdict]").TextContent.Trim()));
        var nodes = Providers.FindAll("[data-testid=why-node]");
        Assert.Equal(2, nodes.Count);
        Assert.Equal("✗ ei täyty: Kaikki seuraavat", Normalize(nodes[0].TextContent));
        Assert.Equal("✗ ei täyty: Kunta on Espoo – tämä jätti pois", Normalize(nodes[1].TextContent));
    }

    [Fact]
    public async Task Without_a_member_the_user_finds_a_passive_customer_and_sees_passive_named_as_the_reason()
    {
        await SignInAsync(UserGroup.SalesAndMarketing);
        await AddCustomerAsync("Espoon Kone Oy", municipalityCode: "049");
        await AddCustomerAsync("Lopettanut Oy", passive: true, municipalityCode: "049");

        await ShowDialogAsync(new DialogParameters<WhyDialog> { { d => d.Definition, InEspoo() } });
        Providers.Find("#why-search").Input("lopet");
        Providers.Find("form").Submit();
        Providers.WaitForAssertion(() => Assert.Single(Providers.FindAll("[data-testid=why-candidate]")));
        Providers.Find("[data-testid=why-candidate]").Click();

        Providers.WaitForAssertion(() => Assert.Equal("Lopettanut Oy ei kuulu poimintaan.", Providers.Find("[data-testid=why-verdict]").TextContent.Trim()));
        Assert.Contains("Asiakas on passiivinen", Providers.Find("[data-testid=why-default]").TextContent);
        Assert.Equal("✓ täyttyy: Kunta on Espoo", Normalize(Providers.FindAll("[data-testid=why-node]")[1].TextContent));
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
