using System.Globalization;
using Portaali.Core.Common;
using Portaali.Core.Users;

namespace Portaali.Core.Usage;

/// <summary>What one user or group did in the period: the report's columns.</summary>
public sealed record UsageCounts(int SignIns, int ActiveDays, int Activities, int CustomersCreated, int CustomersUpdated, int Offers,
    int SelectionExports)
{
    public static readonly UsageCounts Zero = new(0, 0, 0, 0, 0, 0, 0);
}

/// <summary>A user's row; inactive users are included when they did something in the period.</summary>
public sealed record UsageUserRow(int UserId, string Name, UserGroup Group, bool IsActive, UsageCounts Counts);

/// <summary>A group's row: its users now, those with an active day in the period, and its counts (customers counted once
/// per group even when two of its members changed the same customer).</summary>
public sealed record UsageGroupRow(UserGroup Group, int Users, int ActiveUsers, UsageCounts Counts);

/// <summary>A group's month: users with an active day in the month, and their active days.</summary>
public sealed record UsageMonth(UserGroup Group, DateOnly Month, int ActiveUsers, int ActiveDays);

/// <summary>The usage report for [From, To] (Helsinki dates, both included).</summary>
public sealed record UsageReport(DateOnly From, DateOnly To, IReadOnlyList<UsageGroupRow> Groups, IReadOnlyList<UsageUserRow> Users,
    IReadOnlyList<DateOnly> Months, IReadOnlyList<UsageMonth> Series)
{
    public UsageMonth MonthOf(UserGroup group, DateOnly month) =>
        Series.FirstOrDefault(m => m.Group == group && m.Month == month) ?? new UsageMonth(group, month, 0, 0);
}

/// <summary>The last days in short, for the desktop widget.</summary>
public sealed record UsageSummary(DateOnly From, DateOnly To, IReadOnlyList<UsageSummaryRow> Groups)
{
    public int ActiveUsers => Groups.Sum(g => g.ActiveUsers);
    public int SignIns => Groups.Sum(g => g.SignIns);
}

public sealed record UsageSummaryRow(UserGroup Group, int ActiveUsers, int SignIns);

/// <summary>A report period: the half-year presets (the report is made twice a year) and dates typed by a person.</summary>
public readonly record struct UsagePeriod(DateOnly From, DateOnly To)
{
    /// <summary>1.1.–30.6. and 1.7.–31.12. of this and last year, the latest first.</summary>
    public static IReadOnlyList<UsagePeriod> Presets(DateOnly today) =>
    [
        .. new[] { today.Year, today.Year - 1 }.SelectMany(y => new[] { SecondHalf(y), FirstHalf(y) }).Where(p => p.From <= today),
    ];

    public static UsagePeriod FirstHalf(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 6, 30));
    public static UsagePeriod SecondHalf(int year) => new(new DateOnly(year, 7, 1), new DateOnly(year, 12, 31));

    /// <summary>The half-year that holds <paramref name="today"/>: what the page opens with.</summary>
    public static UsagePeriod Current(DateOnly today) => today.Month <= 6 ? FirstHalf(today.Year) : SecondHalf(today.Year);

    /// <summary>A date as a person types it in their culture (1.7.2026 in Finnish, 7/1/2026 in US English); the ISO form
    /// 2026-07-01 is read in either.</summary>
    public static bool TryParseDate(string? text, CultureInfo culture, out DateOnly date)
    {
        var trimmed = text?.Trim() ?? "";
        return DateOnly.TryParse(trimmed, culture, DateTimeStyles.None, out date)
            || DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>Refuses a period that ends before it starts or lies outside the years the app shows.</summary>
    public void Validate()
    {
        if (From.Year is < 2000 or > 2100 || To.Year is < 2000 or > 2100) throw new DomainException(CoreText.Get("UsagePeriodOutOfRange"));
        if (To < From) throw new DomainException(CoreText.Get("UsagePeriodReversed"));
    }
}
