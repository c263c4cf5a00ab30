using Microsoft.EntityFrameworkCore;
using Portaali.Core.Imports;
using Portaali.Core.Suggestions;
using Portaali.Core.Users;
using Portaali.Tests.Integration.Seeding;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Imports;

/// <summary>The demo base shows the imports' work: YTJ profiles on the companies and a few passivation suggestions to decide.</summary>
[Collection(SeededDatabaseCollection.Name)]
public class ImportDemoDataTests(SeededDatabase seeded)
{
    private CoreHarness H => seeded.H;

    [Fact]
    public async Task Every_active_company_with_a_business_id_has_a_YTJ_profile_and_some_a_former_name()
    {
        await using var db = H.Db();
        var companies = await db.Customers.CountAsync(c => !c.IsPassive && c.BusinessId != null && c.CompanyForm != "Kunta");
        var profiles = await db.CompanyProfiles.ToListAsync();

        Assert.Equal(companies, profiles.Count);
        Assert.All(profiles, p => Assert.NotNull(p.UpdatedAt));
        Assert.All(profiles, p => Assert.Equal("TOIMI3", p.IndustryCodeSet));
        Assert.All(profiles, p => Assert.False(string.IsNullOrEmpty(p.IndustryDescription)));
        Assert.InRange(profiles.Count(p => p.FormerNames is not null), 20, 300);
    }

    [Fact]
    public async Task First_account_manager_has_a_bankrupt_a_liquidating_and_a_ceased_customer_to_decide()
    {
        using var _ = UiCulture.Finnish();
        await using (var db = H.Db())
            H.SignInAs(await db.Users.Where(u => u.Group == UserGroup.AccountManager).OrderBy(u => u.Id).FirstAsync());

        var suggestions = await H.Service<SuggestionService>().ListOpenAsync();

        Assert.Equal(3, suggestions.Count);
        Assert.All(suggestions, s => Assert.Equal(SuggestionKind.Passivate, s.Kind));
        var reasons = suggestions.Select(s => s.Reason).ToList();
        Assert.Contains(reasons, r => r.StartsWith("Konkurssi YTJ:n mukaan", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("Selvitystila YTJ:n mukaan", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("Lopettanut YTJ:n mukaan", StringComparison.Ordinal));
        foreach (var s in suggestions)
        {
            var profile = await H.Service<CompanyProfileService>().GetAsync(s.CustomerId);
            Assert.True(profile!.Situations.Count == 1 || profile.EndDate is not null, $"{s.CustomerName} shows no reason in its profile");
        }
    }

    [Fact]
    public async Task The_seeded_PRH_run_is_on_record_and_the_suggestions_and_profiles_come_from_it()
    {
        using var _ = UiCulture.Finnish();
        await using var db = H.Db();
        var run = await db.ImportRuns.SingleAsync();
        Assert.Equal((ImportSource.PrhApi, ImportMode.Apply, ImportStatus.Succeeded), (run.Source, run.Mode, run.Status));
        var profiles = await db.CompanyProfiles.CountAsync();
        Assert.Equal((profiles, profiles, 3), (run.Done, run.Updated + run.Unchanged, run.Updated));
        Assert.All(await db.CompanyProfiles.Select(p => p.UpdatedAt).Distinct().ToListAsync(), at => Assert.Equal(run.StartedAt, at));
        Assert.All(await db.Suggestions.ToListAsync(), s => Assert.Equal((run.Id, run.StartedAt), (s.RunId, (DateTime?)s.CreatedAt)));
        Assert.Equal(3, await db.ImportChanges.CountAsync(c => c.RunId == run.Id));

        var prh = new ImportRunRow(run.Id, run.Source, run.Mode, run.Trigger, run.Status, run.StartedByName, run.FileName, run.QueuedAt,
            run.StartedAt, run.FinishedAt, run.Total, run.Done, run.Created, run.Updated, run.Unchanged, run.Failed, run.Message, null, null);
        Assert.Equal("3 päivitettyä", ImportCountText.Short(prh));
    }
}
