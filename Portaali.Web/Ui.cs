namespace Portaali.Web;

/// <summary>Marker for the UI texts in Resources/Ui.resx (Finnish) and Ui.en.resx (English).</summary>
public sealed class Ui;
