using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portaali.Core.Activities;
using Portaali.Core.Campaigns;
using Portaali.Core.Classifications;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Exports;
using Portaali.Core.Segments;
using Portaali.Core.Selections;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Exports;

/// <summary>Records the exports handed to the job queue, so a test runs them itself without Hangfire.</summary>
public sealed class RecordingExportQueue : IExportQueue
{
    public List<int> Queued { get; } = [];
    public void Enqueue(int jobId) => Queued.Add(jobId);
}

/// <summary>
/// Exports queued as jobs on a real SQLite file and written to real .xlsx files, read back by ClosedXML (values, Excel types,
/// frozen header, auto-filter, titles in the UI language, formula-like text kept as text) and by LibreOffice.
/// </summary>
public class ExportJobTests : IAsyncLifetime
{
    private const string Hyperlink = "=HYPERLINK(\"http://x\",\"y\")";
    private readonly string folder = Directory.CreateTempSubdirectory("portaali-exports-").FullName;
    private CoreHarness h = null!;

    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    public async Task InitializeAsync() => h = await HarnessAsync(folder, ExcelWriter.MaxRows);

    private Task<CoreHarness> HarnessAsync(string folder, int maxRows) => CoreHarness.CreateAsync(provider: DatabaseProvider, configure: s =>
    {
        s.AddSingleton<IExportQueue, RecordingExportQueue>();
        s.Configure<ExportOptions>(o =>
        {
            o.Folder = folder;
            o.ProgressEvery = 10_000;
            o.MaxRows = maxRows;
        });
    });

