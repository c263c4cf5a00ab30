using System.Globalization;
using Microsoft.Data.Sqlite;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.Customers;
using SpreadCheetah;

namespace Portaali.Benchmarks.Scale;

/// <summary>
/// Each operation's question asked the fastest way we know on the same file, without the app's indexes changing: hand-written
/// SQL (unions instead of ORs, ranges on indexed columns, FTS5 directly, counts capped at 1,001 as the app's "over 1,000"),
/// the same export rows through a bare SpreadCheetah writer. The limit an operation is compared to.
/// </summary>
internal sealed class Baselines(string connectionString, BaseFacts facts)
{
    // One list row, as the app's ActivityRow: type, keyword, customer and the participants' names in the same row.
    private const string ActivityRow = """
        a.Id, a.StartsAtUtc, a.DurationMinutes, a.ActivityTypeId, t.Name, t.Color, k.Name, k.NeedsResolution, a.Title, a.Status,
        a.CustomerId, c.Name, a.Memo, a.Version,
        (SELECT group_concat(u.DisplayName, ', ') FROM ActivityParticipants pp JOIN Users u ON u.Id = pp.UserId WHERE pp.ActivityId = a.Id)
        """;
    private const string ActivityJoins = """
        JOIN ActivityTypes t ON t.Id = a.ActivityTypeId LEFT JOIN ActivityKeywords k ON k.Id = a.KeywordId LEFT JOIN Customers c ON c.Id = a.CustomerId
        """;

    public async Task<int> CustomerSearchAsync(string text)
    {
        var term = CustomerRules.SearchForm(text);
        var businessId = BusinessId.Normalize(text) ?? term;
        var codes = Municipalities.All.Where(m => m.Name.StartsWith(term, StringComparison.OrdinalIgnoreCase)).Select(m => $"'{m.Code}'").ToList();
        var matches = $"""
            SELECT Id FROM Customers WHERE NameSearch LIKE @like
            UNION SELECT CustomerId FROM Contacts WHERE NameSearch LIKE @like
            UNION SELECT Id FROM Customers WHERE BusinessId >= @id AND BusinessId < @id || x'F48FBFBF'
            UNION SELECT CustomerId FROM ExternalNumbers WHERE Number = @text
            {(codes.Count > 0 ? $"UNION SELECT Id FROM Customers WHERE MunicipalityCode IN ({string.Join(", ", codes)})" : "")}
            """;
        (string, object?)[] p = [("@like", "%" + term + "%"), ("@id", businessId), ("@text", text.Trim())];
        await ScalarAsync($"SELECT COUNT(*) FROM (SELECT 1 FROM Customers c WHERE c.Id IN ({matches}) AND NOT c.IsPassive LIMIT 1001)", p);
        return await RowsAsync($"""
            SELECT c.Id, c.Name, c.BusinessId, c.MunicipalityCode, c.Segment, c.SizeClass, c.Revenue, c.IsPassive FROM Customers c
            WHERE c.Id IN ({matches}) AND NOT c.IsPassive ORDER BY c.NameSearch, c.Id LIMIT 25
            """, p);
    }

    /// <summary>The search box's question for a whole Business ID: active customers with it or with it as an external number
    /// (the app finds both), counted up to 1,001, and the first page in name order.</summary>
    public async Task<int> BusinessIdAsync(string businessId)
    {
        const string Matching = """
            FROM Customers c WHERE NOT c.IsPassive AND c.Id IN (
                SELECT Id FROM Customers WHERE BusinessId = @id UNION SELECT CustomerId FROM ExternalNumbers WHERE Number = @id)
            """;
        await ScalarAsync($"SELECT COUNT(*) FROM (SELECT 1 {Matching} LIMIT 1001)", ("@id", businessId));
        return await RowsAsync($"""
            SELECT c.Id, c.Name, c.BusinessId, c.MunicipalityCode, c.Segment, c.SizeClass, c.Revenue, c.IsPassive
            {Matching} ORDER BY c.NameSearch, c.Id LIMIT 25
            """, ("@id", businessId));
    }

