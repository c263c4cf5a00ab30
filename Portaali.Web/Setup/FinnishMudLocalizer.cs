using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Portaali.Web.Setup;

/// <summary>MudBlazor's own texts (pager, dialogs, inputs) in Finnish; English falls back to MudBlazor's built-in texts.</summary>
public class FinnishMudLocalizer : MudLocalizer
{
    private static readonly ResourceManager Texts = new("Portaali.Web.Resources.MudTexts", typeof(FinnishMudLocalizer).Assembly);

    public override LocalizedString this[string key]
    {
        get
        {
            if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fi" && Texts.GetString(key, CultureInfo.InvariantCulture) is { } text)
                return new LocalizedString(key, text);
            return base[key];
        }
    }
}
