namespace Portaali.Core.Selections;

/// <summary>A dynamic selection re-evaluates its criteria whenever it is opened; a static list holds the members someone
/// froze or picked by hand.</summary>
public enum SelectionKind { Dynamic, Static }

/// <summary>
/// A saved selection (poiminta) or static list. Personal unless shared; only its owner (or an administrator) changes a
/// shared one, everyone else copies it. The members seen at the last export are kept in <see cref="SelectionExportMember"/>,
/// so opening it later shows who has been added and who has gone since.
/// </summary>
public class Selection
{
    public const int MaxName = 200;
    public const int MaxDescription = 2000;

    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public SelectionKind Kind { get; set; }
    public SelectionTarget Target { get; set; }
    public SelectionPurpose Purpose { get; set; }
    /// <summary>The criteria tree (<see cref="CriteriaJson"/>); for a static list, the criteria it was frozen from, if any.</summary>
    public string CriteriaJson { get; set; } = "";
    /// <summary>Passive customers and contacts who have left are left out unless these are set.</summary>
    public bool IncludePassive { get; set; }
    public bool IncludeLeft { get; set; }
    public int OwnerUserId { get; set; }
    public Users.AppUser? Owner { get; set; }
    public bool IsShared { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedByName { get; set; } = "";
    /// <summary>When the members were last exported (the export snapshot's time); null before the first export.</summary>
    public DateTime? LastExportedAtUtc { get; set; }
    public int? LastExportedCount { get; set; }
    /// <summary>Changes on every save; a stale value means someone else saved first.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<StaticListMember> Members { get; set; } = [];
}

/// <summary>A member of a static list: a customer or a contact id, by the list's <see cref="Selection.Target"/>.</summary>
public class StaticListMember
{
    public int SelectionId { get; set; }
    public int MemberId { get; set; }
    public DateTime AddedAtUtc { get; set; }
    public string AddedByName { get; set; } = "";
}

/// <summary>Who was in the selection when it was last exported; replaced on every export.</summary>
public class SelectionExportMember
{
    public int SelectionId { get; set; }
    public int MemberId { get; set; }
}

/// <summary>A selection or list the user keeps in the menu.</summary>
public class SelectionFavourite
{
    public int UserId { get; set; }
    public int SelectionId { get; set; }
    public DateTime AddedAtUtc { get; set; }
}
