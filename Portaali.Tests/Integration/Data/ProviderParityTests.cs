using Microsoft.EntityFrameworkCore;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.Data;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using static Portaali.Tests.Integration.Activities.ActivityTestData;

namespace Portaali.Tests.Integration.Data;

/// <summary>
/// What SQLite and PostgreSQL do differently underneath and the user must not notice (docs/postgresql.md): the memo
/// search without regard to diacritics or case, e-mail addresses in any case, times read back as written, and ids after
/// the seeded reference rows. Run on SQLite here and on PostgreSQL by <see cref="ProviderParityTestsOnPostgreSql"/>.
/// </summary>
public class ProviderParityTests : HarnessTest
{
    private static readonly DateTime Monday = new(2026, 3, 2, 10, 0, 0);

    private async Task<IReadOnlyList<string>> TitlesAsync(string text) =>
        (await H.Activities.BrowseAsync(new ActivityQuery { Text = text, Sort = ActivitySort.StartsAscending })).Items.Select(r => r.Title).ToList();

    [Fact]
    public async Task The_memo_search_finds_parts_of_words_with_or_without_dots_and_in_any_case()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Käynti Hämeenlinnassa", Monday, memo: "Henkilöstökoulutus ja työturvallisuus"));
        await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Kahvit", Monday.AddDays(1), memo: "Yleistä juttelua"));

