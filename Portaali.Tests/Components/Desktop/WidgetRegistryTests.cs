using System.Xml.Linq;
using Portaali.Core.Desktops;
using Portaali.Web.Components.Pages.Desktop;

namespace Portaali.Tests.Components.Desktop;

/// <summary>A widget in the registry without a component, a title or a setting's words would show as a gap or a raw key on
/// someone's desktop.</summary>
public class WidgetRegistryTests
{
    [Fact]
    public void Every_widget_has_a_component_taking_its_placement()
    {
        foreach (var widget in WidgetRegistry.All)
        {
            Assert.True(DesktopWidgets.Components.TryGetValue(widget.Key, out var component), $"{widget.Key} has no component");
            Assert.NotNull(component!.GetProperty("Placement"));
        }
        Assert.Equal(WidgetRegistry.All.Count, WidgetRegistry.All.Select(w => w.Key).Distinct().Count());
    }

    [Theory]
    [InlineData("Ui.resx")]
    [InlineData("Ui.en.resx")]
    public void Every_widget_title_setting_and_choice_has_its_words(string file)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Portaali.sln"))) root = Path.GetDirectoryName(root)!;
        var keys = XDocument.Load(Path.Combine(root, "Portaali.Web", "Resources", file)).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).ToHashSet();
        var wanted = WidgetRegistry.All.SelectMany(w => w.Settings.SelectMany(s => s.Choices.Select(c => $"WidgetSetting_{s.Name}_{c.Value}").Append($"WidgetSetting_{s.Name}"))
            .Append(w.TitleResource));
        Assert.Empty(wanted.Except(keys));
    }

    [Fact]
    public void A_default_desktop_keeps_its_widget_ids_between_loads()
    {
        foreach (var group in Enum.GetValues<Portaali.Core.Users.UserGroup>())
        {
            Assert.Equal(WidgetRegistry.DefaultFor(group).Widgets.Select(w => w.Id), WidgetRegistry.DefaultFor(group).Widgets.Select(w => w.Id));
            Assert.NotEmpty(WidgetRegistry.DefaultFor(group).Widgets);
        }
    }
}
