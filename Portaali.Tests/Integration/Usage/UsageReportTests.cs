using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Portaali.Core.Common;
using Portaali.Core.Contacts;
using Portaali.Core.Customers;
using Portaali.Core.Exports;
using Portaali.Core.Offers;
using Portaali.Core.Usage;
using Portaali.Core.Users;
using Portaali.Tests.Integration.Activities;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Usage;

/// <summary>The usage report's numbers for a small history written through the real services, with the period's ends at
/// Helsinki midnight; the recorder's one write per user and day; retention.</summary>
public class UsageReportTests : HarnessTest
{
    private static readonly DateOnly Jan1 = new(2026, 1, 1), Jan31 = new(2026, 1, 31);

    private UsageReportService Report => H.Service<UsageReportService>();

    private sealed record People(AppUser Admin, AppUser Alice, AppUser Bob, AppUser Carl, AppUser Dana);

    private void At(string utc) => H.Clock.UtcNow = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);

    private async Task<People> ArrangeAsync()
    {
        var people = new People(await H.CreateUserAsync(UserGroup.Administrator, "Sari Pääkäyttäjä"),
            await H.CreateUserAsync(UserGroup.AccountManager, "Alice Asiakas"), await H.CreateUserAsync(UserGroup.AccountManager, "Bob Myyjä"),
            await H.CreateUserAsync(UserGroup.Management, "Carl Entinen"), await H.CreateUserAsync(UserGroup.Communications, "Dana Viestijä"));
        var (alice, bob, carl) = (people.Alice, people.Bob, people.Carl);
        await H.CreateUserAsync(UserGroup.ProductManager, "Eero Poissa"); // made inactive below, did nothing: not listed

        await using (var db = H.Db())
        {
            long id = 0;
            void SignIn(AppUser u, int month, int day) => db.SignInRecords.Add(new SignInRecord
                { Id = ++id, UserId = u.Id, LocalDate = new DateOnly(2026, month, day), AtUtc = new DateTime(2026, month, day, 8, 0, 0, DateTimeKind.Utc) });
            void Active(AppUser u, int year, int month, int day) => db.UserActiveDays.Add(new UserActiveDay { UserId = u.Id, Date = new DateOnly(year, month, day) });
            SignIn(alice, 1, 1); SignIn(alice, 1, 15); SignIn(alice, 1, 31); SignIn(alice, 2, 1); SignIn(bob, 1, 10); SignIn(carl, 1, 20);
            Active(alice, 2025, 12, 31); Active(alice, 2026, 1, 1); Active(alice, 2026, 1, 15); Active(alice, 2026, 1, 31); Active(alice, 2026, 2, 1);
            Active(bob, 2026, 1, 10); Active(carl, 2026, 1, 20);
            // Carl's exports: a saved selection and a builder's selection count; the customer list and a failed one do not.
            ExportJob Export(ExportSourceKind kind, ExportState state) => new()
            {
                OwnerUserId = carl.Id, Title = "Poiminta", FileName = "poiminta.xlsx", State = state, CreatedAtUtc = new DateTime(2026, 1, 20, 10, 0, 0, DateTimeKind.Utc),
                RequestJson = StoredExportRequest.From(new ExportRequest(kind, "Poiminta") { SourceId = 1 }, ["Name"], "fi").Write(),
            };
            db.ExportJobs.AddRange(Export(ExportSourceKind.Selection, ExportState.Done), Export(ExportSourceKind.Definition, ExportState.Done),
                Export(ExportSourceKind.Customers, ExportState.Done), Export(ExportSourceKind.Selection, ExportState.Failed));
            await db.SaveChangesAsync();
        }

        var existing = await H.AddCustomerAsync("Olemassa Oy");
        // Alice: activities just before and just after each end of January, Helsinki time (UTC+2 in winter).
        H.SignInAs(alice);
        foreach (var utc in new[] { "2025-12-31T21:59:59Z", "2025-12-31T22:00:00Z", "2026-01-31T21:59:59Z", "2026-01-31T22:00:00Z" })
        {
            At(utc);
            var local = Portaali.Core.Calendar.HelsinkiTime.ToLocal(H.Clock.UtcNow.UtcDateTime);
            await H.Activities.CreateAsync(ActivityTestData.Edit(ActivityTestData.Visit, existing.Id, "Käynti", local.Date.AddHours(10)));
        }
        // Alice creates X and edits it twice and adds a contact to the existing customer: 1 created, 2 updated.
        At("2026-01-05T09:00:00Z");
        var x = await H.Customers.CreateAsync(new CustomerEdit { Name = "Iks Oy", MunicipalityCode = "091" });
        for (var i = 0; i < 2; i++)
        {
            var form = (await H.Customers.GetAsync(x)).ToEdit();
            form.Phone = $"09 100 100{i}";
            await H.Customers.UpdateAsync(x, form);
        }
        await H.Contacts.CreateAsync(existing.Id, new ContactEdit { FirstName = "Outi", LastName = "Olemassa" });
        // She also makes an offer for which Bob is the account manager: it is Bob's.
        await H.Offers.CreateAsync(x, new OfferEdit
        {
            AccountManagerId = bob.Id, Title = "Työturvallisuuskortti", ValidUntil = new DateOnly(2026, 3, 1),
            Lines = [new OfferLineEdit { Description = "Koulutuspäivä", Quantity = 1, UnitPrice = 500m }],
        });
        // Bob: an activity, a customer of his own, and an edit of X (already counted for the group once).
        H.SignInAs(bob);
        At("2026-01-10T10:00:00Z");
        await H.Activities.CreateAsync(ActivityTestData.Edit(ActivityTestData.Visit, existing.Id, "Käynti", new DateTime(2026, 1, 10, 12, 0, 0)));
        await H.Customers.CreateAsync(new CustomerEdit { Name = "Zeta Oy", MunicipalityCode = "091" });
        var xForm = (await H.Customers.GetAsync(x)).ToEdit();
        xForm.Email = "info@iks.fi";
        await H.Customers.UpdateAsync(x, xForm);

        await using (var db = H.Db())
            await db.Users.Where(u => u.Id == carl.Id || u.DisplayName == "Eero Poissa").ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false));
        At("2026-03-10T09:30:00Z");
        H.SignInAs(people.Admin);
        return people;
    }

    private static UsageCounts Counts(int signIns, int activeDays, int activities, int created, int updated, int offers, int exports) =>
        new(signIns, activeDays, activities, created, updated, offers, exports);

    [Fact]
    public async Task Each_column_counts_the_period_per_user_and_per_group()
    {
        var p = await ArrangeAsync();

        var report = await Report.ReportAsync(Jan1, Jan31);

        UsageUserRow User(AppUser u) => Assert.Single(report.Users, r => r.UserId == u.Id);
        Assert.Equal(Counts(3, 3, 2, 1, 2, 0, 0), User(p.Alice).Counts);
        Assert.Equal(Counts(1, 1, 1, 1, 1, 1, 0), User(p.Bob).Counts);
        Assert.Equal(Counts(1, 1, 0, 0, 0, 0, 2), User(p.Carl).Counts);
        Assert.False(User(p.Carl).IsActive); // left, but worked in the period
        Assert.Equal(UsageCounts.Zero, User(p.Dana).Counts);
        Assert.DoesNotContain(report.Users, r => r.Name == "Eero Poissa");

        UsageGroupRow Group(UserGroup g) => Assert.Single(report.Groups, r => r.Group == g);
        Assert.Equal(Enum.GetValues<UserGroup>(), report.Groups.Select(g => g.Group));
        // X was edited by both account managers: one customer updated for the group, plus the contact's customer.
        Assert.Equal(new UsageGroupRow(UserGroup.AccountManager, 2, 2, Counts(4, 4, 3, 2, 2, 1, 0)), Group(UserGroup.AccountManager));
        Assert.Equal(new UsageGroupRow(UserGroup.Management, 0, 1, Counts(1, 1, 0, 0, 0, 0, 2)), Group(UserGroup.Management));
        Assert.Equal(new UsageGroupRow(UserGroup.Communications, 1, 0, UsageCounts.Zero), Group(UserGroup.Communications));
        Assert.Equal(new UsageGroupRow(UserGroup.ProjectOperations, 0, 0, UsageCounts.Zero), Group(UserGroup.ProjectOperations));

        Assert.Equal([Jan1], report.Months);
        Assert.Equal(new UsageMonth(UserGroup.AccountManager, Jan1, 2, 4), report.MonthOf(UserGroup.AccountManager, Jan1));
        Assert.Equal(new UsageMonth(UserGroup.Communications, Jan1, 0, 0), report.MonthOf(UserGroup.Communications, Jan1));
    }

    [Fact]
    public async Task The_period_turns_at_Helsinki_midnight_not_UTC()
    {
        var p = await ArrangeAsync();

        var december = Assert.Single((await Report.ReportAsync(new(2025, 12, 1), new(2025, 12, 31))).Users, r => r.UserId == p.Alice.Id);
        var february = Assert.Single((await Report.ReportAsync(new(2026, 2, 1), new(2026, 2, 28))).Users, r => r.UserId == p.Alice.Id);
        var winter = await Report.ReportAsync(new(2025, 12, 1), new(2026, 2, 28));

        // 21:59:59 UTC on New Year's Eve is still December in Helsinki; 22:00 UTC on 31 January is already February.
        Assert.Equal(Counts(0, 1, 1, 0, 0, 0, 0), december.Counts);
        Assert.Equal(Counts(1, 1, 1, 0, 0, 0, 0), february.Counts);
        Assert.Equal([new DateOnly(2025, 12, 1), Jan1, new DateOnly(2026, 2, 1)], winter.Months);
        Assert.Equal([1, 2, 1], winter.Months.Select(m => winter.MonthOf(UserGroup.AccountManager, m).ActiveUsers));
        Assert.Equal([1, 4, 1], winter.Months.Select(m => winter.MonthOf(UserGroup.AccountManager, m).ActiveDays));
    }

    [Fact]
    public async Task Only_administrators_get_the_report_and_a_reversed_period_is_refused()
    {
        var p = await ArrangeAsync();

        H.SignInAs(p.Alice);
        await Assert.ThrowsAsync<ForbiddenException>(() => Report.ReportAsync(Jan1, Jan31));
        await Assert.ThrowsAsync<ForbiddenException>(() => Report.SummaryAsync());
        H.SignInAs(p.Admin);
        using var _ = UiCulture.Finnish();
        var reversed = await Assert.ThrowsAsync<DomainException>(() => Report.ReportAsync(Jan31, Jan1));
        Assert.Equal("Aikavälin loppupäivä on ennen alkupäivää.", reversed.Message);
    }

    [Fact]
    public async Task The_summary_counts_the_last_thirty_days_per_group()
    {
        var alice = await H.CreateUserAsync(UserGroup.AccountManager, "Alice Asiakas");
        H.SignInAs(await H.CreateUserAsync(UserGroup.Administrator, "Sari Pääkäyttäjä"));
        await using (var db = H.Db())
        {
            // Today is 10.3.2026: the thirty days begin on 9.2.
            foreach (var (day, id) in new[] { (new DateOnly(2026, 2, 8), 1L), (new DateOnly(2026, 2, 9), 2L), (new DateOnly(2026, 3, 10), 3L) })
            {
                db.SignInRecords.Add(new SignInRecord { Id = id, UserId = alice.Id, LocalDate = day, AtUtc = day.ToDateTime(new TimeOnly(8, 0)) });
                db.UserActiveDays.Add(new UserActiveDay { UserId = alice.Id, Date = day });
            }
            await db.SaveChangesAsync();
        }

        var summary = await Report.SummaryAsync();

        Assert.Equal((new DateOnly(2026, 2, 9), new DateOnly(2026, 3, 10)), (summary.From, summary.To));
        Assert.Equal(new UsageSummaryRow(UserGroup.AccountManager, 1, 2), Assert.Single(summary.Groups, g => g.Group == UserGroup.AccountManager));
        Assert.Equal((1, 2), (summary.ActiveUsers, summary.SignIns));
    }

    [Fact]
    public async Task A_sign_in_is_recorded_on_its_Helsinki_date_and_a_day_is_written_once_per_user()
    {
        var alice = await H.CreateUserAsync(UserGroup.AccountManager, "Alice Asiakas");
        var recorder = H.Service<UsageRecorder>();
        At("2026-03-09T22:30:00Z"); // 00:30 on 10 March in Helsinki

        await recorder.RecordSignInAsync(alice.Id);
        await recorder.MarkActiveAsync(alice.Id);
        // Another process that has not seen the day yet writes it again: the key keeps one row.
        await new UsageRecorder(H.DbFactory, H.Clock, NullLogger<UsageRecorder>.Instance).MarkActiveAsync(alice.Id);
        H.Clock.Advance(TimeSpan.FromDays(1));
        await recorder.MarkActiveAsync(alice.Id);

        await using var db = H.Db();
        var signIn = await db.SignInRecords.SingleAsync();
        Assert.Equal((alice.Id, new DateOnly(2026, 3, 10), new DateTime(2026, 3, 9, 22, 30, 0)), (signIn.UserId, signIn.LocalDate, signIn.AtUtc));
        Assert.Equal([new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 11)],
            await db.UserActiveDays.Where(d => d.UserId == alice.Id).OrderBy(d => d.Date).Select(d => d.Date).ToListAsync());
    }

    [Fact]
    public async Task A_failed_write_is_logged_and_does_not_throw()
    {
        var recorder = H.Service<UsageRecorder>();

        await recorder.RecordSignInAsync(userId: 999_999); // no such user: the foreign key refuses it

        await using var db = H.Db();
        Assert.Empty(await db.SignInRecords.ToListAsync());
        Assert.Empty(await db.UserActiveDays.ToListAsync());
    }

    [Fact]
    public async Task Retention_deletes_only_records_older_than_three_years()
    {
        var alice = await H.CreateUserAsync(UserGroup.AccountManager, "Alice Asiakas");
        await using (var db = H.Db())
        {
            // Today is 10.3.2026: 10.3.2023 is kept, 9.3.2023 goes.
            foreach (var (day, id) in new[] { (new DateOnly(2023, 3, 9), 1L), (new DateOnly(2023, 3, 10), 2L), (new DateOnly(2026, 3, 1), 3L) })
            {
                db.SignInRecords.Add(new SignInRecord { Id = id, UserId = alice.Id, LocalDate = day, AtUtc = day.ToDateTime(new TimeOnly(8, 0)) });
                db.UserActiveDays.Add(new UserActiveDay { UserId = alice.Id, Date = day });
            }
            await db.SaveChangesAsync();
        }

        Assert.Equal(2, await H.Service<UsageRetention>().RemoveOldAsync());

        await using var check = H.Db();
        Assert.Equal([new DateOnly(2023, 3, 10), new DateOnly(2026, 3, 1)], await check.SignInRecords.OrderBy(s => s.LocalDate).Select(s => s.LocalDate).ToListAsync());
        Assert.Equal([new DateOnly(2023, 3, 10), new DateOnly(2026, 3, 1)], await check.UserActiveDays.OrderBy(s => s.Date).Select(s => s.Date).ToListAsync());
    }
}