        foreach (var text in new[] { "hämeenlinna", "hameenlinna", "HÄMEENLINNA", "koulu", "tyoturvallisuus", "TYÖTURVALLISUUS koulutus" })
            Assert.Equal(["Käynti Hämeenlinnassa"], await TitlesAsync(text));
        Assert.Empty(await TitlesAsync("koulutus juttelua")); // every word in the same activity
        Assert.Equal(["Kahvit"], await TitlesAsync("ju")); // shorter than the index's three letters: LIKE
    }

    [Fact]
    public async Task A_sender_is_matched_to_the_customers_domain_whatever_the_case_of_either_address()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy", configure: c => c.Email = "Info@VirtasenKuljetus.FI");
        var eml = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
            "From: uusi.henkilo@virtasenkuljetus.fi\r\nTo: minna@omnia-demo.fi\r\nSubject: Tarjous\r\n" +
            "Date: Tue, 10 Mar 2026 09:00:00 +0200\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHei!\r\n"));

        var proposal = await H.EmailImport.ParseAsync(eml);

        Assert.Equal(customer.Id, proposal.ProposedCustomerId);
    }

    [Fact]
    public async Task A_user_is_found_by_an_address_typed_in_another_case()
    {
        await H.SignInAsAsync(UserGroup.Administrator);
        await using (var db = H.Db())
        {
            db.Users.Add(new AppUser { DisplayName = "Äijälä Örjan", Email = "Orjan.Aijala@Omnia-Demo.fi", Group = UserGroup.AccountManager });
            await db.SaveChangesAsync();
        }

        await using var check = H.Db();
        var lower = "orjan.aijala@omnia-demo.fi";
        Assert.Equal("Äijälä Örjan", await check.Users.Where(u => u.Email.ToLower() == lower).Select(u => u.DisplayName).SingleAsync());
    }

    [Fact]
    public async Task Free_text_filters_ignore_case_in_every_letter_not_only_in_ascii()
    {
        var user = await H.SignInAsAsync(UserGroup.Administrator);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        await using (var db = H.Db())
        {
            db.ServiceOrders.Add(new Portaali.Core.ServiceOrders.ServiceOrder
            {
                CustomerId = customer.Id, Title = "ÄÄNEKOSKEN TYÖPAJA", Place = "ÖLJYNJALOSTAMO, Sali Å", Date = new DateOnly(2026, 3, 4),
                StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(12, 0), StartsAtUtc = HelsinkiTime.ToUtc(new DateTime(2026, 3, 4, 9, 0, 0)),
                CreatedByUserId = user.Id, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
            });
            db.ServiceOrders.Add(new Portaali.Core.ServiceOrders.ServiceOrder
            {
                CustomerId = customer.Id, Title = "Kahvitilaisuus", Date = new DateOnly(2026, 3, 5),
                StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(10, 0), StartsAtUtc = HelsinkiTime.ToUtc(new DateTime(2026, 3, 5, 9, 0, 0)),
                CreatedByUserId = user.Id, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
            });
            db.Projects.Add(new Portaali.Core.Projects.Project { Name = "ÖLJYALAN OSAAJAT", Funder = "ELY-KESKUS ÅLAND", OwnerUserId = user.Id });
            db.Projects.Add(new Portaali.Core.Projects.Project { Name = "Digiloikka", OwnerUserId = user.Id });
            db.Campaigns.Add(new Portaali.Core.Campaigns.Campaign { Name = "SYKSYN ÄLYKÄS TYÖELÄMÄ -SEMINAARI", OwnerUserId = user.Id });
            db.Campaigns.Add(new Portaali.Core.Campaigns.Campaign { Name = "Kevätkirje", OwnerUserId = user.Id });
            await db.SaveChangesAsync();
        }

        async Task<IReadOnlyList<string>> Orders(string text) =>
            (await H.Service<Portaali.Core.ServiceOrders.ServiceOrderService>().BrowseAsync(new() { Text = text })).Items.Select(o => o.Title).ToList();
        async Task<IReadOnlyList<string>> Projects(string text) =>
            (await H.Service<Portaali.Core.Projects.ProjectQueries>().ListAsync(new() { Search = text })).Items.Select(p => p.Name).ToList();
        async Task<IReadOnlyList<string>> Campaigns(string text) =>
            (await H.Service<Portaali.Core.Campaigns.CampaignQueries>().ListAsync(text)).Items.Select(c => c.Name).ToList();

        foreach (var text in new[] { "äänekosken", "Äänekosken työpaja", "öljynjalostamo", "sali å" })
            Assert.Equal(["ÄÄNEKOSKEN TYÖPAJA"], await Orders(text));
        foreach (var text in new[] { "öljyalan", "Öljyalan Osaajat", "åland" })
            Assert.Equal(["ÖLJYALAN OSAAJAT"], await Projects(text));
        foreach (var text in new[] { "älykäs työelämä", "SYKSYN älykäs" })
            Assert.Equal(["SYKSYN ÄLYKÄS TYÖELÄMÄ -SEMINAARI"], await Campaigns(text));
        Assert.Empty(await Orders("aanekosken")); // a and ä are different letters in Finnish
        Assert.Equal(["Kahvitilaisuus"], await Orders("KAHVI"));
        Assert.Equal(["Digiloikka"], await Projects("DIGI"));
        Assert.Equal(["Kevätkirje"], await Campaigns("KEVÄT"));
    }

    [Fact]
    public async Task Times_are_read_back_as_they_were_written()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        var id = await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Käynti", Monday, 90));

        var saved = await H.Activities.GetAsync(id);
        Assert.Equal((Monday.Date, Monday.TimeOfDay, 90), (saved.Edit.Date, saved.Edit.StartTime, saved.Edit.DurationMinutes));
        await using var db = H.Db();
        var stored = await db.Activities.Where(a => a.Id == id).Select(a => a.StartsAtUtc).SingleAsync();
        Assert.Equal(HelsinkiTime.ToUtc(Monday), stored);
        Assert.Equal(id, await db.Activities.Where(a => a.StartsAtUtc == HelsinkiTime.ToUtc(Monday)).Select(a => a.Id).SingleAsync());
    }

    [Fact]
    public async Task A_new_activity_type_gets_an_id_after_the_seeded_ones()
    {
        await using var db = H.Db();
        var seeded = await db.ActivityTypes.MaxAsync(t => t.Id);
        db.ActivityTypes.Add(new ActivityType { Name = "Messut" });
        await db.SaveChangesAsync();

        Assert.Equal(seeded + 1, await db.ActivityTypes.Where(t => t.Name == "Messut").Select(t => t.Id).SingleAsync());
    }
}

public class ProviderParityTestsOnPostgreSql : ProviderParityTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}
