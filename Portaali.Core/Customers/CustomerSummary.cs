using Microsoft.EntityFrameworkCore;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Users;

namespace Portaali.Core.Customers;

/// <summary>A person responsible for a customer; account managers are named first on the customer's header.</summary>
public record ResponsiblePerson(int UserId, string Name, bool IsAccountManager);

/// <summary>An activity as the customer's header names it: its Helsinki date and time, type, title and the people taking
/// part (the creator when nobody is marked).</summary>
public record ActivityGlance(int Id, DateOnly Date, DateTime StartsAtLocal, string TypeName, string Title, IReadOnlyList<PersonRef> People);

/// <summary>What the customer's header says at a glance: who is responsible, the last contact (the latest done activity
/// up to today) and the next planned one (the soonest open activity from now on); null when there is none.</summary>
public record CustomerSummary(IReadOnlyList<ResponsiblePerson> Responsibles, ActivityGlance? LastContact, ActivityGlance? NextPlanned);

/// <summary>The header's query: two single-row activity projections and their participants, never the activity list.</summary>
internal static class CustomerSummaryQuery
{
    public static async Task<CustomerSummary> LoadAsync(PortaaliDbContext db, int customerId, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = HelsinkiTime.Today(clock);
        var responsibles = await db.CustomerResponsibles.AsNoTracking().Where(r => r.CustomerId == customerId)
            .Select(r => new ResponsiblePerson(r.UserId, r.User!.DisplayName, r.User.Group == UserGroup.AccountManager))
            .ToListAsync(ct);

        var activities = db.Activities.AsNoTracking().Where(a => a.CustomerId == customerId);
        var last = await activities.Where(a => a.Status == ActivityStatus.Done && a.LocalDate <= today)
            .OrderByDescending(a => a.StartsAtUtc).ThenByDescending(a => a.Id)
            .Select(a => new Row(a.Id, a.LocalDate, a.StartsAtUtc, CoreText.ReaderIsEnglish ? a.Type!.NameEn ?? a.Type!.Name : a.Type!.Name, a.Title, a.CreatedByUserId, a.CreatedByName))
            .FirstOrDefaultAsync(ct);
        var next = await activities.Where(a => a.Status != ActivityStatus.Done && a.StartsAtUtc >= now)
            .OrderBy(a => a.StartsAtUtc).ThenBy(a => a.Id)
            .Select(a => new Row(a.Id, a.LocalDate, a.StartsAtUtc, CoreText.ReaderIsEnglish ? a.Type!.NameEn ?? a.Type!.Name : a.Type!.Name, a.Title, a.CreatedByUserId, a.CreatedByName))
            .FirstOrDefaultAsync(ct);

        var ids = new[] { last?.Id, next?.Id }.OfType<int>().ToList();
        var participants = ids.Count == 0 ? [] : await db.ActivityParticipants.AsNoTracking().Where(p => ids.Contains(p.ActivityId))
            .Select(p => new { p.ActivityId, p.UserId, p.User!.DisplayName }).ToListAsync(ct);

        ActivityGlance? Glance(Row? row)
        {
            if (row is null) return null;
            var people = participants.Where(p => p.ActivityId == row.Id).Select(p => new PersonRef(p.UserId, p.DisplayName))
                .OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList();
            if (people.Count == 0) people.Add(new PersonRef(row.CreatedById, row.CreatedByName));
            return new ActivityGlance(row.Id, row.Date, HelsinkiTime.ToLocal(row.StartsAtUtc), row.TypeName, row.Title, people);
        }

        return new CustomerSummary(
            responsibles.OrderByDescending(r => r.IsAccountManager).ThenBy(r => r.Name, StringComparer.CurrentCulture).ToList(),
            Glance(last), Glance(next));
    }

    private sealed record Row(int Id, DateOnly Date, DateTime StartsAtUtc, string TypeName, string Title, int CreatedById, string CreatedByName);
}
