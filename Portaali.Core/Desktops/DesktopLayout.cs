using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portaali.Core.Desktops;

/// <summary>
/// A desktop: widgets in reading order on a 12-column grid that wraps. The order is the position (a move changes it);
/// <see cref="WidgetPlacement.Width"/> is columns and <see cref="WidgetPlacement.Height"/> rows of a fixed height.
/// Stored as JSON on the role default and on a user's own copy.
/// </summary>
public sealed record DesktopLayout(IReadOnlyList<WidgetPlacement> Widgets)
{
    public static readonly DesktopLayout Empty = new([]);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a stored layout; an unreadable one (a hand-edited row) is empty rather than a broken desktop.</summary>
    public static DesktopLayout FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return Empty;
        try { return JsonSerializer.Deserialize<DesktopLayout>(json, Json) ?? Empty; }
        catch (JsonException) { return Empty; }
    }

    public bool Equals(DesktopLayout? other) => other is not null && ToJson() == other.ToJson();
    public override int GetHashCode() => ToJson().GetHashCode();
}

/// <summary>One widget on a desktop. <see cref="Id"/> tells two widgets of the same kind apart (two care-plan lists,
/// mine and everyone's).</summary>
public sealed record WidgetPlacement(Guid Id, string Key, int Width, int Height, IReadOnlyDictionary<string, string>? Settings = null)
{
    /// <summary>The widths a widget may take, in columns of twelve (a third, half, two thirds, whole).</summary>
    public static readonly int[] Widths = [4, 6, 8, 12];
    public const int MinHeight = 1;
    public const int MaxHeight = 3;

    /// <summary>The value of a setting, or the widget's default for it.</summary>
    public string Setting(string name) =>
        Settings is not null && Settings.TryGetValue(name, out var value) ? value
        : WidgetRegistry.Find(Key)?.Settings.FirstOrDefault(s => s.Name == name)?.Default ?? "";

    public static WidgetPlacement New(WidgetDefinition widget, IReadOnlyDictionary<string, string>? settings = null) =>
        new(Guid.NewGuid(), widget.Key, widget.DefaultWidth, widget.DefaultHeight, settings);
}
