using Portaali.Core.Users;

namespace Portaali.Core.Desktops;

/// <summary>
/// A role's default desktop as an administrator designed it. Without a row the role has the default in code
/// (<see cref="WidgetRegistry.DefaultFor"/>). <see cref="Version"/> goes up on every change, so a user's copy can tell
/// that the default moved on since they made it.
/// </summary>
public class RoleDesktop
{
    public UserGroup Group { get; set; }
    public string LayoutJson { get; set; } = "";
    public int Version { get; set; }
    public DateTime ChangedAtUtc { get; set; }
    public string ChangedByName { get; set; } = "";
}

/// <summary>
/// A user's own desktop, made the first time they change theirs. A user without a row follows the role default, so a
/// change to the default reaches them; one with a row keeps theirs and is told when the default is newer than
/// <see cref="BasedOnRoleVersion"/>.
/// </summary>
public class UserDesktop
{
    public int UserId { get; set; }
    public string LayoutJson { get; set; } = "";
    /// <summary>The role default's version this copy started from (or whose change the user last saw and declined).</summary>
    public int BasedOnRoleVersion { get; set; }
    /// <summary>The group the copy was made in: after a move to another group the user starts from that group's default.</summary>
    public UserGroup Group { get; set; }
    public DateTime ChangedAtUtc { get; set; }
    /// <summary>Changes on every save; a stale value means the desktop was saved elsewhere (another tab) first.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>A customer the user opened lately, for the "favourites and recent customers" widget; kept to the latest few.</summary>
public class RecentCustomer
{
    public const int Kept = 20;
    public int UserId { get; set; }
    public int CustomerId { get; set; }
    public DateTime OpenedAtUtc { get; set; }
}
