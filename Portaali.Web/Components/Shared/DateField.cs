using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Portaali.Web.Components.Shared;

/// <summary>
/// The app's date picker: MudDatePicker whose calendar button is named after its field ("Valitse päivä: Alkaen"), so a
/// screen reader never meets an unnamed button and a new form cannot forget it. Every MudDatePicker parameter works as is.
/// </summary>
public class DateField : MudDatePicker
{
    [Inject] private IStringLocalizer<Ui> L { get; set; } = default!;

    public override Task SetParametersAsync(ParameterView parameters)
    {
        var values = parameters.ToDictionary();
        if (values.ContainsKey(nameof(AdornmentAriaLabel))) return base.SetParametersAsync(parameters);
        var name = values.TryGetValue(nameof(Label), out var label) && label is string { Length: > 0 } text
            ? L["DatePickerButton", text].Value : L["DatePickerButtonPlain"].Value;
        return base.SetParametersAsync(ParameterView.FromDictionary(new Dictionary<string, object?>(values) { [nameof(AdornmentAriaLabel)] = name }));
    }
}
