using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Imports;
using Portaali.Core.Suggestions;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Customers;

namespace Portaali.Tests.Components.Imports;

/// <summary>What the imports know shows on the customer page: the YTJ profile on the details tab, open suggestions in the header.</summary>
public class CustomerImportInfoTests : ComponentHarness
{
    private const string BankruptReason = "Konkurssi YTJ:n mukaan (rekisteröity 3.11.2025)";

    private IRenderedComponent<CustomerPage> Open(int customerId)
    {
        var page = RenderWithProviders<CustomerPage>(p => p.Add(x => x.Id, customerId));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=customer-name]")));
        return page;
    }

    /// <summary>The text as read on screen: runs of spaces, line breaks and the no-break spaces of Finnish numbers as one space.</summary>
    private static string Text(IElement element) => Regex.Replace(element.TextContent, @"\s+", " ").Trim();

    private Task AddSuggestionAsync(int customerId, SuggestionKind kind = SuggestionKind.Passivate, string reason = BankruptReason) =>
        WithDbAsync(db =>
        {
            db.Suggestions.Add(new Suggestion
            {
                CustomerId = customerId, Kind = kind, Code = kind == SuggestionKind.Passivate ? "KONK" : "FRAMEWORK", Reason = reason,
                CreatedAt = new DateTime(2026, 3, 10, 1, 0, 0, DateTimeKind.Utc),
            });
            return db.SaveChangesAsync();
        });

    [Fact]
    public async Task Customer_with_a_YTJ_profile_shows_its_former_name_line_of_business_situation_and_source()
    {
        await SignInAsync(UserGroup.AccountManager);
        var id = await AddCustomerAsync("Mäkelän Kone Oy", "1234567-1");
        await WithDbAsync(async db =>
        {
            var customer = await db.Customers.SingleAsync(c => c.Id == id);
            customer.CompanyForm = "Oy";
            customer.IndustryCode = "28110";
            db.CompanyProfiles.Add(new CompanyProfile
            {
                CustomerId = id, FormerNames = "Mäkelän Konepaja Oy; Konepaja Mäkelä Ky", MainLineCode = "28110", IndustryCodeSet = "TOIMI3",
                IndustryDescription = "Moottorien ja turbiinien valmistus", Situations = "KONK 2025-11-03",
                RegistrationDate = new DateOnly(1998, 5, 4), RegistryLastModified = new DateTime(2025, 11, 4),
                UpdatedAt = new DateTime(2026, 3, 10, 0, 30, 0, DateTimeKind.Utc),
            });
            await db.SaveChangesAsync();
        });

        var page = Open(id);

        var card = page.WaitForElement("[data-testid=company-profile]");
        Assert.Equal("Mäkelän Konepaja Oy, Konepaja Mäkelä Ky", card.QuerySelector("[data-testid=profile-former-names]")!.TextContent.Trim());
        Assert.Equal("Konkurssissa 3.11.2025 alkaen", card.QuerySelector("[data-testid=profile-situations]")!.TextContent.Trim());
        var mainLine = card.QuerySelector("[data-testid=profile-main-line]")!.TextContent;
        Assert.Contains("28110 Moottorien ja turbiinien valmistus", mainLine);
        Assert.Contains("(TOL 2008)", mainLine);
        Assert.Contains("4.5.1998", card.TextContent);
        Assert.Equal("Päivitetty YTJ:stä 10.3.2026 · Lähde: PRH/YTJ, CC BY 4.0", Text(card.QuerySelector("[data-testid=profile-source]")!));
    }

    [Fact]
    public async Task Customer_no_import_has_seen_shows_no_profile_card()
    {
        await SignInAsync(UserGroup.AccountManager);
        var id = await AddCustomerAsync("Käsin Lisätty Oy");

        var page = Open(id);

        page.WaitForElement("[data-testid=customer-details]");
        Assert.Empty(page.FindAll("[data-testid=company-profile]"));
        Assert.DoesNotContain("PRH/YTJ", page.Markup);
    }

    [Fact]
    public async Task Headcount_from_the_business_information_service_alone_is_not_credited_to_YTJ()
    {
        await SignInAsync(UserGroup.AccountManager);
        var id = await AddCustomerAsync("Öljy-Sähkö Oy", "2345678-0");
        await WithDbAsync(db => { db.CompanyProfiles.Add(new CompanyProfile { CustomerId = id, Headcount = 1250 }); return db.SaveChangesAsync(); });

        var page = Open(id);

        var card = page.WaitForElement("[data-testid=company-profile]");
        Assert.Equal("1 250 (yritystietopalvelun mukaan)", Text(card.QuerySelector("[data-testid=profile-headcount]")!));
        Assert.DoesNotContain("YTJ", card.TextContent);
        Assert.Empty(card.QuerySelectorAll("[data-testid=profile-source]"));
    }

    [Fact]
    public async Task Open_passivation_suggestion_shows_its_reason_and_accepting_it_passivates_the_customer()
    {
        var me = await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var id = await AddCustomerAsync("Mäkelän Kone Oy", "1234567-1", responsibleUserId: me.Id);
        await AddSuggestionAsync(id);

        var page = Open(id);
        var alert = page.WaitForElement("[data-testid=customer-suggestion]");
        Assert.Contains("Ehdotus: passivoi asiakas", alert.TextContent);
        Assert.Equal(BankruptReason, alert.QuerySelector("[data-testid=suggestion-reason]")!.TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=passive-chip]"));

        await page.Find("[data-testid=accept-suggestion]").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal("Passiivinen", page.Find("[data-testid=passive-chip]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=customer-suggestion]"));
        Assert.Contains(BankruptReason, page.Find("[data-testid=passivation-info]").TextContent);
        var resolved = await WithDbAsync(db => db.Suggestions.SingleAsync());
        Assert.Equal((SuggestionResolution.Accepted, "Minna Lehtonen"), (resolved.Resolution, resolved.ResolvedByName));
    }

    [Fact]
    public async Task Dismissing_a_suggestion_keeps_the_customer_active_and_the_alert_does_not_come_back()
    {
        var me = await SignInAsync(UserGroup.AccountManager);
        var id = await AddCustomerAsync("Päiväkoti Satakieli", responsibleUserId: me.Id);
        await AddSuggestionAsync(id, SuggestionKind.SegmentB, "Puitesopimusyritys työssäoppimisjärjestelmästä: suositellaan B-asiakkuutta");

        var page = Open(id);
        Assert.Contains("Ehdotus: siirrä B-asiakkuuteen", page.WaitForElement("[data-testid=customer-suggestion]").TextContent);
        await page.Find("[data-testid=dismiss-suggestion]").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=customer-suggestion]")));
        Assert.Empty(page.FindAll("[data-testid=passive-chip]"));
        var reopened = Open(id);
        Assert.Empty(reopened.FindAll("[data-testid=customer-suggestion]"));
        Assert.Equal(SuggestionResolution.Dismissed, (await WithDbAsync(db => db.Suggestions.SingleAsync())).Resolution);
    }

    [Fact]
    public async Task Segment_B_suggestion_disappears_once_someone_has_put_the_customer_in_B()
    {
        var me = await SignInAsync(UserGroup.AccountManager);
        var id = await AddCustomerAsync("Päiväkoti Satakieli", responsibleUserId: me.Id);
        await AddSuggestionAsync(id, SuggestionKind.SegmentB, "Puitesopimusyritys työssäoppimisjärjestelmästä: suositellaan B-asiakkuutta");
        Open(id).WaitForElement("[data-testid=customer-suggestion]");

        await WithDbAsync(async db =>
        {
            (await db.Customers.SingleAsync(c => c.Id == id)).Segment = Portaali.Core.Segments.Segment.B;
            await db.SaveChangesAsync();
        });
        var page = Open(id);

        page.WaitForElement("[data-testid=customer-details]");
        Assert.Empty(page.FindAll("[data-testid=customer-suggestion]"));
    }

    [Fact]
    public async Task History_tab_names_what_an_import_changed_in_the_users_words()
    {
        await SignInAsync(UserGroup.AccountManager);
        var id = await AddCustomerAsync("Espoon Sähkötyö Oy", "6789012-4");
        await WithDbAsync(db =>
        {
            db.AuditEntries.Add(new Portaali.Core.Auditing.AuditEntry
            {
                At = DateTime.UtcNow, UserName = "Tuonti: Työssäoppimisjärjestelmä (TOP)", CustomerId = id, EntityType = "Customer", EntityId = id,
                Action = "Imported", Changes = System.Text.Json.JsonSerializer.Serialize(new[]
                {
                    new Portaali.Core.Auditing.FieldChange("VisitingStreet", null, "Kuusitie 3"),
                    new Portaali.Core.Auditing.FieldChange("ExternalNumber", null, "TOP TOP-502"),
                    new Portaali.Core.Auditing.FieldChange("Responsible", null, "Arto Miettinen"),
                }),
            });
            return db.SaveChangesAsync();
        });
        var page = Open(id);

        await page.FindAll("[role=tab]").Single(t => t.TextContent.Trim().StartsWith("Muutoshistoria", StringComparison.Ordinal)).ClickAsync(new MouseEventArgs());

        var trail = page.WaitForElement("[data-testid=audit-trail]");
        Assert.Contains("Asiakas · päivitetty tuonnista", Text(trail));
        Assert.Equal(["Käyntiosoite: – → Kuusitie 3", "Asiakasnumero: – → TOP TOP-502", "Vastuuhenkilö: – → Arto Miettinen"],
            trail.QuerySelectorAll(".audit-change").Select(Text));
        Assert.DoesNotContain("Field_", trail.TextContent);
        Assert.DoesNotContain("Action_", trail.TextContent);
    }

    [Fact]
    public async Task Colleague_who_is_not_responsible_sees_the_suggestion_but_cannot_decide_it()
    {
        var owner = await AddUserAsync(UserGroup.AccountManager, "Janne Koskela");
        await SignInAsync(UserGroup.AccountManager, "Tiina Hakala");
        var id = await AddCustomerAsync("Mäkelän Kone Oy", "1234567-1", responsibleUserId: owner.Id);
        await AddSuggestionAsync(id);

        var page = Open(id);

        var alert = page.WaitForElement("[data-testid=customer-suggestion]");
        Assert.Contains("Asiakkaan vastuuhenkilöt päättävät ehdotuksesta.", alert.TextContent);
        Assert.Empty(page.FindAll("[data-testid=accept-suggestion]"));
        Assert.Empty(page.FindAll("[data-testid=dismiss-suggestion]"));
    }
}
