using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Portaali.Core.Customers;
using Portaali.Core.Segments;

namespace Portaali.Web.Customers;

/// <summary>A customer-list filter in the address: the customer search reads it, the customer-base analysis links to it
/// and the Excel export takes it, so a bookmark, a drill-down and a download all mean the same list. A value that does not
/// parse is left out rather than failing the page.</summary>
public static class CustomerQueryString
{
    public const string Text = "q", Segment = "segment", Municipality = "municipality", Mine = "mine", Passive = "passive",
        Group = "group", Size = "size", Region = "region", Industry = "industry", Moved = "moved", Since = "since", Until = "until";

    /// <summary>The "moved" value of a move with no earlier segment: a new customer.</summary>
    public const string New = "new";

    /// <summary>Every filter of the query as address parameters (null for the ones not set); paging and sorting stay out.</summary>
    public static Dictionary<string, object?> Parameters(CustomerQuery query) => new()
    {
        [Text] = string.IsNullOrWhiteSpace(query.Text) ? null : query.Text,
        [Segment] = query.Segment?.ToString(),
        [Municipality] = query.MunicipalityCode,
        [Mine] = query.OnlyMine ? "true" : null,
        [Passive] = query.IncludePassive ? "true" : null,
        [Group] = query.CustomerGroupId?.ToString(CultureInfo.InvariantCulture),
        [Size] = query.SizeClass?.ToString(CultureInfo.InvariantCulture),
        [Region] = query.Region,
        [Industry] = query.IndustrySection,
        [Moved] = query.Moved is { } m ? $"{m.From?.ToString() ?? New}-{m.To}" : null,
        [Since] = query.Moved?.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [Until] = query.Moved?.Until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>The address of the list behind <paramref name="query"/>, e.g. "/customers?segment=B&amp;passive=true".</summary>
    public static string ListUrl(CustomerQuery query, string path = "/customers") =>
        QueryHelpers.AddQueryString(path, Parameters(query).Where(p => p.Value is not null)
            .Select(p => new KeyValuePair<string, string?>(p.Key, (string)p.Value!)));

    public static CustomerQuery Parse(Func<string, string?> get)
    {
        static int? Int(string? value) => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        static DateOnly? Date(string? value) =>
            DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

        var municipality = get(Municipality);
        return new CustomerQuery
        {
            Text = get(Text),
            Segment = ParseSegment(get(Segment)),
            MunicipalityCode = Municipalities.NameOf(municipality) is null ? null : municipality,
            OnlyMine = bool.TryParse(get(Mine), out var mine) && mine,
            IncludePassive = bool.TryParse(get(Passive), out var passive) && passive,
            CustomerGroupId = Int(get(Group)),
            SizeClass = Int(get(Size)) is { } size and <= 9 ? size : null,
            Region = string.IsNullOrWhiteSpace(get(Region)) ? null : get(Region)!.Trim(),
            IndustrySection = get(Industry) is { } industry && (industry == CustomerQuery.Unknown || IndustrySections.Find(industry) is not null)
                ? IndustrySections.Find(industry)?.Letter ?? CustomerQuery.Unknown : null,
            Moved = ParseMove(get(Moved), Date(get(Since)), Date(get(Until))),
        };
    }

    public static CustomerQuery Parse(IQueryCollection query) => Parse(key => query.TryGetValue(key, out var v) ? v.ToString() : null);

    /// <summary>A segment by its name ("B", "Potential"); Enum.TryParse would also take "0" or "7", which no link carries.</summary>
    private static Segment? ParseSegment(string? value) =>
        value is { Length: > 0 } && char.IsLetter(value[0]) && Enum.TryParse<Segment>(value, out var s) && Enum.IsDefined(s) ? s : null;

    private static SegmentMove? ParseMove(string? moved, DateOnly? since, DateOnly? until)
    {
        if (moved?.Split('-') is not [var from, var to] || since is null || until is null || since > until) return null;
        if (ParseSegment(to) is not { } target) return null;
        if (from == New) return new SegmentMove(null, target, since.Value, until.Value);
        return ParseSegment(from) is { } source && source != target ? new SegmentMove(source, target, since.Value, until.Value) : null;
    }
}
