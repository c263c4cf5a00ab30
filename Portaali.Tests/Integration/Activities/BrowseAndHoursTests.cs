using ClosedXML.Excel;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.Segments;
using Portaali.Core.Users;
using Portaali.Tests.Support;
using static Portaali.Tests.Integration.Activities.ActivityTestData;

namespace Portaali.Tests.Integration.Activities;

public class BrowseAndHoursTests : HarnessTest
{
    [Fact]
    public async Task Browse_finds_words_in_the_memo_with_finnish_letters_in_any_case()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Käynti", new DateTime(2026, 3, 2, 10, 0, 0),
            memo: "Tavoite\nSelvittää TYÖPAIKKAOHJAAJAKOULUTUKSEN tarve\n\nSovitut asiat\n- Oppisopimus syksyllä"));
        await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Käynti toinen", new DateTime(2026, 3, 3, 10, 0, 0), memo: "Ei mitään erityistä"));

        var hits = await H.Activities.BrowseAsync(new ActivityQuery { Text = "työpaikkaohjaajakoulutuksen oppisopimus" });
        Assert.Equal(1, hits.TotalCount);
        Assert.Equal("Käynti", hits.Items.Single().Title);
        Assert.Contains("Selvittää", hits.Items.Single().MemoExcerpt);
    }

    [Fact]
    public async Task Browse_filters_by_user_status_segment_and_date_and_pages_in_sql()
    {
        var minna = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var janne = await H.CreateUserAsync(UserGroup.AccountManager, "Janne Koskela");
        H.SignInAs(minna);
        var key = await H.AddCustomerAsync("Avainasiakas Oyj", segment: Segment.A);
        var basic = await H.AddCustomerAsync("Perusasiakas Oy");
        for (var day = 0; day < 30; day++)
            await H.Activities.CreateAsync(Edit(Call, day % 2 == 0 ? key.Id : basic.Id, $"Soitto {day:00}", new DateTime(2026, 2, 1, 9, 0, 0).AddDays(day),
                participants: [day % 3 == 0 ? janne.Id : minna.Id]));

        var keyCalls = await H.Activities.BrowseAsync(new ActivityQuery { Segment = Segment.A, PageSize = 10 });
        Assert.Equal(15, keyCalls.TotalCount);
        Assert.Equal(10, keyCalls.Items.Count);
        Assert.Equal("Soitto 28", keyCalls.Items[0].Title); // newest first
        var secondPage = await H.Activities.BrowseAsync(new ActivityQuery { Segment = Segment.A, PageSize = 10, Page = 1 });
        Assert.Equal(5, secondPage.Items.Count);

        var janneInFebruary = await H.Activities.BrowseAsync(new ActivityQuery
            { UserId = janne.Id, From = new DateOnly(2026, 2, 1), To = new DateOnly(2026, 2, 10), Sort = ActivitySort.StartsAscending });
        Assert.Equal(["Soitto 00", "Soitto 03", "Soitto 06", "Soitto 09"], janneInFebruary.Items.Select(r => r.Title));
        Assert.Equal(0, (await H.Activities.BrowseAsync(new ActivityQuery { Status = ActivityStatus.Open })).TotalCount);
    }

    [Fact]
    public async Task Excel_export_holds_the_filtered_rows_with_headers()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        await H.Activities.CreateAsync(Edit(Call, customer.Id, "Soitto: tarjous", new DateTime(2026, 3, 2, 9, 0, 0), 30, memo: "Tarjous hyväksytään ensi viikolla"));
        await H.Activities.CreateAsync(Edit(Planning, null, "Suunnittelu", new DateTime(2026, 3, 2, 8, 0, 0)));
        using var _ = UiCulture.Finnish();

        var bytes = await H.Activities.ExportAsync(new ActivityQuery { TypeId = Call });
        using var book = new XLWorkbook(new MemoryStream(bytes));
        var sheet = book.Worksheet(1);
        Assert.Equal("Otsikko", sheet.Cell(1, 6).GetString());
        Assert.Equal("Soitto: tarjous", sheet.Cell(2, 6).GetString());
        Assert.Equal("Virtasen Kuljetus Oy", sheet.Cell(2, 7).GetString());
        Assert.Equal(0.5, sheet.Cell(2, 3).GetDouble());
        Assert.True(sheet.Cell(3, 6).IsEmpty());
        Assert.Equal("A:K", sheet.AutoFilter.Range.RangeAddress.ToString()); // the shared writer's filter on every column
    }

    [Fact]
    public async Task Weekly_hours_split_customer_work_from_other_work_and_count_only_done()
    {
        var me = await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Käynti", new DateTime(2026, 3, 9, 10, 0, 0), 120));
        await H.Activities.CreateAsync(Edit(Planning, null, "Suunnittelu", new DateTime(2026, 3, 9, 8, 0, 0), 60));
        await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Tuleva käynti", new DateTime(2026, 3, 12, 10, 0, 0), 90));
        await H.Activities.CreateAsync(Edit(Call, customer.Id, "Edellisen viikon soitto", new DateTime(2026, 3, 6, 10, 0, 0), 30));

        var report = await H.WeeklyHours.GetWeeklyReportAsync(new IsoWeek(2026, 11));
        Assert.Equal(2, report.Week.CustomerHours);
        Assert.Equal(1, report.Week.OtherHours);
        Assert.Equal(1.5, report.Week.PlannedHours);
        Assert.Equal(3, report.Activities.Count);
        Assert.Equal(53, report.Year.Count);
        Assert.Equal(0.5, report.Year[9].CustomerHours);
        Assert.Equal(me.DisplayName, report.User.Name);
    }

    [Fact]
    public async Task New_years_day_2027_counts_in_week_53_of_2026()
    {
        var me = await H.SignInAsAsync(UserGroup.AccountManager);
        await H.Activities.CreateAsync(Edit(Planning, null, "Vuodenvaihde", new DateTime(2026, 12, 31, 9, 0, 0), 60, status: ActivityStatus.Done));
        await H.Activities.CreateAsync(Edit(Planning, null, "Uusi vuosi", new DateTime(2027, 1, 1, 9, 0, 0), 120, status: ActivityStatus.Done));
        await H.Activities.CreateAsync(Edit(Planning, null, "Ensimmäinen viikko", new DateTime(2027, 1, 4, 9, 0, 0), 30, status: ActivityStatus.Done));

        var week53 = await H.WeeklyHours.GetWeekHoursAsync([me.Id], new IsoWeek(2026, 53));
        Assert.Equal(3, week53[me.Id].OtherHours);
        var week1 = await H.WeeklyHours.GetWeekHoursAsync([me.Id], new IsoWeek(2027, 1));
        Assert.Equal(0.5, week1[me.Id].OtherHours);
        var year2027 = await H.WeeklyHours.GetWeeklyReportAsync(new IsoWeek(2027, 1));
        Assert.Equal(52, year2027.Year.Count);
        Assert.Equal(0.5, year2027.Year.Sum(w => w.OtherHours));
    }

    [Fact]
    public async Task Hours_of_a_shared_visit_count_for_every_participant()
    {
        var minna = await H.CreateUserAsync(UserGroup.AccountManager, "Minna Lehtonen");
        var janne = await H.CreateUserAsync(UserGroup.AccountManager, "Janne Koskela");
        H.SignInAs(minna);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        await H.Activities.CreateAsync(Edit(Visit, customer.Id, "Yhteinen käynti", new DateTime(2026, 3, 9, 10, 0, 0), 90, participants: [minna.Id, janne.Id]));

        var hours = await H.WeeklyHours.GetWeekHoursAsync([minna.Id, janne.Id], new IsoWeek(2026, 11));
        Assert.Equal(1.5, hours[minna.Id].CustomerHours);
        Assert.Equal(1.5, hours[janne.Id].CustomerHours);
        Assert.Equal("Käynti", Assert.Single(hours[janne.Id].ByType).TypeName);
    }

    [Fact]
    public async Task Feedback_list_puts_open_negative_feedback_first_and_counts_by_kind()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var customer = await H.AddCustomerAsync("Virtasen Kuljetus Oy");
        await H.Activities.CreateAsync(Edit(Feedback, customer.Id, "Kiitos", new DateTime(2026, 3, 9, 10, 0, 0), 15, keyword: Positive));
        await H.Activities.CreateAsync(Edit(Feedback, customer.Id, "Vanha moite", new DateTime(2026, 2, 2, 10, 0, 0), 15, keyword: Negative));
        var resolved = Edit(Feedback, customer.Id, "Hoidettu moite", new DateTime(2026, 3, 2, 10, 0, 0), 15, keyword: Negative, status: ActivityStatus.Done);
        await Assert.ThrowsAsync<Portaali.Core.Common.ValidationFailedException>(() => H.Activities.CreateAsync(resolved));
        resolved.ResolutionNote = "Soitettu ja pahoiteltu";
        await H.Activities.CreateAsync(resolved);

        var report = await H.Activities.FeedbackAsync(new FeedbackQuery());
        Assert.Equal(["Vanha moite", "Kiitos", "Hoidettu moite"], report.Rows.Select(r => r.Title));
        Assert.Equal(1, report.Positive);
        Assert.Equal(2, report.Negative);
        Assert.Equal(1, report.OpenNegative);
        Assert.Equal(["Kiitos"], (await H.Activities.FeedbackAsync(new FeedbackQuery { Negative = false })).Rows.Select(r => r.Title));
    }
}
