using Portaali.Core.Segments;

namespace Portaali.Core.Selections;

/// <summary>Everything that decides a selection's members: what it lists, its criteria and its exclusions.</summary>
public sealed record SelectionDefinition(SelectionTarget Target, CriteriaGroup Criteria)
{
    public SelectionPurpose Purpose { get; init; }
    /// <summary>Passive customers are left out unless this is set (or the criteria name the status).</summary>
    public bool IncludePassive { get; init; }
    /// <summary>Contacts who have left are left out unless this is set.</summary>
    public bool IncludeLeft { get; init; }
    /// <summary>The saved selection these criteria belong to, if any: "member of" itself is then refused as a cycle.</summary>
    public int? SelectionId { get; init; }

    public static SelectionDefinition Of(Selection selection) => new(selection.Target, CriteriaJson.Read(selection.CriteriaJson))
    {
        SelectionId = selection.Id,
        Purpose = selection.Purpose,
        IncludePassive = selection.IncludePassive,
        IncludeLeft = selection.IncludeLeft,
    };
}

/// <summary>One member of a selection as lists show it. For a customer selection the contact fields are empty and the
/// e-mail and phone are the customer's own.</summary>
public sealed record SelectionMember(
    int MemberId, int CustomerId, string CustomerName, string? BusinessId, string? MunicipalityCode, Segment Segment,
    bool CustomerPassive, int? ContactId, string? ContactName, string? Title, string? Email, string? Phone,
    bool ContactLeft, bool NoMarketingEmail)
{
    public bool MissingEmail => string.IsNullOrWhiteSpace(Email);
}

/// <summary>The live answer of the builder: how many match and the first page of them.</summary>
public sealed record SelectionPreview(int Count, IReadOnlyList<SelectionMember> FirstPage, int MissingEmailCount);