    public async Task DisposeAsync()
    {
        await h.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private ExportService Exports => h.Service<ExportService>();
    private ExportRunner Runner => h.Service<ExportRunner>();
    private List<int> Queued => ((RecordingExportQueue)h.Service<IExportQueue>()).Queued;

    private static readonly string[] ContactColumns =
        ["name", "businessId", "sizeClass", "revenue", "segment", "responsibles", "classifications", "lastContact", "firstName", "lastName",
         "title", "area", "decisionLevel", "roles", "noMarketingEmail", "noMarketingEmailDate"];

    /// <summary>Espoo's two customers: one named like a formula, with a revenue, classification, responsible person and a
    /// done visit; its contacts carry the other formula-like texts and a marketing opt-out.</summary>
    private async Task<SelectionDefinition> ArrangeEspooAsync()
    {
        var manager = await h.CreateUserAsync(UserGroup.AccountManager, "Sörén Äijälä");
        await h.SignInAsAsync(UserGroup.SalesAndMarketing);
        int groupNode, roleNode;
        await using (var db = h.Db())
        {
            var root = new ClassificationNode { Name = "Asiakasryhmä", Target = ClassificationTarget.Customer };
            var child = new ClassificationNode { Name = "Työssäoppimispaikka", Target = ClassificationTarget.Customer, Parent = root };
            var role = new ClassificationNode { Name = "Päättäjä", Target = ClassificationTarget.Contact };
            db.ClassificationNodes.AddRange(root, child, role);
            await db.SaveChangesAsync();
            (groupNode, roleNode) = (child.Id, role.Id);
        }
        var formula = await h.AddCustomerAsync(Hyperlink, "1234567-1", "049", Segment.A, configure: c =>
        {
            c.Revenue = 1_234_567.89m;
            c.SizeClass = 6;
        });
        var plain = await h.AddCustomerAsync("Espoon Kone Oy", "7654321-0", "049", Segment.B);
        await h.AddResponsibleAsync(formula.Id, manager.Id);
        await h.AddContactAsync(formula.Id, "+1", "-1", p =>
        {
            p.Title = "@SUM(A1)";
            p.AreaOfResponsibility = "\tsarkain";
            p.DecisionLevel = "\rrivinvaihto";
            p.Email = "a@example.fi";
            p.NoMarketingEmail = true;
            p.NoMarketingEmailChangedAtUtc = new DateTime(2026, 2, 27, 22, 30, 0, DateTimeKind.Utc); // 28.2. in Helsinki
        });
        await h.AddContactAsync(plain.Id, "Äini", "Öhman", p => p.Email = "aini@example.fi");
        await using (var db = h.Db())
        {
            db.CustomerClassifications.Add(new CustomerClassification { CustomerId = formula.Id, NodeId = groupNode, AssignedAt = CoreHarness.Now.UtcDateTime });
            var contact = await db.Contacts.FirstAsync(p => p.CustomerId == formula.Id);
            db.ContactClassifications.Add(new ContactClassification { ContactId = contact.Id, NodeId = roleNode, AssignedAt = CoreHarness.Now.UtcDateTime });
            foreach (var (date, status) in new[] { (new DateOnly(2026, 3, 2), ActivityStatus.Done), (new DateOnly(2026, 1, 5), ActivityStatus.Done),
                         (new DateOnly(2026, 3, 9), ActivityStatus.Open) })
                db.Activities.Add(new Activity
                {
                    CustomerId = formula.Id, ActivityTypeId = 5, Title = "Käynti", LocalDate = date, Status = status,
                    StartsAtUtc = date.ToDateTime(new TimeOnly(8, 0)), CreatedByUserId = manager.Id,
                });
            await db.SaveChangesAsync();
        }
        return new SelectionDefinition(SelectionTarget.Contacts,
            new CriteriaGroup { Children = [new MunicipalityCriterion { Codes = ["049"] }] });
    }

    private async Task<ExportJobSummary> ExportAsync(ExportRequest request)
    {
        var id = await Exports.QueueAsync(request);
        Assert.Equal(id, Queued[^1]);
        await Runner.RunAsync(id);
        return await Exports.GetAsync(id);
    }

    private async Task<XLWorkbook> OpenAsync(ExportJobSummary job)
    {
        var file = await Exports.OpenAsync(job.Id);
        var copy = new MemoryStream();
        await using (file.Content) await file.Content.CopyToAsync(copy);
        copy.Position = 0;
        return new XLWorkbook(copy);
    }

    [Fact]
    public async Task A_selection_export_has_typed_cells_a_frozen_filtered_header_and_formula_like_text_as_text()
    {
        var definition = await ArrangeEspooAsync();
        using var _ = UiCulture.Finnish();
        var job = await ExportAsync(new ExportRequest(ExportSourceKind.Definition, "Espoo / päättäjät") { Definition = definition, Columns = ContactColumns });

        Assert.Equal(ExportState.Done, job.State);
        Assert.Equal(2, job.Total);
        Assert.Equal(2, job.Done);
        Assert.Equal("Espoo päättäjät 2026-03-10.xlsx", job.FileName);
        using var book = await OpenAsync(job);
        var sheet = book.Worksheet(1);

        Assert.Equal(["Nimi", "Y-tunnus", "Kokoluokka", "Liikevaihto", "Segmentti", "Vastuuhenkilöt", "Luokitukset", "Viimeisin yhteydenotto",
            "Etunimi", "Sukunimi", "Tehtävänimike", "Vastuualue", "Päätöstaso", "Roolit", "Markkinointipostikielto", "Kiellon päivä"],
            sheet.Row(1).Cells(1, ContactColumns.Length).Select(c => c.GetString()));
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.Equal("A:P", sheet.AutoFilter.Range.RangeAddress.ToString());

        // Rows by customer name: "=HYPERLINK…" sorts before "Espoon Kone Oy". The leading CR comes back as a line feed: XML
        // reads every line break as LF; what matters is that it is text, not a formula.
        foreach (var (column, text) in new[] { (1, Hyperlink), (9, "+1"), (10, "-1"), (11, "@SUM(A1)"), (12, "\tsarkain"), (13, "\nrivinvaihto") })
        {
            var cell = sheet.Cell(2, column);
            Assert.False(cell.HasFormula, text);
            Assert.Equal(XLDataType.Text, cell.DataType);
            Assert.Equal(text, cell.GetString());
        }
        Assert.Equal(XLDataType.Number, sheet.Cell(2, 3).DataType);
        Assert.Equal(6, sheet.Cell(2, 3).GetDouble());
        Assert.Equal(XLDataType.Number, sheet.Cell(2, 4).DataType);
        Assert.Equal(1_234_567.89, sheet.Cell(2, 4).GetDouble());
        Assert.Contains("€", sheet.Cell(2, 4).Style.NumberFormat.Format);
        Assert.Equal("A – avainasiakas", sheet.Cell(2, 5).GetString());
        Assert.Equal("Sörén Äijälä", sheet.Cell(2, 6).GetString());
        Assert.Equal("Asiakasryhmä › Työssäoppimispaikka", sheet.Cell(2, 7).GetString());
        Assert.Equal(XLDataType.DateTime, sheet.Cell(2, 8).DataType);
        Assert.Equal(new DateTime(2026, 3, 2), sheet.Cell(2, 8).GetDateTime()); // the latest done one, not the open 9.3.
        Assert.Equal("Päättäjä", sheet.Cell(2, 14).GetString());
        Assert.Equal("Kyllä", sheet.Cell(2, 15).GetString());
        Assert.Equal(new DateTime(2026, 2, 28), sheet.Cell(2, 16).GetDateTime());

        Assert.Equal("Espoon Kone Oy", sheet.Cell(3, 1).GetString());
        Assert.Equal("Äini", sheet.Cell(3, 9).GetString());
        Assert.True(sheet.Cell(3, 8).IsEmpty()); // no done activity: no last contact
        Assert.True(sheet.Cell(3, 15).IsEmpty());
        Assert.True(sheet.Row(4).IsEmpty());
    }

    [Fact]
    public async Task Titles_and_texts_are_in_the_language_of_the_person_who_started_the_export()
    {
        var definition = await ArrangeEspooAsync();
        int id;
        using (UiCulture.English())
            id = await Exports.QueueAsync(new ExportRequest(ExportSourceKind.Definition, "Espoo") { Definition = definition, Columns = ContactColumns });
        using (UiCulture.Finnish()) await Runner.RunAsync(id); // the job server's own language does not matter

        using var book = await OpenAsync(await Exports.GetAsync(id));
        var sheet = book.Worksheet(1);
        Assert.Equal(["Name", "Business ID", "Size class", "Revenue", "Segment"], sheet.Row(1).Cells(1, 5).Select(c => c.GetString()));
        Assert.Equal("No marketing e-mail", sheet.Cell(1, 15).GetString());
        Assert.Equal("Yes", sheet.Cell(2, 15).GetString());
    }

    [Fact]
    public async Task A_campaign_export_has_each_members_step_its_date_and_the_last_mailings_outcome()
    {
        await ArrangeEspooAsync();
        var me = await h.SignInAsAsync(UserGroup.SalesAndMarketing);
        int campaignId;
        await using (var db = h.Db())
        {
            var contacts = await db.Contacts.OrderBy(p => p.Id).ToListAsync();
            var campaign = new Campaign { Name = "Syysseminaari", OwnerUserId = me.Id };
            campaign.Members.Add(new CampaignMember { ContactId = contacts[0].Id, CustomerId = contacts[0].CustomerId, Step = CampaignStep.Registered,
                StepChangedAtUtc = new DateTime(2026, 3, 4, 10, 0, 0, DateTimeKind.Utc) });
            campaign.Members.Add(new CampaignMember { ContactId = contacts[1].Id, CustomerId = contacts[1].CustomerId, Step = CampaignStep.Invited,
                StepChangedAtUtc = new DateTime(2026, 3, 3, 10, 0, 0, DateTimeKind.Utc) });
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            var older = new CampaignMailing { CampaignId = campaign.Id, Subject = "Ensimmäinen", Body = "." };
            var latest = new CampaignMailing { CampaignId = campaign.Id, Subject = "Muistutus", Body = "." };
            db.CampaignMailings.AddRange(older, latest);
            await db.SaveChangesAsync();
            db.MailingDeliveries.AddRange(
                new MailingDelivery { MailingId = older.Id, MemberId = campaign.Members[1].Id, State = DeliveryState.Sent },
                new MailingDelivery { MailingId = latest.Id, MemberId = campaign.Members[0].Id, State = DeliveryState.SkippedOptedOut },
                new MailingDelivery { MailingId = latest.Id, MemberId = campaign.Members[1].Id, State = DeliveryState.Failed });
            await db.SaveChangesAsync();
            campaignId = campaign.Id;
        }
        using var _ = UiCulture.Finnish();
        var job = await ExportAsync(new ExportRequest(ExportSourceKind.Campaign, "Syysseminaari")
            { SourceId = campaignId, Columns = ["name", "firstName", "step", "stepChanged", "lastMailing"] });

        using var book = await OpenAsync(job);
        var sheet = book.Worksheet(1);
        Assert.Equal(["Nimi", "Etunimi", "Vaihe", "Vaihe muuttui", "Viimeisin postitus"], sheet.Row(1).Cells(1, 5).Select(c => c.GetString()));
        Assert.Equal([Hyperlink, "+1", "Ilmoittautunut"], sheet.Row(2).Cells(1, 3).Select(c => c.GetString()));
        Assert.Equal(new DateTime(2026, 3, 4), sheet.Cell(2, 4).GetDateTime());
        Assert.Equal("Kieltänyt markkinointipostin", sheet.Cell(2, 5).GetString());
        Assert.Equal(["Espoon Kone Oy", "Äini", "Kutsuttu"], sheet.Row(3).Cells(1, 3).Select(c => c.GetString()));
        Assert.Equal("Epäonnistui", sheet.Cell(3, 5).GetString());
    }

    [Fact]
    public async Task LibreOffice_reads_the_export_with_dates_numbers_and_formula_like_text_as_typed()
    {
        var definition = await ArrangeEspooAsync();
        using var _ = UiCulture.Finnish();
        var job = await ExportAsync(new ExportRequest(ExportSourceKind.Definition, "Espoo") { Definition = definition, Columns = ContactColumns });
        var file = await Exports.OpenAsync(job.Id);
        await file.Content.DisposeAsync();
        var path = Directory.GetFiles(folder, "*.xlsx").Single();

        var output = Directory.CreateTempSubdirectory("portaali-lo-");
        List<string[]> rows;
        try { rows = await LibreOffice.RowsOfAsync(path, output.FullName); }
        finally { output.Delete(recursive: true); }
        Assert.Equal(3, rows.Count);
        Assert.Equal("Nimi", rows[0][0]);
        Assert.Equal("Kiellon päivä", rows[0][15]);
        // Had the name been read as a formula, LibreOffice would print the link's label "y" here.
        Assert.Equal(Hyperlink, rows[1][0]);
        Assert.Equal("6", rows[1][2]);
        Assert.Equal("1,234,567.89 €", rows[1][3]);
        Assert.Equal("2.3.2026", rows[1][7]);
        Assert.Equal(["+1", "-1", "@SUM(A1)"], rows[1][8..11]);
        Assert.Equal("28.2.2026", rows[1][15]);
        Assert.Equal(["Espoon Kone Oy", "7654321-0"], rows[2][..2]);
    }

    private static readonly string[] SqliteLargeBase =
    [
        """
        CREATE TABLE "ProgressLog" ("Done" INTEGER NOT NULL);
        CREATE TRIGGER LogProgress AFTER UPDATE OF "Done" ON "ExportJobs" BEGIN INSERT INTO "ProgressLog" VALUES (NEW."Done"); END;
        """,
        """
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 600)
        INSERT INTO Customers (Name, NameSearch, MunicipalityCode, SizeClass, Segment, IsPassive, CreatedAt, Version)
        SELECT 'Yritys ' || printf('%04d', i), 'yritys ' || printf('%04d', i), '049', 3, 'C', 0, '2026-01-01 00:00:00', lower(hex(randomblob(16)))
        FROM n;
        """,
        """
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60000)
        INSERT INTO Contacts (CustomerId, FirstName, LastName, NameSearch, Email, HasLeft, NoMarketingEmail, Version)
        SELECT c.Id, 'Etu' || i, 'Suku' || i, 'etu' || i || ' suku' || i, 'h' || i || '@example.fi', 0, 0, lower(hex(randomblob(16)))
        FROM n JOIN (SELECT Id, ROW_NUMBER() OVER (ORDER BY Id) - 1 AS k FROM Customers) c ON c.k = (n.i - 1) % 600;
        """,
    ];

    private static readonly string[] PostgreSqlLargeBase =
    [
        """
        CREATE TABLE "ProgressLog" ("Done" integer NOT NULL);
        CREATE FUNCTION log_progress() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO "ProgressLog" VALUES (NEW."Done"); RETURN NULL; END $$;
        CREATE TRIGGER "LogProgress" AFTER UPDATE OF "Done" ON "ExportJobs" FOR EACH ROW EXECUTE FUNCTION log_progress();
        """,
        """
        INSERT INTO "Customers" ("Name", "NameSearch", "MunicipalityCode", "SizeClass", "Segment", "IsPassive", "CreatedAt", "Version")
        SELECT 'Yritys ' || lpad(i::text, 4, '0'), 'yritys ' || lpad(i::text, 4, '0'), '049', 3, 'C', false, timestamptz '2026-01-01 00:00:00+00', gen_random_uuid()
        FROM generate_series(1, 600) AS n(i);
        """,
        """
        INSERT INTO "Contacts" ("CustomerId", "FirstName", "LastName", "NameSearch", "Email", "HasLeft", "NoMarketingEmail", "Version")
        SELECT c."Id", 'Etu' || i, 'Suku' || i, 'etu' || i || ' suku' || i, 'h' || i || '@example.fi', false, false, gen_random_uuid()
        FROM generate_series(1, 60000) AS n(i) JOIN (SELECT "Id", ROW_NUMBER() OVER (ORDER BY "Id") - 1 AS k FROM "Customers") c ON c.k = (n.i - 1) % 600;
        """,
    ];

    [Fact]
    public async Task A_large_export_runs_as_a_job_reporting_progress_until_done_reaches_the_total()
    {
        await h.SignInAsAsync(UserGroup.SalesAndMarketing);
        await using (var db = h.Db())
        {
            // A log of every progress save, and 60,000 contacts at 600 customers made in SQL: a loop of inserts through EF would
            // take minutes. Each provider's own SQL for the same rows.
            foreach (var sql in h.Provider == DatabaseProvider.Sqlite ? SqliteLargeBase : PostgreSqlLargeBase)
                await db.Database.ExecuteSqlRawAsync(sql);
        }
        var definition = new SelectionDefinition(SelectionTarget.Contacts, new CriteriaGroup { Children = [new ContactEmailCriterion()] });

        var job = await ExportAsync(new ExportRequest(ExportSourceKind.Definition, "Kaikki")
            { Definition = definition, Columns = ["name", "lastContact", "firstName", "lastName", "contactEmail"] });

        Assert.Equal((ExportState.Done, null), (job.State, job.Error));
        Assert.Equal(60_000, job.Total);
        Assert.Equal(60_000, job.Done);
        Assert.Equal(100, job.Percent);
        await using (var db = h.Db())
        {
            var progress = await db.Database.SqlQueryRaw<int>("""SELECT "Done" AS "Value" FROM "ProgressLog" """).ToListAsync();
            Assert.Equal([10_000, 20_000, 30_000, 40_000, 50_000, 60_000], progress.Distinct()); // every 10,000 rows, then the final save
        }
        using var book = await OpenAsync(job);
        var sheet = book.Worksheet(1);
        Assert.Equal(60_001, sheet.LastRowUsed().RowNumber());
        Assert.Equal("Yritys 0600", sheet.Cell(60_001, 1).GetString());
        Assert.True(job.FileBytes > 0);
    }

    [Fact]
    public async Task An_export_past_the_row_limit_fails_up_front_with_the_counts_in_its_message()
    {
        await h.DisposeAsync();
        h = await HarnessAsync(folder, maxRows: 3);
        await h.SignInAsAsync(UserGroup.SalesAndMarketing);
        foreach (var name in new[] { "A Oy", "B Oy", "C Oy", "D Oy" }) await h.AddCustomerAsync(name);
        using var _ = UiCulture.Finnish();

        var job = await ExportAsync(new ExportRequest(ExportSourceKind.Definition, "Liian iso")
            { Definition = new SelectionDefinition(SelectionTarget.Customers, new CriteriaGroup()), Columns = ["name"] });

        Assert.Equal(ExportState.Failed, job.State);
        Assert.Equal("Vietäviä rivejä on 4, mutta Excel-taulukkoon mahtuu enintään 3 riviä. Rajaa poimintaa ja yritä uudelleen.", job.Error);
        Assert.Empty(Directory.GetFiles(folder));
        await Assert.ThrowsAsync<NotFoundException>(() => Exports.OpenAsync(job.Id));
    }

    [Fact]
    public async Task The_customer_list_exports_with_its_filter_for_management_and_is_refused_to_an_account_manager()
    {
        await h.SignInAsAsync(UserGroup.AccountManager);
        await h.AddCustomerAsync("Espoon Kone Oy", municipalityCode: "049", configure: c => c.Revenue = 2_500_000.5m);
        await h.AddCustomerAsync("Helsingin Sähkö Oy", municipalityCode: "091");
        await h.AddCustomerAsync("Lopettanut Oy", municipalityCode: "049", passive: true);
        var request = new ExportRequest(ExportSourceKind.Customers, "Asiakkaat")
            { CustomerQuery = new Portaali.Core.Customers.CustomerQuery { MunicipalityCode = "049" }, Columns = ["name", "municipality", "revenue", "firstName"] };
        await Assert.ThrowsAsync<ForbiddenException>(() => Exports.QueueAsync(request));

        await h.SignInAsAsync(UserGroup.Management);
        using var _ = UiCulture.Finnish();
        var job = await ExportAsync(request);

        using var book = await OpenAsync(job);
        var sheet = book.Worksheet(1);
        Assert.Equal(["Nimi", "Kunta", "Liikevaihto", ""], sheet.Row(1).Cells(1, 4).Select(c => c.GetString())); // no contact columns
        Assert.Equal(["Espoon Kone Oy", "Espoo"], sheet.Row(2).Cells(1, 2).Select(c => c.GetString()));
        Assert.Equal(2_500_000.5, sheet.Cell(2, 3).GetDouble());
        Assert.True(sheet.Row(3).IsEmpty()); // Helsinki filtered out, the passive one left out as on the list
    }

    [Fact]
    public async Task Someone_elses_personal_selection_is_refused_and_a_shared_one_is_queued()
    {
        var other = await h.CreateUserAsync(UserGroup.AccountManager, "Toinen Käyttäjä");
        await h.SignInAsAsync(UserGroup.SalesAndMarketing);
        int personal, shared;
        await using (var db = h.Db())
        {
            var a = new Selection { Name = "Oma", OwnerUserId = other.Id, Target = SelectionTarget.Customers };
            var b = new Selection { Name = "Jaettu", OwnerUserId = other.Id, Target = SelectionTarget.Customers, IsShared = true };
            db.Selections.AddRange(a, b);
            await db.SaveChangesAsync();
            (personal, shared) = (a.Id, b.Id);
        }

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Exports.QueueAsync(new ExportRequest(ExportSourceKind.Selection, "Oma") { SourceId = personal, Columns = ["name"] }));
        Assert.Empty(Queued);
        var id = await Exports.QueueAsync(new ExportRequest(ExportSourceKind.Selection, "Jaettu") { SourceId = shared, Columns = ["name"] });
        Assert.Equal([id], Queued);
        Assert.Equal(ExportState.Queued, (await Exports.GetAsync(id)).State);
    }

