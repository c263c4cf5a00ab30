using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Portaali.Core.Classifications;
using Portaali.Core.Users;
using Portaali.Web.Components.Shared;

namespace Portaali.Tests.Components.Shared;

public class ClassificationPickerDialogTests : ComponentHarness
{
    private int activeId;

    private async Task<IDialogReference> OpenPickerAsync()
    {
        await SignInAsync(UserGroup.AccountManager);
        var root = await AddClassificationAsync(ClassificationTarget.Customer, "Toimiala");
        activeId = await AddClassificationAsync(ClassificationTarget.Customer, "Rakentaminen", root);
        await AddClassificationAsync(ClassificationTarget.Customer, "Kaivostoiminta", root, retired: true);
        await AddClassificationAsync(ClassificationTarget.Contact, "Päättäjä");
        var dialog = await ShowDialogAsync(new DialogParameters<ClassificationPickerDialog> { { d => d.Target, ClassificationTarget.Customer } });
        Providers.WaitForAssertion(() => Assert.NotEmpty(Labels()));
        return dialog;
    }

    private IReadOnlyList<string> Labels() =>
        Providers.FindAll(".mud-treeview-item-label").Select(l => l.TextContent.Trim()).ToList();

    private IElement Item(string label) =>
        Providers.FindAll(".mud-treeview-item-label").Single(l => l.TextContent.Trim() == label).Closest("li")!;

    private IElement AssignButton => Providers.Find("[data-testid=pick-classification]");

    [Fact]
    public async Task Retired_nodes_are_disabled_and_labelled_as_retired()
    {
        await OpenPickerAsync();

        Assert.Equal(["Toimiala", "Kaivostoiminta (poistettu käytöstä)", "Rakentaminen"], Labels());
        Assert.Contains("mud-treeview-item-disabled", Item("Kaivostoiminta (poistettu käytöstä)").ClassList);
        Assert.DoesNotContain("mud-treeview-item-disabled", Item("Rakentaminen").ClassList);
    }

    [Fact]
    public async Task Clicking_a_retired_node_leaves_assign_disabled_while_an_active_node_can_be_picked()
    {
        var dialog = await OpenPickerAsync();
        Assert.True(AssignButton.HasAttribute("disabled"));

        await Item("Kaivostoiminta (poistettu käytöstä)").QuerySelector(".mud-treeview-item-content")!.ClickAsync(new MouseEventArgs());
        Assert.True(AssignButton.HasAttribute("disabled"));

        await Item("Rakentaminen").QuerySelector(".mud-treeview-item-content")!.ClickAsync(new MouseEventArgs());
        Providers.WaitForAssertion(() => Assert.False(AssignButton.HasAttribute("disabled")));
        await AssignButton.ClickAsync(new MouseEventArgs());

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(activeId, result!.Data);
    }
}
