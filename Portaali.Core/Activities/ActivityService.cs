using Microsoft.EntityFrameworkCore;
using Portaali.Core.Calendar;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Activities;

/// <summary>Recording, editing, closing, listing and browsing activities, with the rules of the thesis enforced here.</summary>
public class ActivityService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    public const int MaxExportRows = 20_000;
    /// <summary>The customer's activities tab shows this many at first and as many more at each "show more".</summary>
    public const int CustomerPageSize = 50;
    public const int MaxCustomerRows = 2_000;

    /// <summary>Types, keywords, templates and active users for the activity form.</summary>
    public async Task<ActivityFormData> GetFormDataAsync(CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var types = await db.ActivityTypes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new TypeOption(t.Id, CoreText.ReaderIsEnglish ? t.NameEn ?? t.Name : t.Name, t.SystemKey, t.Color, t.RequiresCustomer, t.IsRetired, t.Name, t.NameEn))
            .ToListAsync(ct);
        var keywords = await db.ActivityKeywords.AsNoTracking().OrderBy(k => k.Name)
            .Select(k => new KeywordOption(k.Id, k.ActivityTypeId, CoreText.ReaderIsEnglish ? k.NameEn ?? k.Name : k.Name, k.NeedsResolution, k.IsRetired, k.Name, k.NameEn))
            .ToListAsync(ct);
        var templates = await db.ActivityTemplates.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new TemplateOption(t.Id, t.ActivityTypeId, CoreText.ReaderIsEnglish ? t.NameEn ?? t.Name : t.Name, CoreText.ReaderIsEnglish ? t.BodyEn ?? t.Body : t.Body, t.IsRetired,
                t.Name, t.NameEn, t.Body, t.BodyEn)).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new PersonRef(u.Id, u.DisplayName)).ToListAsync(ct);
        return new ActivityFormData(types, keywords, templates, users, await Projects.ProjectQueries.OpenChoicesAsync(db, ct));
    }

    /// <summary>The customer's contacts who still work there, for attaching to an activity.</summary>
    public async Task<IReadOnlyList<PersonRef>> GetContactsAsync(int customerId, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Contacts.AsNoTracking().Where(c => c.CustomerId == customerId && !c.HasLeft)
            .OrderBy(c => c.LastName).ThenBy(c => c.FirstName)
            .Select(c => new PersonRef(c.Id, c.FirstName + " " + c.LastName)).ToListAsync(ct);
    }

    public async Task<ActivityDetails> GetAsync(int id, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        var isAdministrator = await guard.IsAllowedAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.Activities.AsNoTracking().AsSplitQuery()
            .Include(x => x.Participants).Include(x => x.Contacts).Include(x => x.Type).Include(x => x.Customer)
            .FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(CoreText.Get("ActivityNotFound"));
        var local = HelsinkiTime.ToLocal(a.StartsAtUtc);
        var edit = new ActivityEdit
        {
            CustomerId = a.CustomerId, TypeId = a.ActivityTypeId, KeywordId = a.KeywordId, Title = a.Title,
            Date = local.Date, StartTime = local.TimeOfDay, DurationMinutes = a.DurationMinutes, Status = a.Status,
            Memo = a.Memo, ResolutionNote = a.ResolutionNote, EmailMessageId = a.EmailMessageId, Version = a.Version, ProjectId = a.ProjectId,
            ParticipantIds = a.Participants.Select(p => p.UserId).ToList(), ContactIds = a.Contacts.Select(c => c.ContactId).ToList(),
        };
        // Contacts already attached stay visible even if they have since left.
        var contacts = a.CustomerId is { } customerId
            ? await db.Contacts.AsNoTracking().Where(c => c.CustomerId == customerId && (!c.HasLeft || edit.ContactIds.Contains(c.Id)))
                .OrderBy(c => c.LastName).ThenBy(c => c.FirstName).Select(c => new PersonRef(c.Id, c.FirstName + " " + c.LastName)).ToListAsync(ct)
            : [];
        var laterInSeries = a.SeriesId is { } seriesId
            ? await LaterInSeries(db, seriesId, a.StartsAtUtc).CountAsync(ct)
            : 0;
        return new ActivityDetails(a.Id, edit, (CoreText.ReaderIsEnglish ? a.Type!.NameEn ?? a.Type!.Name : a.Type!.Name), a.Customer?.Name, a.Customer?.IsPassive ?? false,
            a.CreatedByName, a.CreatedAtUtc, a.UpdatedByName, a.UpdatedAtUtc, a.ResolvedAtUtc, a.ResolvedByName, contacts,
            ActivityRules.CanDelete(a.CreatedByUserId == actor.Id, isAdministrator, a.Status), laterInSeries,
            await db.Projects.Where(p => p.Id == a.ProjectId).Select(p => new Projects.ProjectChoice(p.Id, p.Name, p.Status)).FirstOrDefaultAsync(ct));
    }

    /// <summary>Records an activity, or a weekly series of them when <see cref="ActivityEdit.RepeatWeeks"/> is set (the
    /// first id is returned); refuses passive customers, retired types and contacts of another customer.</summary>
    public async Task<int> CreateAsync(ActivityEdit edit, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (type, keyword) = await LoadTypeAsync(db, edit, ct);
        if (type is { IsRetired: true }) throw new ValidationFailedException([new("TypeId", CoreText.Get("ActivityTypeRetired", type.Name))]);
        ActivityRules.EnsureKeywordInUse(keyword, storedKeywordId: null);
        CustomerService.ThrowIfInvalid(ActivityRules.Validate(edit, type, keyword));
        if (edit.CustomerId is { } customerId) await CustomerService.EnsureActiveAsync(db, customerId, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var needsResolution = keyword?.NeedsResolution ?? false;
        var starts = ActivityRules.WeeklyStarts(StartsLocal(edit), edit.RepeatWeeks);
        var status = edit.Status ?? ActivityRules.DefaultStatus(starts[0], HelsinkiTime.ToLocal(now), needsResolution);
        if (ActivityRules.CheckResolution(ActivityStatus.Open, status, needsResolution, edit.ResolutionNote) is { } missing)
            throw new ValidationFailedException([missing]);
        var seriesId = starts.Count > 1 ? Guid.NewGuid() : (Guid?)null;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = new List<int>();
        foreach (var startsLocal in starts)
        {
            var first = ids.Count == 0;
            var activity = new Activity
            {
                Title = "", ActivityTypeId = type!.Id, CreatedByUserId = actor.Id, CreatedByName = actor.Name, CreatedAtUtc = now, SeriesId = seriesId,
            };
            await ApplyAsync(db, edit, activity, keyword, startsLocal, actor, now, ct);
            // The status chosen (and the e-mail it came from) is the first's; the later ones start as any new activity at their time would.
            if (first)
            {
                SetStatus(activity, status, edit.ResolutionNote, actor, now);
                activity.EmailMessageId = CustomerService.Clean(edit.EmailMessageId);
            }
            else SetStatus(activity, ActivityRules.DefaultStatus(startsLocal, HelsinkiTime.ToLocal(now), needsResolution), null, actor, now);
            db.Activities.Add(activity);
            await db.SaveChangesAsync(ct); // the history entry needs the new id
            await ActivityAudit.RecordAsync(db, actor, now, activity.Id, type.Name, null, ActivityState.Of(activity), ct);
            await db.SaveChangesAsync(ct);
            ids.Add(activity.Id);
        }
        await tx.CommitAsync(ct);
        return ids[0];
    }

    /// <summary>Saves an edit; the type never changes, and a stale <see cref="ActivityEdit.Version"/> is a conflict.</summary>
    public async Task<Guid> UpdateAsync(int id, ActivityEdit edit, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var activity = await db.Activities.AsSplitQuery().Include(a => a.Participants).Include(a => a.Contacts)
            .FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException(CoreText.Get("ActivityNotFound"));
        ActivityRules.EnsureTypeUnchanged(activity.ActivityTypeId, edit.TypeId);
        if (activity.Version != edit.Version) throw new ConcurrencyConflictException(CoreText.Get("ActivityConflict"));
        var (type, keyword) = await LoadTypeAsync(db, edit, ct);
        ActivityRules.EnsureKeywordInUse(keyword, activity.KeywordId);
        CustomerService.ThrowIfInvalid(ActivityRules.Validate(edit, type, keyword));
        if (edit.CustomerId is { } customerId && customerId != activity.CustomerId) await CustomerService.EnsureActiveAsync(db, customerId, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var status = edit.Status ?? activity.Status;
        if (ActivityRules.CheckResolution(activity.Status, status, keyword?.NeedsResolution ?? false, edit.ResolutionNote) is { } missing)
            throw new ValidationFailedException([missing]);
        var before = ActivityState.Of(activity);
        await ApplyAsync(db, edit, activity, keyword, StartsLocal(edit), actor, now, ct);
        SetStatus(activity, status, edit.ResolutionNote, actor, now);
        await ActivityAudit.RecordAsync(db, actor, now, id, type!.Name, before, ActivityState.Of(activity), ct);
        db.Entry(activity).Property(a => a.Version).OriginalValue = edit.Version;
        activity.Version = Guid.NewGuid();
        await CustomerService.SaveOrConflictAsync(db, "ActivityConflict", ct);
        return activity.Version;
    }

    /// <summary>Moves an activity to another start (a drag in the calendar), keeping everything else. The drag carries the
    /// <paramref name="version"/> the calendar showed: when someone else saved after that, the move is a conflict rather
    /// than a silent move of their newer edit. It goes through <see cref="UpdateAsync"/>, so the rules of an edit hold
    /// and the change history records it.</summary>
    public async Task<Guid> MoveAsync(int id, DateTime startsLocal, Guid version, CancellationToken ct = default)
    {
        var edit = (await GetAsync(id, ct)).Edit;
        edit.Version = version;
        edit.Date = startsLocal.Date;
        edit.StartTime = startsLocal.TimeOfDay;
        return await UpdateAsync(id, edit, ct);
    }

    /// <summary>Moves an activity to a new status (e.g. marks a visit OK); negative feedback needs a resolution note to close.</summary>
    public async Task<Guid> SetStatusAsync(int id, ActivityStatus status, string? resolutionNote, Guid version, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var activity = await db.Activities.AsSplitQuery().Include(a => a.Keyword).Include(a => a.Type)
            .Include(a => a.Participants).Include(a => a.Contacts).FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new NotFoundException(CoreText.Get("ActivityNotFound"));
        if (activity.Version != version) throw new ConcurrencyConflictException(CoreText.Get("ActivityConflict"));
        if (ActivityRules.CheckResolution(activity.Status, status, activity.Keyword?.NeedsResolution ?? false, resolutionNote) is { } missing)
            throw new ValidationFailedException([missing]);
        var now = clock.GetUtcNow().UtcDateTime;
        var before = ActivityState.Of(activity);
        SetStatus(activity, status, resolutionNote, actor, now);
        await ActivityAudit.RecordAsync(db, actor, now, id, activity.Type!.Name, before, ActivityState.Of(activity), ct);
        activity.UpdatedAtUtc = now;
        activity.UpdatedByName = actor.Name;
        db.Entry(activity).Property(a => a.Version).OriginalValue = version;
        activity.Version = Guid.NewGuid();
        await CustomerService.SaveOrConflictAsync(db, "ActivityConflict", ct);
        return activity.Version;
    }

    /// <summary>The occurrences of a weekly series after the given start that are not yet OK: what "delete the rest" removes.</summary>
    private static IQueryable<Activity> LaterInSeries(PortaaliDbContext db, Guid seriesId, DateTime afterUtc) =>
        db.Activities.Where(x => x.SeriesId == seriesId && x.StartsAtUtc > afterUtc && x.Status != ActivityStatus.Done);

    /// <summary>Deletes an activity: its creator while it is not OK, an administrator always; the customer's change history
    /// keeps what it was. With <paramref name="alsoLaterInSeries"/> the series' later occurrences that are not OK go too.
    /// Returns how many activities were deleted.</summary>
    public async Task<int> DeleteAsync(int id, Guid version, bool alsoLaterInSeries = false, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var activity = await db.Activities.AsSplitQuery().Include(a => a.Type).Include(a => a.Participants).Include(a => a.Contacts)
            .FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException(CoreText.Get("ActivityNotFound"));
        var isAdministrator = await guard.IsAllowedAsync(Policies.Administer);
        if (!ActivityRules.CanDelete(activity.CreatedByUserId == actor.Id, isAdministrator, activity.Status))
            throw new ForbiddenException(CoreText.Get("ActivityDeleteNotAllowed"));
        if (activity.Version != version) throw new ConcurrencyConflictException(CoreText.Get("ActivityConflict"));
        var now = clock.GetUtcNow().UtcDateTime;
        await ActivityAudit.RecordAsync(db, actor, now, id, activity.Type!.Name, ActivityState.Of(activity), null, ct);
        db.Activities.Remove(activity); // participants and contacts go with it; a trigger drops it from the search index
        db.Entry(activity).Property(a => a.Version).OriginalValue = version;
        var deleted = 1;
        if (alsoLaterInSeries && activity.SeriesId is { } seriesId)
        {
            // The same rule as for the one deleted: not OK (the query), and created by this user unless an administrator.
            var later = await LaterInSeries(db, seriesId, activity.StartsAtUtc).AsSplitQuery()
                .Include(a => a.Type).Include(a => a.Participants).Include(a => a.Contacts).ToListAsync(ct);
            foreach (var occurrence in later.Where(a => ActivityRules.CanDelete(a.CreatedByUserId == actor.Id, isAdministrator, a.Status)))
            {
                await ActivityAudit.RecordAsync(db, actor, now, occurrence.Id, occurrence.Type!.Name, ActivityState.Of(occurrence), null, ct);
                db.Activities.Remove(occurrence);
                deleted++;
            }
        }
        await CustomerService.SaveOrConflictAsync(db, "ActivityConflict", ct);
        return deleted;
    }

    /// <summary>The first <paramref name="take"/> activities of one customer, newest first (only those not OK with
    /// <paramref name="onlyOpen"/>), and how many there are in all, so the tab can say how many more there are.</summary>
    public async Task<PagedResult<ActivityRow>> ListForCustomerAsync(int customerId, bool onlyOpen = false, int take = CustomerPageSize,
        CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The index (CustomerId, StartsAtUtc) gives both the count and the newest first without sorting years of history.
        // By hand in one command (SqlBatch): the count, the page with its participants' names, the templates' headings.
        var where = """ "CustomerId" = @customer """ + (onlyOpen ? """ AND "Status" <> 'Done' """ : "");
        await using var batch = await SqlBatch.RunAsync(db, $"""
            SELECT COUNT(*) FROM "Activities" WHERE {where};
            WITH page AS (SELECT "Id" FROM "Activities" WHERE {where} ORDER BY "StartsAtUtc" DESC, "Id" DESC
                LIMIT {SqlBatch.Count(Math.Clamp(take, 1, MaxCustomerRows))})
            {RowsSql(db)};
            {TemplateBodiesSql}
            """, ct, ("@customer", customerId));
        var total = await batch.ReadFirstAsync(r => (int)r.GetInt64(0), ct);
        return new PagedResult<ActivityRow>(await ReadRowsAsync(batch, rows => rows.OrderByDescending(a => a.StartsAtUtc).ThenByDescending(a => a.Id), ct), total);
    }

    /// <summary>The first <paramref name="take"/> of everything the signed-in user takes part in that is not OK yet, overdue
    /// first, then the coming ones by time; how many there are (up to <see cref="PagedCount.Cap"/>, then "over"), so the
    /// list says how many more there are instead of cutting silently; and how many are overdue.</summary>
    public async Task<MyOpenPage> MyOpenAsync(int take = MyOpenPageSize, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        // Both counts from the open participations' index: the total up to PagedCount.Cap (then "over"), the overdue
        // exactly (a range of the same index, the user's open rows before now), however many there are. The page is ordered
        // and limited on the participant rows' copies, so only its activities are read (as MyOpen below, which the
        // desktop's widget composes). By hand in one command with the rows and the templates' headings (SqlBatch).
        const string Open = """ FROM "ActivityParticipants" WHERE "UserId" = @user AND "IsOpen" """;
        await using var batch = await SqlBatch.RunAsync(db, $"""
            SELECT (SELECT COUNT(*) FROM (SELECT 1 {Open} LIMIT {SqlBatch.Count(PagedCount.Cap + 1)}) capped), (SELECT COUNT(*) {Open} AND "StartsAtUtc" < @now);
            WITH page AS (SELECT "ActivityId" AS "Id" {Open} ORDER BY "StartsAtUtc", "ActivityId" LIMIT {SqlBatch.Count(Math.Clamp(take, 1, MaxMyOpenRows))})
            {RowsSql(db)};
            {TemplateBodiesSql}
            """, ct, ("@user", actor.Id), ("@now", now));
        var (count, overdue) = await batch.ReadFirstAsync(r => ((int)r.GetInt64(0), (int)r.GetInt64(1)), ct);
        var (total, isLowerBound) = count > PagedCount.Cap ? (PagedCount.Cap, true) : (count, false);
        return new MyOpenPage(await ReadRowsAsync(batch, rows => rows.OrderBy(a => a.StartsAtUtc).ThenBy(a => a.Id), ct), total, isLowerBound, overdue);
    }

    // The list rows of a page of activities by hand: the SELECT after a CTE "page" of the page's ids, each row with its type,
    // keyword, customer and its participants' names in one column. The names come by the participants' key per row; EF Core
    // would bring them as a join over every participant row (see ParticipantNamesAsync). The page is put in order here, in
    // memory: SQLite would sort it in a temporary B-tree.
    private static string RowsSql(PortaaliDbContext db)
    {
        var english = CoreText.ReaderIsEnglish;
        return $"""
            SELECT a."Id", a."StartsAtUtc", a."DurationMinutes", a."ActivityTypeId", {(english ? "COALESCE(t.\"NameEn\", t.\"Name\")" : "t.\"Name\"")}, t."Color",
                   {(english ? "COALESCE(k.\"NameEn\", k.\"Name\")" : "k.\"Name\"")}, k."NeedsResolution", a."Title", a."Status", a."CustomerId", c."Name",
                   a."Memo", a."Version",
                   (SELECT {SqlBatch.StringList(db, "u.\"DisplayName\"")} FROM "ActivityParticipants" AS pp JOIN "Users" AS u ON u."Id" = pp."UserId" WHERE pp."ActivityId" = a."Id")
            FROM page JOIN "Activities" AS a ON a."Id" = page."Id" JOIN "ActivityTypes" AS t ON t."Id" = a."ActivityTypeId"
            LEFT JOIN "ActivityKeywords" AS k ON k."Id" = a."KeywordId" LEFT JOIN "Customers" AS c ON c."Id" = a."CustomerId"
            """;
    }

    private const string TemplateBodiesSql = """SELECT "Body", "BodyEn" FROM "ActivityTemplates";""";

    /// <summary>The rows of <see cref="RowsSql"/> put in <paramref name="order"/>, then the templates' bodies of
    /// <see cref="TemplateBodiesSql"/>.</summary>
    private async Task<List<ActivityRow>> ReadRowsAsync(SqlBatch batch, Func<IEnumerable<RowData>, IEnumerable<RowData>> order, CancellationToken ct)
    {
        var data = await batch.ReadAsync(r => new RowData(r.GetInt32(0), r.Utc(1), r.GetInt32(2), r.GetInt32(3), r.GetString(4), r.GetString(5),
            r.Text(6), r.NullableBool(7), r.GetString(8), r.Enum<ActivityStatus>(9), r.NullableInt(10), r.Text(11), r.Text(12), r.GetGuid(13),
            string.Join(", ", SqlBatch.SplitList(r.Text(14)).Order())), ct);
        var bodies = await batch.ReadAsync(r => new TemplateBodies(r.GetString(0), r.Text(1)), ct);
        var headings = data.Any(a => a.Memo is not null)
            ? MemoPreview.Headings(bodies.SelectMany(t => t.BodyEn is null ? [t.Body] : new[] { t.Body, t.BodyEn }))
            : new HashSet<string>();
        return ToRows(order(data), headings);
    }

    private sealed record RowData(int Id, DateTime StartsAtUtc, int DurationMinutes, int ActivityTypeId, string TypeName, string Color,
        string? KeywordName, bool? NeedsResolution, string Title, ActivityStatus Status, int? CustomerId, string? CustomerName, string? Memo,
        Guid Version, string Participants);

    private List<ActivityRow> ToRows(IEnumerable<RowData> data, IReadOnlySet<string> headings)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return data.Select(a => new ActivityRow(a.Id, HelsinkiTime.ToLocal(a.StartsAtUtc), a.DurationMinutes, a.ActivityTypeId, a.TypeName,
            a.Color, a.KeywordName, a.NeedsResolution ?? false, a.Title, a.Status, a.CustomerId, a.CustomerName,
            a.Participants, a.Status != ActivityStatus.Done && a.StartsAtUtc < now,
            MemoPreview.Format(a.Memo, headings), a.Version)).ToList();
    }

    private sealed record ParticipantName(int ActivityId, string DisplayName);

    private static readonly PerModel<Func<PortaaliDbContext, List<int>, IAsyncEnumerable<ParticipantName>>> ParticipantNames =
        new(() => EF.CompileAsyncQuery((PortaaliDbContext db, List<int> activityIds) => db.ActivityParticipants.AsNoTracking()
            .Where(p => activityIds.Contains(p.ActivityId)).Select(p => new ParticipantName(p.ActivityId, p.User!.DisplayName))));

    private sealed record TemplateBodies(string Body, string? BodyEn);


    /// <summary>"My open activities" shows this many at first and as many more at each "show more", up to <see cref="MaxMyOpenRows"/>.</summary>
    public const int MyOpenPageSize = 50;
    public const int MaxMyOpenRows = 2_000;

    /// <summary>The user's participations in activities not OK yet, by the copies on the participant rows: the partial index
    /// IX_ActivityParticipants_MyOpen holds exactly these, so neither the count nor the page looks up a single activity.</summary>
    internal static IQueryable<ActivityParticipant> MyOpenParticipations(PortaaliDbContext db, int userId) =>
        db.ActivityParticipants.AsNoTracking().Where(p => p.UserId == userId && p.IsOpen);

    /// <summary>The "my open" query, the oldest start first (so the overdue come before the coming ones); shared with the
    /// desktop's widget. Ordered and limited on the participant rows' copies, so only the page's activities are read.</summary>
    internal static IQueryable<Activity> MyOpen(PortaaliDbContext db, int userId) => MyOpenParticipations(db, userId)
        .OrderBy(p => p.StartsAtUtc).ThenBy(p => p.ActivityId).Select(p => p.Activity!);

    /// <summary>Activities across all customers, filtered, sorted and paged in SQL; the text is searched in titles and memos.</summary>
    public async Task<PagedResult<ActivityRow>> BrowseAsync(ActivityQuery query, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filtered = Filter(db, db.Activities.AsNoTracking(), query);
        var now = clock.GetUtcNow().UtcDateTime;
        var sort = query.Period switch
        {
            ActivityPeriod.Past => ActivitySort.StartsDescending,
            ActivityPeriod.Upcoming => ActivitySort.StartsAscending,
            _ => query.Sort,
        };
        if (query.Period == ActivityPeriod.Past) filtered = filtered.Where(a => a.StartsAtUtc <= now);
        else if (query.Period == ActivityPeriod.Upcoming) filtered = filtered.Where(a => a.StartsAtUtc > now);
        var skip = Math.Max(0, query.Page) * query.PageSize;
        var take = Math.Clamp(query.PageSize, 1, 500);
        if (ActivityRules.FullTextQuery(ActivityRules.SearchWords(query.Text)) is { } match)
        {
            if (await ActivityTextSearch.MatchesManyAsync(db, match, FewTextMatches, ct))
            {
                // A frequent word: the list is read in its order a window at a time rather than all matches sorted.
                var (matchingPage, matches, over) = await ActivityTextSearch.PageAsync(db, filtered, match, sort == ActivitySort.StartsDescending,
                    query.Period == ActivityPeriod.Upcoming ? now : null, query.Period == ActivityPeriod.Past ? now : null, skip, take, TextWindowRows, ct);
                return new PagedResult<ActivityRow>(await ToRowsAsync(db, matchingPage, ct), matches, over);
            }
            filtered = ActivityTextSearch.WhereMatches(db, filtered, match);
        }
        // Counted up to PagedCount.Cap: an exact count of 400,000 full-text matches costs most of a second and people
        // narrow the search rather than page that far ("over 1,000").
        var (total, isLowerBound) = await PagedCount.CountAsync(filtered, ct);
        var page = Sort(filtered, sort).Skip(skip).Take(take);
        return new PagedResult<ActivityRow>(await ToRowsAsync(db, page, ct), total, isLowerBound);
    }

    /// <summary>The browse result as an Excel workbook (at most <see cref="MaxExportRows"/> rows).</summary>
    public async Task<byte[]> ExportAsync(ActivityQuery query, CancellationToken ct = default)
    {
        using var stream = new MemoryStream();
        await ExportAsync(query, stream, ct);
        return stream.ToArray();
    }

    /// <summary>The browse result as an Excel workbook written into <paramref name="output"/>, streamed: rows are read
    /// from SQLite and written a batch at a time, so memory stays the same whatever the row count. When the result has
    /// more than <see cref="MaxExportRows"/> rows the first ones are written and a second sheet says so.</summary>
    public async Task<ActivityExportResult> ExportAsync(ActivityQuery query, Stream output, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var participantsDb = await dbFactory.CreateDbContextAsync(ct);
        var rows = Sort(FilterWithText(db, db.Activities.AsNoTracking(), query), query.Sort).Take(MaxExportRows + 1)
            .Select(a => new ExportRow(a.Id, a.StartsAtUtc, a.DurationMinutes,
                CoreText.ReaderIsEnglish ? a.Type!.NameEn ?? a.Type!.Name : a.Type!.Name,
                CoreText.ReaderIsEnglish ? a.Keyword!.NameEn ?? a.Keyword!.Name : a.Keyword!.Name,
                a.Title, a.Customer!.Name, a.Status, a.Memo, a.ResolutionNote));

        await using var excel = await ExcelWriter.CreateAsync(output, ct);
        await excel.AddSheetAsync(CoreText.Get("ActivitiesSheet"),
        [
            new(CoreText.Get("ExportDate"), ExcelKind.Date, 12), new(CoreText.Get("ExportTime"), ExcelKind.Time, 8),
            new(CoreText.Get("ExportHours"), ExcelKind.Number, 8), new(CoreText.Get("ExportType"), Width: 22),
            new(CoreText.Get("ExportKeyword"), Width: 18), new(CoreText.Get("ExportTitle"), Width: 40),
            new(CoreText.Get("ExportCustomer"), Width: 36), new(CoreText.Get("ExportStatus"), Width: 12),
            new(CoreText.Get("ExportParticipants"), Width: 30), new(CoreText.Get("ExportMemo"), Width: 80),
            new(CoreText.Get("ExportResolution"), Width: 40),
        ], ct);
        var written = 0;
        var wasCut = false;
        var batch = new List<ExportRow>(ExportBatch);
        async Task WriteBatchAsync()
        {
            // The participants of a batch in one keyed lookup, on a second connection while the first still streams.
            var participants = await ParticipantNamesAsync(participantsDb, batch.Select(a => a.Id).ToList(), ct);
            foreach (var a in batch)
            {
                var local = HelsinkiTime.ToLocal(a.StartsAtUtc);
                await excel.AddRowAsync([local.Date, local.TimeOfDay, Math.Round(a.DurationMinutes / 60m, 2), a.Type, a.Keyword, a.Title,
                    a.Customer, StatusText(a.Status), participants.GetValueOrDefault(a.Id, ""), a.Memo, a.ResolutionNote], ct);
            }
            written += batch.Count;
            batch.Clear();
        }
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (written + batch.Count == MaxExportRows)
            {
                wasCut = true;
                break;
            }
            batch.Add(row);
            if (batch.Count == ExportBatch) await WriteBatchAsync();
        }
        if (batch.Count > 0) await WriteBatchAsync();
        if (wasCut)
        {
            await excel.AddSheetAsync(CoreText.Get("ActivityExportCutSheet"), [new(CoreText.Get("ActivityExportCutSheet"), Width: 100)], ct);
            await excel.AddRowAsync([CoreText.Get("ActivityExportCut", MaxExportRows.ToString("N0"))], ct);
        }
        await excel.FinishAsync(ct);
        return new ActivityExportResult(written, wasCut);
    }

    private const int ExportBatch = 500;

    private sealed record ExportRow(int Id, DateTime StartsAtUtc, int DurationMinutes, string Type, string? Keyword, string Title,
        string? Customer, ActivityStatus Status, string? Memo, string? ResolutionNote);

    /// <summary>Customer feedback of a period and customer group: open negative feedback first, then newest first.</summary>
    public async Task<FeedbackReport> FeedbackAsync(FeedbackQuery query, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var feedback = db.Activities.AsNoTracking().Where(a => a.Type!.SystemKey == ActivityReferenceData.Feedback);
        if (query.From is { } from) feedback = feedback.Where(a => a.LocalDate >= from);
        if (query.To is { } to) feedback = feedback.Where(a => a.LocalDate <= to);
        if (query.CustomerGroupId is { } group)
            feedback = feedback.Where(a => db.CustomerClassifications.Any(k => k.CustomerId == a.CustomerId && k.NodeId == group));
        var counts = await feedback.GroupBy(a => new { Negative = a.Keyword != null && a.Keyword.NeedsResolution, Open = a.Status != ActivityStatus.Done })
            .Select(g => new { g.Key.Negative, g.Key.Open, Count = g.Count() }).ToListAsync(ct);
        if (query.Negative is { } negative)
            feedback = feedback.Where(a => (a.Keyword != null && a.Keyword.NeedsResolution) == negative);
        var rows = await ToRowsAsync(db, feedback
            .OrderByDescending(a => a.Keyword != null && a.Keyword.NeedsResolution && a.Status != ActivityStatus.Done)
            .ThenByDescending(a => a.StartsAtUtc).ThenByDescending(a => a.Id).Take(1000), ct);
        return new FeedbackReport(rows, counts.Where(c => !c.Negative).Sum(c => c.Count), counts.Where(c => c.Negative).Sum(c => c.Count),
            counts.Where(c => c.Negative && c.Open).Sum(c => c.Count));
    }

    /// <summary>The top-level customer groups of the classification tree, for the feedback filter.</summary>
    public async Task<IReadOnlyList<PersonRef>> GetCustomerGroupsAsync(CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ClassificationNodes.AsNoTracking().Where(n => n.Parent!.SystemKey == "customer-groups" && !n.IsRetired)
            .OrderBy(n => n.SortOrder).Select(n => new PersonRef(n.Id, n.Name)).ToListAsync(ct);
    }

    /// <summary>Up to how many full-text matches the browse collects and sorts rather than reading the list in its order
    /// (<see cref="ActivityTextSearch"/>); tests set it to take either way on a small base.</summary>
    internal int FewTextMatches { get; init; } = ActivityTextSearch.FewMatches;

    /// <summary>How many activities the first window of a frequent word's browse reads (<see cref="ActivityTextSearch"/>).</summary>
    internal int TextWindowRows { get; init; } = ActivityTextSearch.FirstWindow;

    /// <summary>Every filter of the query, the words included (their matches collected from the full-text index).</summary>
    internal static IQueryable<Activity> FilterWithText(PortaaliDbContext db, IQueryable<Activity> activities, ActivityQuery q) =>
        ActivityRules.FullTextQuery(ActivityRules.SearchWords(q.Text)) is { } match
            ? ActivityTextSearch.WhereMatches(db, Filter(db, activities, q), match)
            : Filter(db, activities, q);

    /// <summary>Every filter of the query but the words the full-text index finds (the caller applies those, see
    /// <see cref="ActivityTextSearch"/>); words too short for the index are matched here with LIKE.</summary>
    private static IQueryable<Activity> Filter(PortaaliDbContext db, IQueryable<Activity> activities, ActivityQuery q)
    {
        if (q.TypeId is { } typeId) activities = activities.Where(a => a.ActivityTypeId == typeId);
        if (q.KeywordId is { } keywordId) activities = activities.Where(a => a.KeywordId == keywordId);
        if (q.Status is { } status) activities = activities.Where(a => a.Status == status);
        if (q.OnlyNotDone) activities = activities.Where(a => a.Status != ActivityStatus.Done);
        if (q.UserId is { } userId) activities = activities.Where(a => a.Participants.Any(p => p.UserId == userId));
        if (q.CustomerId is { } customerId) activities = activities.Where(a => a.CustomerId == customerId);
        if (q.Segment is { } segment) activities = activities.Where(a => a.Customer != null && a.Customer.Segment == segment);
        if (q.From is { } from) activities = activities.Where(a => a.LocalDate >= from);
        if (q.To is { } to) activities = activities.Where(a => a.LocalDate <= to);
        foreach (var word in ActivityRules.SearchWords(q.Text).Where(w => w.Length < ActivityRules.MinIndexedWordLength))
        {
            var pattern = "%" + word + "%"; // words are split at % and _, so neither reaches LIKE as a wildcard
            activities = activities.Where(a => EF.Functions.Like(a.SearchText, pattern));
        }
        return activities;
    }

    private static IQueryable<Activity> Sort(IQueryable<Activity> activities, ActivitySort sort) => sort == ActivitySort.StartsAscending
        ? activities.OrderBy(a => a.StartsAtUtc).ThenBy(a => a.Id)
        : activities.OrderByDescending(a => a.StartsAtUtc).ThenByDescending(a => a.Id);

    /// <summary>Projects an ordered, limited query into list rows; only the rows asked for leave SQLite. The participants'
    /// names come in a second query over the page's ids: inside the page query SQLite would join the whole participant
    /// table on every call (995 ms at 2 M activities, against about a millisecond for the page's own participants).</summary>
    internal async Task<List<ActivityRow>> ToRowsAsync(IQueryable<Activity> activities, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ToRowsAsync(db, activities, ct);
    }

    /// <summary><see cref="ToRowsAsync(IQueryable{Activity}, CancellationToken)"/> reading the names on
    /// <paramref name="db"/>, the context the page query runs on: one context and one connection opening per list.</summary>
    internal async Task<List<ActivityRow>> ToRowsAsync(PortaaliDbContext db, IQueryable<Activity> activities, CancellationToken ct)
    {
        // The page's ids in its order from the composed query, then its rows by hand in one command (SqlBatch, RowsSql).
        var ids = await activities.Select(a => a.Id).ToListAsync(ct);
        if (ids.Count == 0) return [];
        var (page, value) = SqlBatch.IdRows(db, "@ids", ids);
        await using var batch = await SqlBatch.RunAsync(db, $"""
            WITH page AS ({page})
            {RowsSql(db)};
            {TemplateBodiesSql}
            """, ct, ("@ids", value));
        var position = new Dictionary<int, int>(ids.Count);
        foreach (var id in ids) position.TryAdd(id, position.Count);
        return await ReadRowsAsync(batch, rows => rows.OrderBy(a => position[a.Id]), ct);
    }

    /// <summary>The participants' names of the given activities, joined in name order ("Aino Ääri, Pekka Öhman"); a
    /// lookup on the participants' key per id.</summary>
    internal static async Task<Dictionary<int, string>> ParticipantNamesAsync(PortaaliDbContext db, IReadOnlyCollection<int> activityIds, CancellationToken ct)
    {
        var pairs = await ParticipantNames.For(db)(db, [.. activityIds]).ToListAsync(ct);
        return pairs.GroupBy(p => p.ActivityId).ToDictionary(g => g.Key, g => string.Join(", ", g.Select(p => p.DisplayName).Order()));
    }

    private static string StatusText(ActivityStatus status) => status switch
    {
        ActivityStatus.Open => CoreText.Get("ActivityStatus_Open"),
        ActivityStatus.InProgress => CoreText.Get("ActivityStatus_InProgress"),
        _ => CoreText.Get("ActivityStatus_Done"),
    };

    private static DateTime StartsLocal(ActivityEdit edit) => edit.Date!.Value.Date + (edit.StartTime ?? TimeSpan.Zero);

    private static async Task<(TypeOption?, KeywordOption?)> LoadTypeAsync(PortaaliDbContext db, ActivityEdit edit, CancellationToken ct)
    {
        var type = await db.ActivityTypes.AsNoTracking().Where(t => t.Id == edit.TypeId)
            .Select(t => new TypeOption(t.Id, CoreText.ReaderIsEnglish ? t.NameEn ?? t.Name : t.Name, t.SystemKey, t.Color, t.RequiresCustomer, t.IsRetired, t.Name, t.NameEn))
            .FirstOrDefaultAsync(ct);
        var keyword = edit.KeywordId is { } keywordId
            ? await db.ActivityKeywords.AsNoTracking().Where(k => k.Id == keywordId)
                .Select(k => new KeywordOption(k.Id, k.ActivityTypeId, CoreText.ReaderIsEnglish ? k.NameEn ?? k.Name : k.Name, k.NeedsResolution, k.IsRetired, k.Name, k.NameEn))
                .FirstOrDefaultAsync(ct)
            : null;
        if (edit.KeywordId is not null && keyword is null)
            throw new ValidationFailedException([new("KeywordId", CoreText.Get("ActivityKeywordWrongType"))]);
        return (type, keyword);
    }

    internal static async Task ApplyAsync(PortaaliDbContext db, ActivityEdit edit, Activity activity, KeywordOption? keyword,
        DateTime startsLocal, Actor actor, DateTime now, CancellationToken ct)
    {
        var contactIds = edit.ContactIds.Distinct().ToList();
        if (contactIds.Count > 0)
        {
            var ofCustomer = await db.Contacts.CountAsync(c => contactIds.Contains(c.Id) && c.CustomerId == edit.CustomerId, ct);
            if (ofCustomer != contactIds.Count)
                throw new ValidationFailedException([new("ContactIds", CoreText.Get("ActivityContactOfOtherCustomer"))]);
        }
        var participantIds = edit.ParticipantIds.Distinct().ToList();
        if (participantIds.Count == 0) participantIds.Add(actor.Id);
        var known = await db.Users.CountAsync(u => participantIds.Contains(u.Id), ct);
        if (known != participantIds.Count) throw new ValidationFailedException([new("ParticipantIds", CoreText.Get("ActivityUnknownUser"))]);
        await Projects.ProjectRules.EnsureAssignableAsync(db, edit.ProjectId, activity.ProjectId, ct);

        activity.CustomerId = edit.CustomerId;
        activity.ProjectId = edit.ProjectId;
        activity.KeywordId = keyword?.Id;
        activity.Title = edit.Title.Trim();
        activity.Memo = string.IsNullOrWhiteSpace(edit.Memo) ? null : edit.Memo.TrimEnd();
        activity.SearchText = ActivityRules.SearchForm(activity.Title, activity.Memo);
        activity.StartsAtUtc = HelsinkiTime.ToUtc(startsLocal);
        activity.LocalDate = DateOnly.FromDateTime(startsLocal);
        var week = IsoWeek.Of(activity.LocalDate);
        activity.IsoYear = week.Year;
        activity.IsoWeek = week.Week;
        activity.DurationMinutes = edit.DurationMinutes;
        activity.UpdatedAtUtc = now;
        activity.UpdatedByName = actor.Name;
        activity.Participants.RemoveAll(p => !participantIds.Contains(p.UserId));
        activity.Participants.AddRange(participantIds.Where(u => activity.Participants.All(p => p.UserId != u))
            .Select(u => new ActivityParticipant { UserId = u }));
        activity.Contacts.RemoveAll(c => !contactIds.Contains(c.ContactId));
        activity.Contacts.AddRange(contactIds.Where(c => activity.Contacts.All(x => x.ContactId != c))
            .Select(c => new ActivityContact { ContactId = c }));
    }

    internal static void SetStatus(Activity activity, ActivityStatus status, string? note, Actor actor, DateTime now)
    {
        if (status == ActivityStatus.Done && activity.Status != ActivityStatus.Done || activity.ResolvedAtUtc is null && status == ActivityStatus.Done)
        {
            activity.ResolvedAtUtc = now;
            activity.ResolvedByName = actor.Name;
        }
        else if (status != ActivityStatus.Done)
        {
            activity.ResolvedAtUtc = null;
            activity.ResolvedByName = null;
        }
        if (!string.IsNullOrWhiteSpace(note)) activity.ResolutionNote = note.Trim();
        activity.Status = status;
    }
}