    [Fact]
    public async Task An_export_without_columns_is_refused_and_another_users_job_is_not_found()
    {
        var me = await h.SignInAsAsync(UserGroup.SalesAndMarketing);
        var definition = new SelectionDefinition(SelectionTarget.Customers, new CriteriaGroup());
        await Assert.ThrowsAsync<DomainException>(() =>
            Exports.QueueAsync(new ExportRequest(ExportSourceKind.Definition, "Tyhjä") { Definition = definition, Columns = ["no-such-column"] }));

        var id = await Exports.QueueAsync(new ExportRequest(ExportSourceKind.Definition, "Oma") { Definition = definition, Columns = ["name"] });
        await Runner.RunAsync(id);
        h.SignInAs(await h.CreateUserAsync(UserGroup.AccountManager));
        await Assert.ThrowsAsync<NotFoundException>(() => Exports.GetAsync(id));
        await Assert.ThrowsAsync<NotFoundException>(() => Exports.OpenAsync(id));
        Assert.Empty(await Exports.MineAsync());
        h.SignInAs(me);
        Assert.Equal([id], (await Exports.MineAsync()).Select(j => j.Id));
    }

    [Fact]
    public async Task The_daily_clean_up_removes_exports_older_than_a_week_with_their_files()
    {
        await h.SignInAsAsync(UserGroup.SalesAndMarketing);
        await h.AddCustomerAsync("A Oy");
        var definition = new SelectionDefinition(SelectionTarget.Customers, new CriteriaGroup());
        var old = (await ExportAsync(new ExportRequest(ExportSourceKind.Definition, "Vanha") { Definition = definition, Columns = ["name"] })).Id;
        h.Clock.Advance(TimeSpan.FromDays(6));
        var recent = (await ExportAsync(new ExportRequest(ExportSourceKind.Definition, "Uusi") { Definition = definition, Columns = ["name"] })).Id;
        Assert.Equal(2, Directory.GetFiles(folder).Length);

        h.Clock.Advance(TimeSpan.FromDays(1.5));
        Assert.Equal(1, await Runner.RemoveExpiredAsync());

        Assert.Equal([recent], (await Exports.MineAsync()).Select(j => j.Id));
        Assert.Single(Directory.GetFiles(folder));
        await Assert.ThrowsAsync<NotFoundException>(() => Exports.OpenAsync(old));
        await (await Exports.OpenAsync(recent)).Content.DisposeAsync();
    }
}
