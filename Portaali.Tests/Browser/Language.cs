using Microsoft.Playwright;

namespace Portaali.Tests.Browser;

/// <summary>One language at a time: the texts of the other language that a page in <c>culture</c> shows.</summary>
public static class Language
{
    // TODO(issue 11, language helper): compare the page's texts with the app's own texts of the other language.
    public static Task<IReadOnlyList<string>> OtherLanguagesTextsAsync(IPage page, string culture) => Task.FromResult<IReadOnlyList<string>>([]);
}
