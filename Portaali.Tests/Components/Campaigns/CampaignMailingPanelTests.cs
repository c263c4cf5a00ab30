using Bunit;
using Portaali.Core.Campaigns;
using Portaali.Core.Contacts;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Campaigns;

namespace Portaali.Tests.Components.Campaigns;

/// <summary>The mailing panel on its own (the campaign page places it): progress counts and the members not reached.</summary>
public class CampaignMailingPanelTests : ComponentHarness
{
    [Fact]
    public async Task The_panel_shows_each_mailings_progress_and_lists_the_failed_address_with_the_servers_reason()
    {
        var user = await SignInAsync(UserGroup.SalesAndMarketing, "Maija Markkinoija");
        var customerId = await AddCustomerAsync("Rakennus Virtanen Oy");
        var campaignId = await WithDbAsync(async db =>
        {
            var campaign = new Campaign { Name = "Kevätilta", OwnerUserId = user.Id };
            db.Campaigns.Add(campaign);
            var people = new[] { ("Anna", "anna@virtanen.fi"), ("Bertta", "bertta@vanha.fi"), ("Kalle", "kalle@virtanen.fi") }
                .Select(p => new Contact { CustomerId = customerId, FirstName = p.Item1, LastName = "Virtanen", Email = p.Item2 }).ToList();
            db.Contacts.AddRange(people);
            await db.SaveChangesAsync();
            var members = people.Select(c => new CampaignMember { CampaignId = campaign.Id, ContactId = c.Id, CustomerId = customerId }).ToList();
            db.CampaignMembers.AddRange(members);
            var done = new CampaignMailing { CampaignId = campaign.Id, Subject = "Kutsu kevätiltaan", Body = "Hei {name}", State = MailingState.Done, Total = 3, CreatedByName = "Maija Markkinoija" };
            var running = new CampaignMailing { CampaignId = campaign.Id, Subject = "Muistutus", Body = "Hei", State = MailingState.Running, Total = 3, CreatedAtUtc = DateTime.UtcNow };
            db.CampaignMailings.AddRange(done, running);
            await db.SaveChangesAsync();
            db.MailingDeliveries.AddRange(
                new MailingDelivery { MailingId = done.Id, MemberId = members[0].Id, State = DeliveryState.Sent },
                new MailingDelivery { MailingId = done.Id, MemberId = members[1].Id, State = DeliveryState.Failed, Email = "bertta@vanha.fi",
                    Error = "Sähköpostipalvelin 127.0.0.1:25 hylkäsi viestin: 550 mailbox unavailable" },
                new MailingDelivery { MailingId = done.Id, MemberId = members[2].Id, State = DeliveryState.SkippedOptedOut },
                new MailingDelivery { MailingId = running.Id, MemberId = members[0].Id, State = DeliveryState.Sent },
                new MailingDelivery { MailingId = running.Id, MemberId = members[1].Id, State = DeliveryState.Pending },
                new MailingDelivery { MailingId = running.Id, MemberId = members[2].Id, State = DeliveryState.Pending });
            await db.SaveChangesAsync();
            return campaign.Id;
        });

        var panel = RenderWithProviders<CampaignMailingPanel>(p => p.Add(c => c.CampaignId, campaignId).Add(c => c.PollInterval, TimeSpan.FromHours(1)));

        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll("[data-testid=mailing-row]").Count));
        var rows = panel.FindAll("[data-testid=mailing-row]");
        Assert.Contains("Muistutus", rows[0].TextContent);
        Assert.Equal("Lähettää", rows[0].QuerySelector("[data-testid=mailing-state]")!.TextContent.Trim());
        Assert.Equal("Lähetetty 1 / 3 · epäonnistui 0 · ohitettu 0", rows[0].QuerySelector("[data-testid=mailing-progress]")!.TextContent.Trim());
        Assert.Null(rows[0].QuerySelector("[data-testid=mailing-resend]")); // not while it runs

        Assert.Equal("Valmis", rows[1].QuerySelector("[data-testid=mailing-state]")!.TextContent.Trim());
        Assert.Equal("Lähetetty 1 / 3 · epäonnistui 1 · ohitettu 1", rows[1].QuerySelector("[data-testid=mailing-progress]")!.TextContent.Trim());
        var problems = rows[1].QuerySelectorAll("[data-testid=mailing-problem]").Select(r => r.TextContent).ToList();
        Assert.Equal(2, problems.Count);
        Assert.Contains("Bertta Virtanen", problems[0]);
        Assert.Contains("bertta@vanha.fi", problems[0]);
        Assert.Contains("Epäonnistui: Sähköpostipalvelin 127.0.0.1:25 hylkäsi viestin: 550 mailbox unavailable", problems[0]);
        Assert.Contains("Kalle Virtanen", problems[1]);
        Assert.Contains("Ohitettu: kieltänyt markkinointipostin", problems[1]);
        Assert.NotNull(rows[1].QuerySelector("[data-testid=mailing-resend]"));
    }

    [Fact]
    public async Task Someone_who_does_not_run_campaigns_sees_no_mailings()
    {
        await SignInAsync(UserGroup.AccountManager);
        var panel = RenderWithProviders<CampaignMailingPanel>(p => p.Add(c => c.CampaignId, 1));
        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll("[data-testid=mailing-row]")));
        Assert.Empty(panel.FindAll("[data-testid=mailing-none]"));
    }
}
