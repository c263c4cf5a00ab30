using Microsoft.Extensions.Localization;
using Portaali.Core.Common;

namespace Portaali.Web.Components.Shared;

/// <summary>A list's match count as people read it: "1 234", or "yli 1 000" when the list was counted only up to
/// <see cref="PagedCount.Cap"/> (<see cref="PagedResult{T}.TotalIsLowerBound"/>).</summary>
public static class CountText
{
    public static string Of<T>(PagedResult<T> result, IStringLocalizer<Ui> L) => Of(result.TotalCount, result.TotalIsLowerBound, L);

    public static string Of(int count, bool isLowerBound, IStringLocalizer<Ui> L) =>
        isLowerBound ? L["CountOver", count.ToString("N0")] : count.ToString("N0");
}