    /// <summary>What opening a customer shows: the customer, its numbers, responsible people, contacts with their roles,
    /// classifications, segment history and merges, whether it is a favourite, and the activities tab's count and first page.</summary>
    public async Task<int> CustomerWithActivitiesAsync(int customerId)
    {
        (string, object?) id = ("@id", customerId);
        await RowsAsync("SELECT * FROM Customers WHERE Id = @id", id);
        await RowsAsync("SELECT System, Number FROM ExternalNumbers WHERE CustomerId = @id", id);
        await RowsAsync("SELECT u.Id, u.DisplayName FROM CustomerResponsibles r JOIN Users u ON u.Id = r.UserId WHERE r.CustomerId = @id", id);
        await RowsAsync("""
            SELECT p.Id, p.FirstName, p.LastName, p.Title, p.Phone, p.Email, p.HasLeft, p.NoMarketingEmail, p.NoMarketingEmailChangedAtUtc,
                   (SELECT group_concat(n.Name, ', ') FROM ContactClassifications k JOIN ClassificationNodes n ON n.Id = k.NodeId WHERE k.ContactId = p.Id)
            FROM Contacts p WHERE p.CustomerId = @id ORDER BY p.HasLeft, p.LastName, p.FirstName, p.Id
            """, id);
        await RowsAsync("SELECT k.NodeId, k.AssignedAt, n.Name FROM CustomerClassifications k JOIN ClassificationNodes n ON n.Id = k.NodeId WHERE k.CustomerId = @id", id);
        await RowsAsync("SELECT \"From\", \"To\", Reason, ChangedByName, ChangedAt FROM SegmentChanges WHERE CustomerId = @id ORDER BY ChangedAt DESC, Id DESC", id);
        await RowsAsync("SELECT MergedName, MergedBusinessId, Summary, MergedAt FROM CustomerMerges WHERE SurvivorId = @id ORDER BY MergedAt DESC", id);
        await ScalarAsync($"SELECT EXISTS (SELECT 1 FROM Favourites WHERE UserId = {facts.UserId} AND CustomerId = @id)", id);
        await ScalarAsync("SELECT COUNT(*) FROM Activities WHERE CustomerId = @id", id);
        return await RowsAsync($"""
            SELECT {ActivityRow} FROM Activities a {ActivityJoins}
            WHERE a.CustomerId = @id ORDER BY a.StartsAtUtc DESC, a.Id DESC LIMIT {ActivityService.CustomerPageSize}
            """, id);
    }

    // On the participant rows' copies of their activity (migration ParticipantActivityCopy): the same data shape the app
    // reads, since no hand-written SQL over the activities themselves gets a person's 11,000 participations under 100 ms.
    public async Task<int> MyOpenAsync(int userId)
    {
        await ScalarAsync("SELECT COUNT(*) FROM (SELECT 1 FROM ActivityParticipants WHERE UserId = @user AND IsOpen LIMIT 1001)", ("@user", userId));
        return await RowsAsync($"""
            SELECT {ActivityRow} FROM (
                SELECT ActivityId FROM ActivityParticipants WHERE UserId = @user AND IsOpen ORDER BY StartsAtUtc, ActivityId LIMIT 50) o
            JOIN Activities a ON a.Id = o.ActivityId {ActivityJoins}
            ORDER BY a.StartsAtUtc, a.Id
            """, ("@user", userId));
    }

    public Task<int> TeamWeekHoursAsync(IReadOnlyList<int> team, IsoWeek week) => RowsAsync($"""
        SELECT s.UserId, t.Name, t.Color, t.SortOrder, s.Customer, s.Done, s.Minutes FROM (
            SELECT p.UserId, p.ActivityTypeId, p.IsCustomerWork AS Customer, NOT p.IsOpen AS Done, SUM(p.DurationMinutes) AS Minutes
            FROM ActivityParticipants p
            WHERE p.UserId IN ({string.Join(", ", team)}) AND p.IsoYear = @year AND p.IsoWeek = @week
            GROUP BY p.UserId, p.IsOpen, p.IsCustomerWork, p.ActivityTypeId) s
        JOIN ActivityTypes t ON t.Id = s.ActivityTypeId
        """, ("@year", week.Year), ("@week", week.Week));

