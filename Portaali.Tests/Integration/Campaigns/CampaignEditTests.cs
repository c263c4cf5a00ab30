using Portaali.Core.Campaigns;
using Portaali.Core.Common;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Campaigns;

/// <summary>Creating and editing a campaign: the event date typed in either culture, and the version check.</summary>
public class CampaignEditTests : HarnessTest
{
    private CampaignService Campaigns => H.Service<CampaignService>();
    private CampaignQueries Queries => H.Service<CampaignQueries>();

    [Theory]
    [InlineData("fi-FI", "15.3.2027", "15.3.2027")]
    [InlineData("en-US", "3/15/2027", "3/15/2027")]
    [InlineData("fi-FI", "2027-03-15", "15.3.2027")]
    public async Task The_event_date_is_typed_and_shown_in_the_users_culture(string culture, string typed, string shown)
    {
        using var _ = UiCulture.Use(culture);
        await H.SignInAsAsync(UserGroup.SalesAndMarketing);

        var id = await Campaigns.CreateAsync(new CampaignEdit { Name = "  Kevätseminaari ", Kind = CampaignKind.Event, EventDate = typed });

        var details = await Queries.GetAsync(id);
        Assert.Equal(("Kevätseminaari", new DateOnly(2027, 3, 15)), (details.Name, details.EventDate));
        Assert.Equal(shown, (await Queries.GetForEditAsync(id)).EventDate);
    }

    [Theory]
    [InlineData("fi-FI", "31.2.2027", "Päivämäärää ei voi lukea. Kirjoita se muodossa 15.3.2027.")]
    [InlineData("en-US", "15/3/2027", "The date cannot be read. Write it as 3/15/2027.")]
    public async Task An_unreadable_date_or_a_missing_name_is_refused_with_a_message(string culture, string typed, string message)
    {
        using var _ = UiCulture.Use(culture);
        await H.SignInAsAsync(UserGroup.SalesAndMarketing);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Campaigns.CreateAsync(new CampaignEdit { Name = "", EventDate = typed }));

        Assert.Equal(["Name", "EventDate"], error.Errors.Select(e => e.Field));
        Assert.Equal(message, error.Errors[1].Message);
        Assert.Equal(0, (await Queries.ListAsync()).TotalCount);
    }

    [Fact]
    public async Task An_edit_from_a_stale_form_is_refused_and_the_other_save_stays()
    {
        using var _ = UiCulture.Use("fi-FI");
        await H.SignInAsAsync(UserGroup.SalesAndMarketing);
        var id = await Campaigns.CreateAsync(new CampaignEdit { Name = "Messut", Kind = CampaignKind.Event, EventDate = "1.10.2027" });
        var mine = await Queries.GetForEditAsync(id);
        var theirs = await Queries.GetForEditAsync(id);
        theirs.Description = "Osasto B12";
        await Campaigns.UpdateAsync(id, theirs);

        mine.Name = "Syysmessut";
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Campaigns.UpdateAsync(id, mine));

        var details = await Queries.GetAsync(id);
        Assert.Equal(("Messut", "Osasto B12"), (details.Name, details.Description));
        var fresh = await Queries.GetForEditAsync(id);
        fresh.Kind = CampaignKind.Mailing;
        await Campaigns.UpdateAsync(id, fresh);
        Assert.Null((await Queries.GetAsync(id)).EventDate); // a mailing has no event day
    }
}
