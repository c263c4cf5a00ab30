using Portaali.Core.Imports;
using Portaali.Tests.Support;

namespace Portaali.Tests.Imports;

public class ImportTextTests
{
    [Theory]
    [InlineData("fi")]
    [InlineData("en")]
    public void Every_field_and_pseudo_field_has_a_name_in_both_languages(string language)
    {
        using var _ = language == "fi" ? UiCulture.Finnish() : UiCulture.English();
        var fields = Enum.GetNames<ImportField>().Concat([ImportChanges.ClassificationField, ImportChanges.SuggestionField, ImportChanges.ContactField, ImportChanges.ResponsibleField]);
        Assert.All(fields, f => Assert.DoesNotContain("ImportField_", ImportFieldNames.Display(f)));
        Assert.All(Enum.GetNames<ImportSource>(), s => Assert.NotEqual($"ImportSource_{s}", Portaali.Core.Common.CoreText.Get($"ImportSource_{s}")));
        Assert.All(new[] { "KONK", "SELTILA", "ENDED" }, c => Assert.NotEqual($"PassivationReason_{c}", Portaali.Core.Common.CoreText.Get($"PassivationReason_{c}", "1.1.2025")));
    }
}
