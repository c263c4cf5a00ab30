namespace Portaali.Web.Components.Shared;

/// <summary>
/// Keeps a server-paged grid on the newest query. Loads overlap when someone types while the first page is still coming
/// (slow under load): an older, slower load that finishes last would otherwise overwrite the newer result, and the grid
/// would show rows that do not match the search box. Every load started through here returns the newest query's result.
/// </summary>
public sealed class LatestQuery<T>
{
    private Task<T>? latest;

    public async Task<T> RunAsync(Func<Task<T>> query)
    {
        var mine = latest = query();
        while (true)
        {
            try
            {
                var result = await mine;
                if (ReferenceEquals(mine, latest)) return result;
            }
            catch (OperationCanceledException) when (!ReferenceEquals(mine, latest))
            {
                // The grid cancelled this older load because a newer one started: answer with the newer one.
            }
            mine = latest!;
        }
    }
}
