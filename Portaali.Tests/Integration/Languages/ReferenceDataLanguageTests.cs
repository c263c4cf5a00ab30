using Microsoft.EntityFrameworkCore;
using Portaali.Core.Activities;
using Portaali.Core.Classifications;
using Portaali.Core.Common;
using Portaali.Core.Segments;
using Portaali.Core.Suggestions;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Languages;

/// <summary>One language at a time: reference data and Core's stored messages read in the reader's language.</summary>
public class ReferenceDataLanguageTests : HarnessTest
{
    [Fact]
    public async Task Every_shipped_activity_type_keyword_and_template_has_an_English_name()
    {
        await using var db = H.Db();
        Assert.Empty(await db.ActivityTypes.Where(t => t.SystemKey != null && t.NameEn == null).Select(t => t.Name).ToListAsync());
        Assert.Empty(await db.ActivityKeywords.Where(k => k.Id <= 6 && k.NameEn == null).Select(k => k.Name).ToListAsync());
        Assert.Empty(await db.ActivityTemplates.Where(t => t.Id <= 3 && (t.NameEn == null || t.BodyEn == null)).Select(t => t.Name).ToListAsync());
    }

    [Fact]
    public async Task The_activity_form_names_types_keywords_and_memo_headings_in_the_readers_language()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);

        using (UiCulture.Use("en-US"))
        {
            var data = await H.Activities.GetFormDataAsync();
            Assert.Equal("Visit", data.Types.Single(t => t.SystemKey == ActivityReferenceData.Visit).Name);
            Assert.Equal("Sales visit", data.Keywords.Single(k => k.Id == 3).Name);
            var report = data.Templates.Single(t => t.Id == 1);
            Assert.Equal("Visit report", report.Name);
            Assert.StartsWith("Goal", report.Body);
            // What administrators edit stays the Finnish text, whatever language they use.
            Assert.Equal("Käynti", data.Types.Single(t => t.SystemKey == ActivityReferenceData.Visit).NameFi);
        }
        using (UiCulture.Use("fi-FI"))
        {
            var data = await H.Activities.GetFormDataAsync();
            Assert.Equal("Käynti", data.Types.Single(t => t.SystemKey == ActivityReferenceData.Visit).Name);
            Assert.Equal("Myyntikäynti", data.Keywords.Single(k => k.Id == 3).Name);
            Assert.StartsWith("Tavoite", data.Templates.Single(t => t.Id == 1).Body);
        }
    }

    [Fact]
    public async Task A_type_an_administrator_adds_without_an_English_name_shows_its_Finnish_name_until_given_one()
    {
        await H.SignInAsAsync(UserGroup.Administrator);
        var id = await H.ActivitySetup.AddTypeAsync("Messut", "#123456", false);

        using (UiCulture.Use("en-US"))
        {
            Assert.Equal("Messut", (await H.Activities.GetFormDataAsync()).Types.Single(t => t.Id == id).Name);
            await H.ActivitySetup.SetEnglishAsync(ActivityReference.Type, id, "Trade fair");
            Assert.Equal("Trade fair", (await H.Activities.GetFormDataAsync()).Types.Single(t => t.Id == id).Name);
        }
        using (UiCulture.Use("fi-FI"))
            Assert.Equal("Messut", (await H.Activities.GetFormDataAsync()).Types.Single(t => t.Id == id).Name);

        H.SignInAs(await H.CreateUserAsync(UserGroup.AccountManager));
        await Assert.ThrowsAnyAsync<Exception>(() => H.ActivitySetup.SetEnglishAsync(ActivityReference.Type, id, "Fair"));
    }

    [Fact]
    public async Task A_classification_shows_its_English_name_in_English_and_falls_back_to_Finnish()
    {
        await H.SignInAsAsync(UserGroup.Administrator);
        var root = await H.Classifications.AddNodeAsync(ClassificationTarget.Customer, null, "Asiakasryhmät");
        var child = await H.Classifications.AddNodeAsync(ClassificationTarget.Customer, root, "Viranomaiset");
        await H.Classifications.SetEnglishNameAsync(root, "Customer groups");

        using (UiCulture.Use("en-US"))
        {
            var node = Assert.Single(await H.Classifications.GetTreeAsync(ClassificationTarget.Customer), n => n.Id == root);
            Assert.Equal("Customer groups", node.Name);
            Assert.Equal("Asiakasryhmät", node.NameFi);
            Assert.Equal("Viranomaiset", Assert.Single(node.Children).Name); // no English name yet
        }
        using (UiCulture.Use("fi-FI"))
            Assert.Equal("Asiakasryhmät", Assert.Single(await H.Classifications.GetTreeAsync(ClassificationTarget.Customer), n => n.Id == root).Name);
        Assert.NotEqual(0, child);
    }

    [Fact]
    public async Task A_suggestion_reason_reads_in_English_and_Finnish_and_an_older_row_keeps_its_text()
    {
        var manager = await H.CreateUserAsync(UserGroup.AccountManager, "Mikko Myyjä");
        var customer = await H.AddCustomerAsync("Lopettanut Oy", segment: Segment.C);
        var older = await H.AddCustomerAsync("Vanha Ehdotus Oy", segment: Segment.C);
        await H.AddResponsibleAsync(customer.Id, manager.Id);
        await H.AddResponsibleAsync(older.Id, manager.Id);
        H.SignInAs(manager);
        var message = CoreMessage.Of("PassivationReason_ENDED", new DateOnly(2025, 2, 1));
        await using (var db = H.Db())
        {
            db.Suggestions.Add(new Suggestion
            {
                CustomerId = customer.Id, Kind = SuggestionKind.Passivate, Code = "ENDED", Reason = message.Render(CoreText.Finnish),
                ReasonMessage = message.ToJson(), CreatedAt = CoreHarness.Now.UtcDateTime,
            });
            db.Suggestions.Add(new Suggestion
            {
                CustomerId = older.Id, Kind = SuggestionKind.Passivate, Code = "KONK", Reason = "Konkurssi YTJ:n mukaan (rekisteröity 3.4.2024)",
                CreatedAt = CoreHarness.Now.UtcDateTime,
            });
            await db.SaveChangesAsync();
        }
        var suggestions = H.Service<SuggestionService>();

        using (UiCulture.Use("en-US"))
        {
            Assert.Equal("Ceased according to the Business Information System on 2/1/2025",
                Assert.Single(await suggestions.ListOpenForCustomerAsync(customer.Id)).Reason);
            Assert.Contains(await suggestions.ListOpenAsync(), s => s.Reason == "Ceased according to the Business Information System on 2/1/2025");
            Assert.Equal("Konkurssi YTJ:n mukaan (rekisteröity 3.4.2024)", Assert.Single(await suggestions.ListOpenForCustomerAsync(older.Id)).Reason);
        }
        using (UiCulture.Use("fi-FI"))
            Assert.Equal("Lopettanut YTJ:n mukaan 1.2.2025", Assert.Single(await suggestions.ListOpenForCustomerAsync(customer.Id)).Reason);
    }

    [Fact]
    public void A_message_prints_money_dates_and_never_in_each_language()
    {
        var message = CoreMessage.FromJson(CoreMessage.Of("RfmDormantReason", 3, CoreMessage.Date(new DateOnly(2022, 12, 24), "RfmNever"),
            CoreMessage.Date(null, "RfmNever")).ToJson())!;

        Assert.Equal("No counted contact and no order in 3 years: last contact 12/24/2022, last order never.", message.Render(CoreText.English));
        Assert.Equal("Ei laskettua yhteydenottoa eikä tilausta 3 vuoteen: viimeisin yhteydenotto 24.12.2022, viimeisin tilaus ei koskaan.",
            message.Render(CoreText.Finnish));
        var order = CoreMessage.Of("RfmOrderReason", 2, 12, CoreMessage.Cents(123450), new DateOnly(2026, 3, 1));
        Assert.Contains("1 234,50", order.Render(CoreText.Finnish).Replace('\u00a0', ' '));
        Assert.Contains("1,234.50", order.Render(CoreText.English));
    }
}
