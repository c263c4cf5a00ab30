using Portaali.Core.Selections;

namespace Portaali.Web.Components.Pages.Selections;

/// <summary>What the builder edits: the definition's parts, bound straight to the editors (the criteria tree is a deep
/// copy of the saved one). Its <see cref="Draft"/> is what the browser keeps of unsaved work.</summary>
public sealed class BuilderModel
{
    public SelectionTarget Target { get; set; } = SelectionTarget.Contacts;
    public SelectionPurpose Purpose { get; set; } = SelectionPurpose.General;
    public bool IncludePassive { get; set; }
    public bool IncludeLeft { get; set; }
    public CriteriaGroup Criteria { get; set; } = new();

    public static BuilderModel Of(SelectionDefinition definition) => new()
    {
        Target = definition.Target, Purpose = definition.Purpose, IncludePassive = definition.IncludePassive,
        IncludeLeft = definition.IncludeLeft, Criteria = CriteriaJson.Clone(definition.Criteria),
    };

    /// <summary>A copy of the definition as it is now, safe from the edits that follow while a query runs.</summary>
    public SelectionDefinition Definition() => new(Target, CriteriaJson.Clone(Criteria))
    {
        Purpose = Purpose, IncludePassive = IncludePassive, IncludeLeft = IncludeLeft,
    };

    public BuilderDraft Draft() => new(Target, Purpose, IncludePassive, IncludeLeft, CriteriaJson.Write(Criteria));

    public static BuilderModel Of(BuilderDraft draft) => new()
    {
        Target = draft.Target, Purpose = draft.Purpose, IncludePassive = draft.IncludePassive, IncludeLeft = draft.IncludeLeft,
        Criteria = CriteriaJson.Read(draft.CriteriaJson),
    };
}

/// <summary>The unsaved builder as the browser keeps it (the tree as its stored JSON).</summary>
public sealed record BuilderDraft(SelectionTarget Target, SelectionPurpose Purpose, bool IncludePassive, bool IncludeLeft, string CriteriaJson);
