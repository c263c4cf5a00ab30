using System.Globalization;

namespace Portaali.Core.Calendar;

/// <summary>Users work in Finland: times are stored in UTC and shown, grouped into days and ISO weeks in Europe/Helsinki.</summary>
public static class HelsinkiTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A wall-clock time in Helsinki as UTC; a time inside the spring-forward gap moves an hour on, as clocks do.</summary>
    public static DateTime ToUtc(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local)) local = local.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }

    public static DateTime ToUtc(DateOnly date, TimeOnly time = default) => ToUtc(date.ToDateTime(time));

    public static DateTime Now(TimeProvider clock) => ToLocal(clock.GetUtcNow().UtcDateTime);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock));
}

/// <summary>An ISO 8601 week (Monday–Sunday) with its ISO year: 2027-01-01 is in 2026-W53.</summary>
public readonly record struct IsoWeek(int Year, int Week) : IComparable<IsoWeek>
{
    public static IsoWeek Of(DateOnly date)
    {
        var d = date.ToDateTime(TimeOnly.MinValue);
        return new IsoWeek(ISOWeek.GetYear(d), ISOWeek.GetWeekOfYear(d));
    }

    public static IsoWeek OfUtc(DateTime utc) => Of(DateOnly.FromDateTime(HelsinkiTime.ToLocal(utc)));

    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));
    public DateOnly Sunday => Monday.AddDays(6);
    public IsoWeek Next => Of(Monday.AddDays(7));
    public IsoWeek Previous => Of(Monday.AddDays(-7));

    public static int WeeksIn(int isoYear) => ISOWeek.GetWeeksInYear(isoYear);

    public static bool TryCreate(int year, int week, out IsoWeek result)
    {
        result = default;
        if (year is < 2000 or > 2100 || week < 1 || week > WeeksIn(year)) return false;
        result = new IsoWeek(year, week);
        return true;
    }

    /// <summary>Days the calendar and the weekly views can show: the years <see cref="TryCreate"/> accepts. Far dates
    /// in an address (9999-12-31) would overflow the week's Sunday.</summary>
    public static bool IsShowable(DateOnly date) => date.Year is >= 2000 and <= 2100;

    /// <summary>The week an address asks for with its <c>year</c> and <c>week</c> parameters, as typed: none given is
    /// <see cref="WeekAddress.None"/>; a week past the year's last (2027 has no week 53) is the nearest week of that year;
    /// anything unreadable or outside 2000–2100 is <see cref="WeekAddress.Invalid"/>. Callers show the current week then.</summary>
    public static WeekAddress FromAddress(string? year, string? week, out IsoWeek result)
    {
        result = default;
        if (year is null && week is null) return WeekAddress.None;
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(week, NumberStyles.None, CultureInfo.InvariantCulture, out var w)
            || y is < 2000 or > 2100)
            return WeekAddress.Invalid;
        if (TryCreate(y, w, out result)) return WeekAddress.Exact;
        result = new IsoWeek(y, Math.Clamp(w, 1, WeeksIn(y)));
        return WeekAddress.Nearest;
    }

    public int CompareTo(IsoWeek other) => Year != other.Year ? Year.CompareTo(other.Year) : Week.CompareTo(other.Week);

    public override string ToString() => $"{Year}-W{Week:00}";
}

/// <summary>How a week in an address was read: see <see cref="IsoWeek.FromAddress"/>.</summary>
public enum WeekAddress { None, Exact, Nearest, Invalid }
