using System.Globalization;

namespace Portaali.Core.Campaigns;

/// <summary>What the campaign form edits. The event date is typed text read in the user's culture ("15.3.2027" in
/// Finnish, "3/15/2027" in English; ISO always works), so a wrong date gets a message instead of a guess.</summary>
public sealed class CampaignEdit
{
    public string Name { get; set; } = "";
    public CampaignKind Kind { get; set; } = CampaignKind.Event;
    public string? Description { get; set; }
    public string? EventDate { get; set; }
    /// <summary>The version the form was loaded with; a stale one means someone else saved first.</summary>
    public Guid? Version { get; set; }

    /// <summary>The date as the user's culture writes it.</summary>
    public static string? FormatDate(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture);

    /// <summary>Reads a date in the user's culture or ISO form; null when blank, false when unreadable.</summary>
    public static bool TryParseDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var s = text.Trim();
        if (DateOnly.TryParse(s, CultureInfo.CurrentCulture, DateTimeStyles.None, out var local)
            || DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out local))
        {
            date = local;
            return true;
        }
        return false;
    }
}

/// <summary>"Leave out members of campaign X at these steps", e.g. those who registered but did not come.</summary>
public sealed record CampaignExclusion(int CampaignId, IReadOnlyList<CampaignStep> Steps)
{
    /// <summary>Registered but did not attend: the members marked absent.</summary>
    public static CampaignExclusion RegisteredButAbsent(int campaignId) => new(campaignId, [CampaignStep.Absent]);
}

/// <summary>How many members a step holds.</summary>
public sealed record StepCount(CampaignStep Step, int Count);

public sealed record CampaignSummary(int Id, string Name, CampaignKind Kind, DateOnly? EventDate, string CreatedByName,
    DateTime CreatedAtUtc, int Members, int Invited, int Registered, int Attended, int Absent);

/// <summary>The results: counts per step and the funnel (everyone who reached a step or went past it).</summary>
public sealed record CampaignResults(IReadOnlyList<StepCount> Steps)
{
    public int Count(CampaignStep step) => Steps.FirstOrDefault(s => s.Step == step)?.Count ?? 0;
    public int Members => Steps.Sum(s => s.Count);
    public int ReachedInvited => Members - Count(CampaignStep.Added);
    public int ReachedRegistered => Count(CampaignStep.Registered) + Count(CampaignStep.Attended) + Count(CampaignStep.Absent);
    public int Attended => Count(CampaignStep.Attended);
    /// <summary>Registered (or later) of invited (or later); null when nobody was invited.</summary>
    public decimal? RegisteredShare => ReachedInvited == 0 ? null : (decimal)ReachedRegistered / ReachedInvited;
    /// <summary>Attended of registered (or later); null when nobody registered.</summary>
    public decimal? AttendedShare => ReachedRegistered == 0 ? null : (decimal)Attended / ReachedRegistered;

    /// <summary>The funnel's bars, in order: members, invited, registered, attended.</summary>
    public IReadOnlyList<(string Key, int Count)> Funnel =>
        [("Members", Members), ("Invited", ReachedInvited), ("Registered", ReachedRegistered), ("Attended", Attended)];
}

public sealed record CampaignDetails(int Id, string Name, CampaignKind Kind, string? Description, DateOnly? EventDate,
    string CreatedByName, DateTime CreatedAtUtc, string UpdatedByName, DateTime UpdatedAtUtc, Guid Version, CampaignResults Results);

/// <summary>One member as the campaign page lists it.</summary>
public sealed record CampaignMemberRow(int MemberId, int ContactId, string ContactName, string? Title, string? Email,
    int CustomerId, string CustomerName, CampaignStep Step, DateTime StepChangedAtUtc, string StepChangedByName, bool HasLeft);

/// <summary>A page of members, filtered by step and text in SQL.</summary>
public sealed record CampaignMemberQuery(int CampaignId)
{
    public CampaignStep? Step { get; init; }
    public string? Search { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 50;
}

/// <summary>A contact one can add by hand.</summary>
public sealed record ContactChoice(int ContactId, string Name, string CustomerName, string? Email, bool AlreadyMember);

/// <summary>What adding members did: how many came in and how many were left as they were (already members) or left
/// out by the exclusion.</summary>
public sealed record MembersAdded(int Added, int AlreadyMembers, int Excluded);
