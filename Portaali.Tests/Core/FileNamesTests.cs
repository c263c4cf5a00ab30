using Portaali.Core.Common;

namespace Portaali.Tests.Core;

/// <summary>What an uploaded file's name becomes when shown and sent back in a download.</summary>
public class FileNamesTests
{
    [Theory]
    [InlineData("Kuva 📷.png", "Kuva 📷.png")]
    [InlineData("rikki\uD800.pdf", "rikki.pdf")] // half a surrogate pair
    [InlineData("tab\there.txt", "tabhere.txt")]
    [InlineData("...", "liite")]
    [InlineData("COM1.report.pdf", "_COM1.report.pdf")]
    [InlineData("versio 1.2 final", "versio 1.2 final")] // " final" is no extension
    [InlineData("Sopimus.PDF", "Sopimus.pdf")]
    public void Names_are_made_safe(string name, string expected) => Assert.Equal(expected, FileNames.Safe(name));

    [Fact]
    public void Shortening_never_splits_a_character_made_of_two_halves()
    {
        var safe = FileNames.Safe(string.Concat(Enumerable.Repeat("📷", 100)) + ".jpg");
        Assert.True(safe.Length <= FileNames.MaxLength);
        Assert.EndsWith("📷.jpg", safe);
        Assert.DoesNotContain('\uFFFD', safe);
    }

    [Theory]
    [InlineData("a.PDF", "application/pdf")]
    [InlineData("a.eml", "message/rfc822")]
    [InlineData("a.html", "application/octet-stream")]
    [InlineData("a", "application/octet-stream")]
    public void The_content_type_follows_the_extension_only(string name, string expected) => Assert.Equal(expected, FileNames.ContentTypeOf(name));
}
