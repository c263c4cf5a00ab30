namespace Portaali.Core.Projects;

/// <summary>Where a project is in its life; only planned and active ones are offered for new activities.</summary>
public enum ProjectStatus { Planned, Active, Ended, Cancelled }

/// <summary>The part an organisation or person plays in a project's network.</summary>
public enum ProjectRole { Coordinator, Partner, Funder, Pilot, Expert, SteeringGroup, Other }

/// <summary>
/// A development project (projekti) with its funder and funding period, owned by a member of staff, and its
/// <see cref="Network"/> of customer organisations and their contacts, so the network is visible and project events can
/// be marketed to it. Project work is logged as activities (<see cref="Activities.Activity.ProjectId"/>).
/// </summary>
public class Project
{
    public const int MaxName = 200;
    public const int MaxFunder = 200;
    public const int MaxDescription = 4000;

    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Funder { get; set; }
    public DateOnly? FundingStarts { get; set; }
    public DateOnly? FundingEnds { get; set; }
    public int OwnerUserId { get; set; }
    public Users.AppUser? Owner { get; set; }
    public ProjectStatus Status { get; set; }
    public string? Description { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedByName { get; set; } = "";
    /// <summary>Changes on every save; a stale value means someone else saved first.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<ProjectNetworkMember> Network { get; set; } = [];
}

/// <summary>An organisation (<see cref="ContactId"/> null) or one of its contacts in a project's network, with a role.</summary>
public class ProjectNetworkMember
{
    public const int MaxNote = 500;

    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int CustomerId { get; set; }
    public Customers.Customer? Customer { get; set; }
    public int? ContactId { get; set; }
    public Contacts.Contact? Contact { get; set; }
    public ProjectRole Role { get; set; }
    public string? Note { get; set; }
    public DateTime AddedAtUtc { get; set; }
    public string AddedByName { get; set; } = "";
}
