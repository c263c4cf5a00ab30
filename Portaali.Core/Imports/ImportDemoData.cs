using System.Globalization;
using System.Text.Json;
using Portaali.Core.Auditing;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Seeding;
using Portaali.Core.Users;

using Portaali.Core.Suggestions;

namespace Portaali.Core.Imports;

/// <summary>
/// The demo base as the nightly PRH job would leave it: every active company with a Business ID has a YTJ profile, some have
/// a former name, and three of the first account manager's customers are bankrupt, liquidating or ceased, each with an open
/// passivation suggestion. The run itself is recorded too, so the imports page tells the same story as the customers.
/// The same seed gives the same data.
/// </summary>
internal sealed class ImportDemoData(PortaaliDbContext db, int seed, DateOnly today)
{
    private readonly Random random = new(seed * 17 + 3);

    public async Task SeedAsync(CancellationToken ct)
    {
        var industries = DemoNames.Industries.ToDictionary(i => i.Code, i => i.Description);
        var companies = await db.Customers.AsNoTracking()
            .Where(c => !c.IsPassive && c.BusinessId != null && c.CompanyForm != "Kunta")
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Name, c.CompanyForm, c.IndustryCode, c.CreatedAt }).ToListAsync(ct);
        var lastNight = Calendar.HelsinkiTime.ToUtc(today, new TimeOnly(2, 10));
        var profiles = new Dictionary<int, CompanyProfile>();
        foreach (var c in companies)
        {
            var registered = DateOnly.FromDateTime(c.CreatedAt).AddDays(-random.Next(0, 25 * 365));
            // A company that grew from a limited partnership into a limited company keeps its old name in the register.
            var former = c.CompanyForm == "Oy" && random.NextDouble() < 0.04 ? c.Name[..^3] + " Ky" : null;
            profiles[c.Id] = new CompanyProfile
            {
                CustomerId = c.Id, RegistrationDate = registered, FormerNames = former,
                MainLineCode = c.IndustryCode, IndustryCodeSet = c.IndustryCode is null ? null : Prh.IndustryCodeSets.Tol2008,
                IndustryDescription = c.IndustryCode is null ? null : industries.GetValueOrDefault(c.IndustryCode),
                RegistryLastModified = DateTime.SpecifyKind(today.AddDays(-random.Next(3, 700)).ToDateTime(new TimeOnly(1, 30)), DateTimeKind.Unspecified),
                UpdatedAt = lastNight,
            };
        }

        // Three of the first account manager's customers have news from the register: she sees them on Ehdotukset and on their pages.
        var manager = await db.Users.Where(u => u.Group == UserGroup.AccountManager).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync(ct);
        var hers = await db.CustomerResponsibles.Where(r => r.UserId == manager).Select(r => r.CustomerId).OrderByDescending(id => id).ToListAsync(ct);
        var troubled = hers.Where(profiles.ContainsKey).Take(3).ToList();
        var run = new ImportRun
        {
            Source = ImportSource.PrhApi, Mode = ImportMode.Apply, Trigger = ImportTrigger.Scheduled, Status = ImportStatus.Succeeded,
            StartedByName = CoreText.Get("ImportScheduled"), QueuedAt = lastNight, StartedAt = lastNight,
            FinishedAt = lastNight.AddMinutes(Math.Ceiling(companies.Count / 120.0)),
            Total = companies.Count, Done = companies.Count, Updated = troubled.Count, Unchanged = companies.Count - troubled.Count,
            Checkpoint = companies.Count == 0 ? 0 : companies[^1].Id,
        };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(ct);
        var names = companies.ToDictionary(c => c.Id, c => c.Name);
        foreach (var (customerId, code) in troubled.Zip(new[] { "KONK", "SELTILA", "ENDED" }))
        {
            var profile = profiles[customerId];
            var since = today.AddDays(-random.Next(5, 60));
            profile.RegistryLastModified = DateTime.SpecifyKind(since.ToDateTime(new TimeOnly(9, 0)), DateTimeKind.Unspecified);
            if (code == "ENDED") profile.EndDate = since;
            else profile.Situations = $"{code} {since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
            var message = CoreMessage.Of($"PassivationReason_{code}", since);
            var reason = message.Render(CoreText.Finnish);
            db.Suggestions.Add(new Suggestion
            {
                CustomerId = customerId, Kind = SuggestionKind.Passivate, Code = code, CreatedAt = lastNight, Reason = reason,
                ReasonMessage = message.ToJson(), RunId = run.Id,
            });
            FieldChange[] changes = code == "ENDED"
                ? [new(nameof(ImportField.EndDate), null, since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), new(ImportChanges.SuggestionField, null, reason)]
                : [new(nameof(ImportField.Situations), null, profile.Situations), new(ImportChanges.SuggestionField, null, reason)];
            db.ImportChanges.Add(new ImportChange
            {
                RunId = run.Id, Line = customerId, CustomerId = customerId, CustomerName = names[customerId], Kind = ImportChangeKind.Update,
                Changes = JsonSerializer.Serialize(changes),
            });
        }
        db.CompanyProfiles.AddRange(profiles.Values);
        await db.SaveChangesAsync(ct);
    }
}
