using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Data;
using Portaali.Core.Imports.Prh;
using Portaali.Core.Security;

namespace Portaali.Core.Imports;

/// <summary>What the registers and the business-information service know about a customer beyond its own fields.</summary>
public record CompanyProfileView(
    IReadOnlyList<string> FormerNames, string? CompanyForm, string? MainLineCode, string? IndustryCodeSet, string? IndustryDescription,
    IReadOnlyList<CompanySituation> Situations, DateOnly? RegistrationDate, DateOnly? EndDate, DateTime? RegistryLastModified,
    DateTime? UpdatedFromRegistryAt, int? Headcount)
{
    /// <summary>The main line's classification as people name it: "TOL 2025" for TOIMI4.</summary>
    public string IndustryCodeSetLabel => IndustryCodeSets.Label(IndustryCodeSet);

    /// <summary>True when PRH/YTJ has been read for this customer, not only the business-information service.</summary>
    public bool FromRegistry => RegistryLastModified is not null || UpdatedFromRegistryAt is not null;
}

/// <summary>The company profile the imports keep, for the customer page.</summary>
public class CompanyProfileService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard)
{
    /// <summary>The customer's profile, or null when no import has told anything about it.</summary>
    public async Task<CompanyProfileView?> GetAsync(int customerId, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.CompanyProfiles.AsNoTracking().Where(p => p.CustomerId == customerId)
            .Join(db.Customers, p => p.CustomerId, c => c.Id, (p, c) => new { Profile = p, c.CompanyForm })
            .FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var p = row.Profile;
        return new CompanyProfileView(Split(p.FormerNames), row.CompanyForm, p.MainLineCode, p.IndustryCodeSet, p.IndustryDescription,
            ParseSituations(p.Situations), p.RegistrationDate, p.EndDate, p.RegistryLastModified, p.UpdatedAt, p.Headcount);
    }

    private static List<string> Split(string? list) =>
        (list ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>Reads the stored form "KONK 2025-11-03; SANE" back into situations.</summary>
    public static IReadOnlyList<CompanySituation> ParseSituations(string? stored) =>
        Split(stored).Select(s =>
        {
            var parts = s.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            var since = parts.Length > 1 && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d : (DateOnly?)null;
            return new CompanySituation(parts[0], since);
        }).ToList();
}
