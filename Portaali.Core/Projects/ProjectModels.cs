using System.Globalization;

namespace Portaali.Core.Projects;

/// <summary>What the project form edits. The funding dates are typed text read in the user's culture ("1.9.2026" in
/// Finnish, "9/1/2026" in English; ISO always works), so a wrong date gets a message instead of a guess.</summary>
public sealed class ProjectEdit
{
    public string Name { get; set; } = "";
    public string? Funder { get; set; }
    public string? FundingStarts { get; set; }
    public string? FundingEnds { get; set; }
    /// <summary>The owner; null on a new project means the creator.</summary>
    public int? OwnerUserId { get; set; }
    public ProjectStatus Status { get; set; } = ProjectStatus.Planned;
    public string? Description { get; set; }
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

/// <summary>Adding an organisation (<see cref="ContactId"/> null) or one of its contacts to a network.</summary>
public sealed record NetworkMemberEdit(int CustomerId, int? ContactId, ProjectRole Role, string? Note);

/// <summary>A project as the list shows it.</summary>
public sealed record ProjectSummary(int Id, string Name, string? Funder, DateOnly? FundingStarts, DateOnly? FundingEnds,
    ProjectStatus Status, string OwnerName, int NetworkSize);

/// <summary>Filters of the project list; applied in SQL.</summary>
public sealed record ProjectQuery
{
    public string? Search { get; init; }
    public ProjectStatus? Status { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 50;
}

/// <summary>A project's page header; <see cref="CanChange"/> says whether the signed-in user may change it.</summary>
public sealed record ProjectDetails(int Id, string Name, string? Funder, DateOnly? FundingStarts, DateOnly? FundingEnds,
    int OwnerUserId, string OwnerName, ProjectStatus Status, string? Description, DateTime CreatedAtUtc, DateTime UpdatedAtUtc,
    string UpdatedByName, Guid Version, int NetworkSize, bool CanChange);

/// <summary>One row of a network: the organisation, or one of its contacts, with the role.</summary>
public sealed record NetworkRow(int Id, int CustomerId, string CustomerName, bool CustomerIsPassive, int? ContactId, string? ContactName,
    string? Title, string? Email, bool ContactHasLeft, ProjectRole Role, string? Note);

/// <summary>A project one can pick (the activity form, the selection builder).</summary>
public sealed record ProjectChoice(int Id, string Name, ProjectStatus Status);

/// <summary>A customer's part in a project: the organisation itself (<see cref="ContactName"/> null) or one of its contacts.</summary>
public sealed record CustomerProjectRow(int ProjectId, string ProjectName, ProjectStatus Status, ProjectRole Role, string? ContactName,
    bool ContactHasLeft, DateOnly? FundingEnds);

/// <summary>A project on the user's desktop: the network's size and the date of the last activity logged on it.</summary>
public sealed record MyProjectRow(int Id, string Name, ProjectStatus Status, bool Owned, int NetworkSize, DateOnly? LastActivity);