    /// <summary>The team meeting as it opens: the team, its hours, each member's counts of this and next week, open negative
    /// feedback (count + first 25), the A accounts' last contact, and the first member's two weeks (count + first 25 each).</summary>
    public async Task<int> TeamMeetingAsync(IReadOnlyList<int> team, IsoWeek week)
    {
        var ids = string.Join(", ", team);
        var next = week.Next;
        const string Team = """
            FROM Users WHERE IsActive AND "Group" IN ('CustomerRelationshipManager', 'AccountManager')
            ORDER BY CASE WHEN "Group" = 'CustomerRelationshipManager' THEN 0 ELSE 1 END, DisplayName
            """;
        var rows = await RowsAsync("SELECT Id, DisplayName " + Team);
        await TeamWeekHoursAsync(team, week);
        foreach (var w in new[] { week, next })
        {
            // The team's participant rows' copies of the week: one covering seek of the week-hours index per person.
            rows += await RowsAsync($"""
                SELECT p.UserId, COUNT(*) FROM ActivityParticipants p
                WHERE p.UserId IN ({ids}) AND p.IsoYear = @y AND p.IsoWeek = @w GROUP BY p.UserId
                """, ("@y", w.Year), ("@w", w.Week));
        }
        const string OpenNegative = """
            FROM Activities a WHERE a.KeywordId IN (SELECT Id FROM ActivityKeywords WHERE NeedsResolution) AND a.Status IN ('Open', 'InProgress')
            """;
        await ScalarAsync("SELECT COUNT(*) " + OpenNegative);
        rows += await RowsAsync($"""
            WITH page AS (SELECT a.Id, a.StartsAtUtc {OpenNegative} ORDER BY a.StartsAtUtc, a.Id LIMIT 25)
            SELECT {ActivityRow} FROM page JOIN Activities a ON a.Id = page.Id {ActivityJoins} ORDER BY page.StartsAtUtc, page.Id
            """);
        rows += await RowsAsync("""
            SELECT c.Id, c.Name, (SELECT a.LocalDate FROM Activities a WHERE a.CustomerId = c.Id AND a.StartsAtUtc <= @now
                                  AND a.ActivityTypeId IN (SELECT Id FROM ActivityTypes WHERE RequiresCustomer) ORDER BY a.StartsAtUtc DESC LIMIT 1)
            FROM Customers c WHERE c.Segment = 'A' AND NOT c.IsPassive ORDER BY c.NameSearch
            """, ("@now", DateTime.UtcNow));
        var first = await ScalarAsync("SELECT Id " + Team + " LIMIT 1");
        foreach (var w in new[] { week, next })
        {
            // The count beside the page in one pass over the person's week in the copies (a window over their rows), then the
            // activities of the first 25.
            rows += await RowsAsync($"""
                WITH page AS (
                    SELECT p.ActivityId, p.StartsAtUtc, COUNT(*) OVER () AS Total FROM ActivityParticipants p
                    WHERE p.UserId = @u AND p.IsoYear = @y AND p.IsoWeek = @w
                    ORDER BY p.StartsAtUtc, p.ActivityId LIMIT 25)
                SELECT {ActivityRow}, page.Total FROM page JOIN Activities a ON a.Id = page.ActivityId {ActivityJoins}
                ORDER BY page.StartsAtUtc, page.ActivityId
                """, ("@y", w.Year), ("@w", w.Week), ("@u", first));
        }
        return rows;
    }

    // The calendar's people: "+p.UserId" tests each participant against the list instead of seeking the participants' key
    // once per person (200 seeks per activity for the whole staff).
    private string CalendarHas => $"EXISTS (SELECT 1 FROM ActivityParticipants p WHERE p.ActivityId = a.Id AND +p.UserId IN ({string.Join(", ", facts.Staff)}))";

