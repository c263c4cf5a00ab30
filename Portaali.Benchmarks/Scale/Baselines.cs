using System.Globalization;
using Microsoft.Data.Sqlite;
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

    public async Task<int> BusinessIdAsync(string businessId)
    {
        await ScalarAsync("SELECT COUNT(*) FROM Customers WHERE BusinessId = @id AND NOT IsPassive", ("@id", businessId));
        return await RowsAsync("""
            SELECT Id, Name, BusinessId, MunicipalityCode, Segment, SizeClass, Revenue, IsPassive FROM Customers
            WHERE BusinessId = @id AND NOT IsPassive ORDER BY NameSearch, Id LIMIT 25
            """, ("@id", businessId));
    }

    public async Task<int> CustomerWithActivitiesAsync(int customerId)
    {
        await RowsAsync("SELECT * FROM Customers WHERE Id = @id", ("@id", customerId));
        await RowsAsync("SELECT * FROM Contacts WHERE CustomerId = @id ORDER BY NameSearch", ("@id", customerId));
        await RowsAsync("SELECT u.Id, u.DisplayName FROM CustomerResponsibles r JOIN Users u ON u.Id = r.UserId WHERE r.CustomerId = @id", ("@id", customerId));
        return await RowsAsync($"""
            SELECT {ActivityRow} FROM Activities a {ActivityJoins}
            WHERE a.CustomerId = @id ORDER BY a.StartsAtUtc DESC, a.Id DESC LIMIT 500
            """, ("@id", customerId));
    }

    public Task<int> MyOpenAsync(int userId) => RowsAsync($"""
        SELECT {ActivityRow} FROM ActivityParticipants p JOIN Activities a ON a.Id = p.ActivityId {ActivityJoins}
        WHERE p.UserId = @user AND a.Status <> 'Done' ORDER BY a.StartsAtUtc, a.Id LIMIT 1000
        """, ("@user", userId));

    public Task<int> TeamWeekHoursAsync(IReadOnlyList<int> team, IsoWeek week) => RowsAsync($"""
        SELECT s.UserId, t.Name, t.Color, t.SortOrder, s.Customer, s.Done, s.Minutes FROM (
            SELECT p.UserId, a.ActivityTypeId, a.CustomerId IS NOT NULL AS Customer, a.Status = 'Done' AS Done, SUM(a.DurationMinutes) AS Minutes
            FROM Activities a JOIN ActivityParticipants p ON p.ActivityId = a.Id
            WHERE a.IsoYear = @year AND a.IsoWeek = @week AND p.UserId IN ({string.Join(", ", team)})
            GROUP BY p.UserId, a.ActivityTypeId, Customer, Done) s
        JOIN ActivityTypes t ON t.Id = s.ActivityTypeId
        """, ("@year", week.Year), ("@week", week.Week));

    public async Task<int> TeamMeetingAsync(IReadOnlyList<int> team, IsoWeek week)
    {
        var ids = string.Join(", ", team);
        var next = week.Next;
        (string, object?)[] weeks = [("@y", week.Year), ("@w", week.Week), ("@ny", next.Year), ("@nw", next.Week)];
        await TeamWeekHoursAsync(team, week);
        var rows = await RowsAsync($"""
            SELECT {ActivityRow} FROM Activities a {ActivityJoins}
            WHERE ((a.IsoYear = @y AND a.IsoWeek = @w) OR (a.IsoYear = @ny AND a.IsoWeek = @nw))
              AND EXISTS (SELECT 1 FROM ActivityParticipants p WHERE p.ActivityId = a.Id AND p.UserId IN ({ids}))
            ORDER BY a.StartsAtUtc, a.Id
            """, weeks);
        await RowsAsync($"""
            SELECT p.ActivityId, p.UserId FROM Activities a JOIN ActivityParticipants p ON p.ActivityId = a.Id
            WHERE ((a.IsoYear = @y AND a.IsoWeek = @w) OR (a.IsoYear = @ny AND a.IsoWeek = @nw)) AND p.UserId IN ({ids})
            """, weeks);
        await RowsAsync($"""
            SELECT {ActivityRow} FROM Activities a {ActivityJoins}
            WHERE a.KeywordId IN (SELECT Id FROM ActivityKeywords WHERE NeedsResolution) AND a.Status <> 'Done'
            ORDER BY a.StartsAtUtc LIMIT 100
            """);
        await RowsAsync("""
            SELECT c.Id, c.Name, (SELECT MAX(a.LocalDate) FROM Activities a WHERE a.CustomerId = c.Id AND a.StartsAtUtc <= @now
                                  AND a.ActivityTypeId IN (SELECT Id FROM ActivityTypes WHERE RequiresCustomer))
            FROM Customers c WHERE c.Segment = 'A' AND NOT c.IsPassive ORDER BY c.NameSearch
            """, ("@now", DateTime.UtcNow));
        return rows;
    }

    /// <summary>The Helsinki days as a UTC range on the indexed start time: the same rows as LocalDate, which has no index.</summary>
    private static (string, object?)[] Month(DateOnly from, DateOnly to) =>
        [("@from", HelsinkiTime.ToUtc(from)), ("@to", HelsinkiTime.ToUtc(to.AddDays(1)))];

    public Task<int> CalendarAsync(DateOnly from, DateOnly to) => RowsAsync($"""
        SELECT a.Id, a.StartsAtUtc, a.DurationMinutes, a.Title, t.Name, t.Color, a.Status, k.NeedsResolution, c.Name,
               (SELECT group_concat(u.DisplayName, ', ') FROM ActivityParticipants pp JOIN Users u ON u.Id = pp.UserId WHERE pp.ActivityId = a.Id), a.Version
        FROM Activities a {ActivityJoins}
        WHERE a.StartsAtUtc >= @from AND a.StartsAtUtc < @to
          AND EXISTS (SELECT 1 FROM ActivityParticipants p WHERE p.ActivityId = a.Id AND p.UserId IN ({string.Join(", ", facts.Staff)}))
        ORDER BY a.StartsAtUtc, a.Id
        """, Month(from, to));

    public async Task<long> CalendarCountAsync(DateOnly from, DateOnly to) => await ScalarAsync($"""
        SELECT COUNT(*) FROM Activities a WHERE a.StartsAtUtc >= @from AND a.StartsAtUtc < @to
          AND EXISTS (SELECT 1 FROM ActivityParticipants p WHERE p.ActivityId = a.Id AND p.UserId IN ({string.Join(", ", facts.Staff)}))
        """, Month(from, to));

    public async Task<int> FullTextAsync(string word)
    {
        var match = "\"" + word + "\"";
        await ScalarAsync("SELECT COUNT(*) FROM (SELECT 1 FROM ActivitySearch WHERE ActivitySearch MATCH @m LIMIT 1001)", ("@m", match));
        // Newest first by walking the start-time index and probing the (materialised) matches: stops after 25 rows.
        return await RowsAsync($"""
            WITH hits(Id) AS MATERIALIZED (SELECT rowid FROM ActivitySearch WHERE ActivitySearch MATCH @m)
            SELECT {ActivityRow} FROM Activities a INDEXED BY IX_Activities_StartsAtUtc {ActivityJoins}
            WHERE a.Id IN hits ORDER BY a.StartsAtUtc DESC, a.Id DESC LIMIT 25
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
