using Portaali.Core.Selections;

namespace Portaali.Web.Components.Pages.Selections;

/// <summary>The builder's live answer, through the engine. A seam of its own so a test can hold one answer back and show
/// that a late, older answer never replaces a newer one.</summary>
public class SelectionPreviewer(SelectionEngine engine)
{
    public virtual Task<SelectionPreview> PreviewAsync(SelectionDefinition definition, CancellationToken ct) =>
        engine.PreviewAsync(definition, SelectionEngine.DefaultPageSize, ct);
}