    /// <summary>The calendar's question: the month's first entries by start (one more than shown, to know there are more)
    /// with the participants' names, and when there are more, their number up to the cap.</summary>
    public async Task<int> CalendarAsync(DateOnly from, DateOnly to)
    {
        var rows = await RowsAsync($"""
            SELECT a.Id, a.StartsAtUtc, a.DurationMinutes, a.Title, t.Name, t.Color, a.Status, k.NeedsResolution, c.Name,
                   (SELECT group_concat(u.DisplayName, ', ') FROM ActivityParticipants pp JOIN Users u ON u.Id = pp.UserId WHERE pp.ActivityId = a.Id), a.Version
            FROM Activities a {ActivityJoins}
            WHERE a.LocalDate >= @from AND a.LocalDate <= @to AND {CalendarHas}
            ORDER BY a.LocalDate, a.StartsAtUtc, a.Id LIMIT {CalendarService.MaxEntries + 1}
            """, ("@from", from), ("@to", to));
        if (rows > CalendarService.MaxEntries)
            await ScalarAsync($"""
                SELECT COUNT(*) FROM (SELECT 1 FROM Activities a WHERE a.LocalDate >= @from AND a.LocalDate <= @to AND {CalendarHas}
                LIMIT {CalendarService.CountCap + 1})
                """, ("@from", from), ("@to", to));
        return Math.Min(rows, CalendarService.MaxEntries);
    }

    /// <summary>Every entry of the month, counted exactly (for the report's note, not timed).</summary>
    public async Task<long> CalendarCountAsync(DateOnly from, DateOnly to) => await ScalarAsync($"""
        SELECT COUNT(*) FROM Activities a WHERE a.LocalDate >= @from AND a.LocalDate <= @to AND {CalendarHas}
        """, ("@from", from), ("@to", to));

    /// <summary>The app's strategy by hand (ActivityTextSearch): the matches counted in the index up to 10,001; past that,
    /// the newest 4,096 activities on the start-time index are a window whose id range asks the index once for its matches,
    /// and the count (1,001) and the page come from the window, read in list order. Only when the window holds too few
    /// matches, the matches are collected and sorted.</summary>
    public async Task<int> FullTextAsync(string word)
    {
        var match = "\"" + word + "\"";
        var many = await ScalarAsync("SELECT COUNT(*) FROM (SELECT 1 FROM ActivitySearch WHERE ActivitySearch MATCH @m LIMIT 10001)", ("@m", match)) > 10_000;
        if (many)
        {
            await using var connection = await OpenAsync();
            await using var window = Command(connection, """
                SELECT min(StartsAtUtc), min(Id), max(Id) FROM (SELECT StartsAtUtc, Id FROM Activities ORDER BY StartsAtUtc DESC, Id DESC LIMIT 4096)
                """, []);
            await using var reader = await window.ExecuteReaderAsync();
            await reader.ReadAsync();
            (string, object?)[] p = [("@m", match), ("@edge", reader.GetString(0)), ("@lo", reader.GetInt64(1)), ("@hi", reader.GetInt64(2))];
            const string InWindow = """
                a.StartsAtUtc > @edge AND +a.Id IN (SELECT rowid FROM ActivitySearch WHERE ActivitySearch MATCH @m AND rowid BETWEEN @lo AND @hi)
                """;
            if (await ScalarAsync($"SELECT COUNT(*) FROM (SELECT 1 FROM Activities a WHERE {InWindow} LIMIT 1001)", p) == 1001)
                return await RowsAsync($"SELECT {ActivityRow} FROM Activities a {ActivityJoins} WHERE {InWindow} ORDER BY a.StartsAtUtc DESC, a.Id DESC LIMIT 25", p);
        }
        await ScalarAsync("SELECT COUNT(*) FROM (SELECT 1 FROM ActivitySearch WHERE ActivitySearch MATCH @m LIMIT 1001)", ("@m", match));
        return await RowsAsync($"""
            SELECT {ActivityRow} FROM Activities a {ActivityJoins}
            WHERE a.Id IN (SELECT rowid FROM ActivitySearch WHERE ActivitySearch MATCH @m) ORDER BY a.StartsAtUtc DESC, a.Id DESC LIMIT 25
            """, ("@m", match));
    }

