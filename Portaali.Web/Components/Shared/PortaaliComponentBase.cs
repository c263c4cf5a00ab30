using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portaali.Core.Common;

namespace Portaali.Web.Components.Shared;

/// <summary>Runs a user action and turns a refusal from Core into a message, so no page repeats the try/catch.</summary>
public abstract class PortaaliComponentBase : ComponentBase
{
    [Inject] protected ISnackbar Snackbar { get; set; } = default!;

    protected async Task<bool> TryAsync(Func<Task> action, string? successMessage = null)
    {
        try
        {
            await action();
            if (successMessage is not null) Snackbar.Add(successMessage, Severity.Success);
            return true;
        }
        catch (DomainException e)
        {
            Snackbar.Add(e.Message, e is ForbiddenException ? Severity.Warning : Severity.Error);
            return false;
        }
    }
}
