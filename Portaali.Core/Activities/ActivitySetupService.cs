using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Activities;

/// <summary>Which reference row <see cref="ActivitySetupService.SetEnglishAsync"/> names in English.</summary>
public enum ActivityReference { Type, Keyword, Template }

/// <summary>Administrators keep the activity types, their keywords and memo templates; nothing is deleted, only retired.</summary>
public class ActivitySetupService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard)
{
    public async Task<int> AddTypeAsync(string name, string color, bool requiresCustomer, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.Administer);
        var clean = RequireName(name);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.ActivityTypes.AnyAsync(t => t.Name == clean, ct)) throw new DomainException(CoreText.Get("ActivityTypeExists", clean));
        var type = new ActivityType
        {
            Name = clean, Color = ValidColor(color), RequiresCustomer = requiresCustomer,
            SortOrder = (await db.ActivityTypes.MaxAsync(t => (int?)t.SortOrder, ct) ?? 0) + 1,
        };
        db.ActivityTypes.Add(type);
        await db.SaveChangesAsync(ct);
        return type.Id;
    }

    public async Task UpdateTypeAsync(int id, string name, string color, bool requiresCustomer, bool retired, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.Administer);
        var clean = RequireName(name);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var type = await db.ActivityTypes.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException(CoreText.Get("ActivityTypeNotFound"));
        if (await db.ActivityTypes.AnyAsync(t => t.Name == clean && t.Id != id, ct)) throw new DomainException(CoreText.Get("ActivityTypeExists", clean));
        type.Name = clean;
        type.Color = ValidColor(color);
        type.RequiresCustomer = requiresCustomer;
        type.IsRetired = retired;
        await db.SaveChangesAsync(ct);
    }

    public async Task<int> AddKeywordAsync(int typeId, string name, bool needsResolution, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.Administer);
        var clean = RequireName(name);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.ActivityTypes.AnyAsync(t => t.Id == typeId, ct)) throw new NotFoundException(CoreText.Get("ActivityTypeNotFound"));
        var keyword = new ActivityKeyword { ActivityTypeId = typeId, Name = clean, NeedsResolution = needsResolution };
        db.ActivityKeywords.Add(keyword);
        await db.SaveChangesAsync(ct);
        return keyword.Id;
    }

    public async Task UpdateKeywordAsync(int id, string name, bool needsResolution, bool retired, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.Administer);
        var clean = RequireName(name);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var keyword = await db.ActivityKeywords.FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new NotFoundException(CoreText.Get("ActivityKeywordNotFound"));
        keyword.Name = clean;
        keyword.NeedsResolution = needsResolution;
        keyword.IsRetired = retired;
        await db.SaveChangesAsync(ct);
    }

    public async Task<int> AddTemplateAsync(int typeId, string name, string body, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.Administer);
        var clean = RequireName(name);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.ActivityTypes.AnyAsync(t => t.Id == typeId, ct)) throw new NotFoundException(CoreText.Get("ActivityTypeNotFound"));
        var template = new ActivityTemplate { ActivityTypeId = typeId, Name = clean, Body = body ?? "" };
        db.ActivityTemplates.Add(template);
        await db.SaveChangesAsync(ct);
        return template.Id;
    }

    public async Task UpdateTemplateAsync(int id, string name, string body, bool retired, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.Administer);
        var clean = RequireName(name);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var template = await db.ActivityTemplates.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException(CoreText.Get("ActivityTemplateNotFound"));
        template.Name = clean;
        template.Body = body ?? "";
        template.IsRetired = retired;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The English name (and a template's English headings) beside the Finnish ones; empty clears it, and the English UI
    /// then shows the Finnish text.</summary>
    public async Task SetEnglishAsync(ActivityReference kind, int id, string? name, string? body = null, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.Administer);
        var clean = string.IsNullOrWhiteSpace(name) ? null : RequireName(name);
        var cleanBody = string.IsNullOrWhiteSpace(body) ? null : body;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        switch (kind)
        {
            case ActivityReference.Type:
                (await db.ActivityTypes.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException(CoreText.Get("ActivityTypeNotFound"))).NameEn = clean;
                break;
            case ActivityReference.Keyword:
                (await db.ActivityKeywords.FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new NotFoundException(CoreText.Get("ActivityKeywordNotFound"))).NameEn = clean;
                break;
            default:
                var template = await db.ActivityTemplates.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException(CoreText.Get("ActivityTemplateNotFound"));
                template.NameEn = clean;
                template.BodyEn = cleanBody;
                break;
        }
        await db.SaveChangesAsync(ct);
    }

    private static string RequireName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ValidationFailedException([new("Name", CoreText.Get("NameRequired"))]);
        var clean = name.Trim();
        if (clean.Length > 100) throw new ValidationFailedException([new("Name", CoreText.Get("SetupNameTooLong", 100))]);
        return clean;
    }

    private static string ValidColor(string? color) =>
        color is { Length: 7 } && color[0] == '#' && color[1..].All(Uri.IsHexDigit) ? color.ToLowerInvariant()
            : throw new ValidationFailedException([new("Color", CoreText.Get("ActivityColorInvalid"))]);
}