    public async Task<int> ExportAsync(int rows)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT a.StartsAtUtc, a.DurationMinutes, t.Name, k.Name, a.Title, c.Name, a.Status, a.Memo, a.ResolutionNote,
                   (SELECT group_concat(u.DisplayName, ', ') FROM ActivityParticipants pp JOIN Users u ON u.Id = pp.UserId WHERE pp.ActivityId = a.Id)
            FROM Activities a {ActivityJoins} ORDER BY a.StartsAtUtc DESC, a.Id DESC LIMIT {rows}
            """;
        using var output = new MemoryStream();
        var written = 0;
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(output))
        {
            await spreadsheet.StartWorksheetAsync("Toimenpiteet");
            await spreadsheet.AddRowAsync(new[] { "Päivä", "Klo", "Tunnit", "Tyyppi", "Avainsana", "Otsikko", "Asiakas", "Tila", "Osallistujat", "Muistio", "Ratkaisu" }
                .Select(h => new Cell(h)).ToArray());
            var cells = new Cell[11];
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var local = HelsinkiTime.ToLocal(reader.GetDateTime(0));
                cells[0] = new Cell(local.Date);
                cells[1] = new Cell(local.TimeOfDay.TotalDays);
                cells[2] = new Cell(Math.Round(reader.GetInt32(1) / 60m, 2));
                for (var i = 2; i < 10; i++) cells[i + 1] = new Cell(reader.IsDBNull(i) ? null : reader.GetString(i));
                await spreadsheet.AddRowAsync(cells);
                written++;
            }
            await spreadsheet.FinishAsync();
        }
        return written;
    }

    public async Task<int> DuplicatesAsync(string name, string municipalityCode)
    {
        var longest = CustomerRules.SearchForm(name).Split(' ').OrderByDescending(w => w.Length).First();
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Name FROM Customers WHERE MunicipalityCode = @m AND NameSearch LIKE @like";
        command.Parameters.AddWithValue("@m", municipalityCode);
        command.Parameters.AddWithValue("@like", "%" + longest + "%");
        await using var reader = await command.ExecuteReaderAsync();
        var found = 0;
        while (await reader.ReadAsync())
            if (CustomerRules.AreSimilarNames(name, reader.GetString(1))) found++;
        return found;
    }

    // The fastest hand-written form found (docs/selections.md): the candidates from the covering municipality index, the
    // customer's classifications read by its id alone ("+k.NodeId" keeps SQLite from seeking once per node of the
    // group), its contacts from their covering index; the page walks the customers' name index and stops at 25 rows.
    private string SelectionWhere => $"""
        WHERE NOT c.IsPassive AND NOT p.HasLeft AND c.MunicipalityCode IN ('049', '091', '092') AND c.SizeClass BETWEEN 3 AND 9
          AND EXISTS (SELECT 1 FROM CustomerClassifications k WHERE k.CustomerId = c.Id AND +k.NodeId IN (
                WITH RECURSIVE sub(Id) AS (SELECT {facts.WorkPlacementGroup} UNION ALL SELECT n.Id FROM ClassificationNodes n JOIN sub ON n.ParentId = sub.Id)
                SELECT Id FROM sub))
          AND EXISTS (SELECT 1 FROM ContactClassifications r WHERE r.ContactId = p.Id AND r.NodeId = {facts.DecisionMakerRole})
        """;

    public async Task<int> SelectionAsync()
    {
        await SelectionCountAsync();
        return await RowsAsync($"""
            SELECT p.Id, p.CustomerId, c.Name, c.BusinessId, p.FirstName || ' ' || p.LastName, p.Title, p.Email
            FROM Customers c INDEXED BY IX_Customers_NameSearch JOIN Contacts p ON p.CustomerId = c.Id
            {SelectionWhere}
            ORDER BY c.NameSearch, p.CustomerId, p.NameSearch, p.Id LIMIT 25
            """);
    }

    public Task<long> SelectionCountAsync() => ScalarAsync("SELECT COUNT(*) FROM Contacts p JOIN Customers c ON c.Id = p.CustomerId " + SelectionWhere);

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task<int> RowsAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            rows++;
        }
        return rows;
    }

    private async Task<long> ScalarAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
