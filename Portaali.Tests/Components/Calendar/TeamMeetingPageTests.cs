using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.Users;
using Portaali.Web.Components.Pages.Calendar;
using static Portaali.Tests.Integration.Activities.ActivityTestData;

namespace Portaali.Tests.Components.Calendar;

/// <summary>The team meeting shows everyone's week in figures at once and one person's rows at a time: the first person's from
/// the start, another's when their name is chosen, a page at a time with how many there are.</summary>
public class TeamMeetingPageTests : ComponentHarness
{
    [Fact]
    public async Task The_first_person_is_open_from_the_start_and_choosing_a_name_opens_that_persons_week_a_page_at_a_time()
    {
        var arto = await AddUserAsync(UserGroup.CustomerRelationshipManager, "Arto Miettinen");
        var minna = await SignInAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var customer = await AddCustomerAsync("Virtasen Kuljetus Oy");
        var activities = Services.GetRequiredService<ActivityService>();
        var week = IsoWeek.Of(HelsinkiTime.Today(TimeProvider.System));
        var monday = week.Monday.ToDateTime(new TimeOnly(8, 0));
        await activities.CreateAsync(Edit(Call, customer, "Arton soitto", monday.AddHours(2), participants: [arto.Id]));
        var minnas = TeamMeetingService.PageSize + 2;
        for (var i = 0; i < minnas; i++)
            await activities.CreateAsync(Edit(Planning, null, $"Suunnittelu {i:00}", monday.AddMinutes(20 * i), 15));
        await activities.CreateAsync(Edit(Planning, null, "Ensi viikon suunnittelu", monday.AddDays(8), 15));

        var page = RenderWithProviders<TeamMeetingPage>();

        page.WaitForAssertion(() => Assert.Contains("Virtasen Kuljetus Oy", Card(page, arto.Id).Find("[data-testid=tm-this-week]").TextContent));
        Assert.Equal("true", Card(page, arto.Id).Find("[data-testid=tm-person]").GetAttribute("aria-expanded"));
        Assert.Equal("false", Card(page, minna.Id).Find("[data-testid=tm-person]").GetAttribute("aria-expanded"));
        Assert.Empty(Card(page, minna.Id).FindAll("li"));
        Assert.Equal($"Toimenpiteitä: tällä viikolla {minnas}, ensi viikolla 1", Card(page, minna.Id).Find("[data-testid=tm-counts]").TextContent);

        Card(page, minna.Id).Find("[data-testid=tm-person]").Click();

        page.WaitForAssertion(() => Assert.Equal(TeamMeetingService.PageSize, Card(page, minna.Id).FindAll("[data-testid=tm-this-week] li").Count));
        Assert.Equal("false", Card(page, arto.Id).Find("[data-testid=tm-person]").GetAttribute("aria-expanded"));
        Assert.Empty(Card(page, arto.Id).FindAll("li"));
        Assert.Equal($"Näytetään {TeamMeetingService.PageSize} / {minnas} toimenpidettä",
            Card(page, minna.Id).Find("[data-testid=tm-this-week-shown]").TextContent);
        Assert.Contains("Ensi viikon suunnittelu", Card(page, minna.Id).Find("[data-testid=tm-next-week]").TextContent);

        Card(page, minna.Id).Find("[data-testid=tm-this-week-more]").Click();

        page.WaitForAssertion(() => Assert.Equal(minnas, Card(page, minna.Id).FindAll("[data-testid=tm-this-week] li").Count));
        var lines = Card(page, minna.Id).FindAll("[data-testid=tm-this-week] li").Select(li => li.TextContent).ToList();
        Assert.All(lines.Select((line, i) => (line, i)), x => Assert.Contains($": Suunnittelu {x.i:00}", x.line));
        Assert.Empty(Card(page, minna.Id).FindAll("[data-testid=tm-this-week-more]"));
    }

    private static IRenderedComponent<TeamMemberCard> Card(IRenderedComponent<TeamMeetingPage> page, int userId) =>
        page.FindComponents<TeamMemberCard>().Single(c => c.Instance.Member.User.Id == userId);
}
