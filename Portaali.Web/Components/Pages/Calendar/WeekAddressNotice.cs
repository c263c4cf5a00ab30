using Microsoft.Extensions.Localization;
using Portaali.Core.Calendar;

namespace Portaali.Web.Components.Pages.Calendar;

/// <summary>The week pages' <c>year</c> and <c>week</c> address parameters: the week to show, and what to tell the user
/// when the address asked for one that does not exist (rather than silently showing another).</summary>
public static class WeekAddressNotice
{
    public static IsoWeek Read(string? year, string? week, IsoWeek current, IStringLocalizer l, List<string> notices)
    {
        switch (IsoWeek.FromAddress(year, week, out var asked))
        {
            case WeekAddress.Exact:
                return asked;
            case WeekAddress.Nearest:
                notices.Add(l["AddressWeekNearest", week!, asked.Year, asked.Week]);
                return asked;
            case WeekAddress.Invalid:
                notices.Add(l["AddressWeekInvalid"]);
                return current;
            default:
                return current;
        }
    }
}
