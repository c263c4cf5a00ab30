using System.Net.Mail;
using System.Text.RegularExpressions;
using Portaali.Core.Common;

namespace Portaali.Core.Customers;

/// <summary>Field rules shared by the edit forms and the services that save them.</summary>
public static partial class CustomerRules
{
    [GeneratedRegex(@"^\+?[0-9 ()\-]{5,20}$")]
    private static partial Regex PhoneShape();

    public static string? ValidateName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? CoreText.Get("NameRequired")
        : name.Trim().Length > 200 ? CoreText.Get("NameTooLong") : null;

    public static string? ValidateBusinessId(string? value)
    {
        var normalized = BusinessId.Normalize(value);
        if (normalized is null) return null;
        if (!BusinessId.HasValidShape(normalized)) return CoreText.Get("BusinessIdFormat");
        return BusinessId.IsValid(normalized) ? null : CoreText.Get("BusinessIdCheckDigit");
    }

    public static string? ValidateEmail(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var trimmed = value.Trim();
        return MailAddress.TryCreate(trimmed, out var address) && address.Address == trimmed && trimmed.Contains('.', StringComparison.Ordinal)
            ? null : CoreText.Get("EmailFormat");
    }

    public static string? ValidatePhone(string? value) =>
        string.IsNullOrWhiteSpace(value) || PhoneShape().IsMatch(value.Trim()) ? null : CoreText.Get("PhoneFormat");

    public static string? ValidateWebsite(string? value) =>
        string.IsNullOrWhiteSpace(value) || NormalizeWebsite(value) is not null ? null : CoreText.Get("WebsiteFormat");

    /// <summary>A website as stored: an http(s) address, with https:// put in front of what users type ("www.yritys.fi");
    /// null for a blank one and for anything else (javascript:, data:, other schemes, spaces, quotes).</summary>
    public static string? NormalizeWebsite(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        // Browsers drop tabs and line breaks inside an address ("java\tscript:"), so none may be there.
        if (text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '\'' or '<' or '>' or '`' or '\\')) return null;
        var hasScheme = text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        // "javascript:", "data:", "mailto:": a scheme of its own. "www.yritys.fi:8080" has a dot before its colon and is a host.
        if (!hasScheme && OtherScheme().IsMatch(text)) return null;
        var address = hasScheme ? text : "https://" + text;
        return IsLinkable(address) ? address : null;
    }

    /// <summary>Whether a stored website may be shown as a link: an absolute http(s) address with a host. Rows saved before
    /// the rule are shown as plain text when not.</summary>
    public static bool IsLinkable(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
        && (value!.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+\-]*:|^[^.:/]*://|^//")]
    private static partial Regex OtherScheme();

    public static string? ValidateSizeClass(int value) =>
        value is >= 0 and <= 9 ? null : CoreText.Get("SizeClassRange");

    public static IReadOnlyList<FieldError> Validate(CustomerEdit edit)
    {
        var errors = new List<FieldError>();
        void Check(string field, string? message) { if (message is not null) errors.Add(new(field, message)); }
        Check(nameof(edit.Name), ValidateName(edit.Name));
        Check(nameof(edit.BusinessId), ValidateBusinessId(edit.BusinessId));
        Check(nameof(edit.Email), ValidateEmail(edit.Email));
        Check(nameof(edit.Phone), ValidatePhone(edit.Phone));
        Check(nameof(edit.Website), ValidateWebsite(edit.Website));
        Check(nameof(edit.SizeClass), ValidateSizeClass(edit.SizeClass));
        if (edit.Revenue < 0) Check(nameof(edit.Revenue), CoreText.Get("RevenueNegative"));
        return errors;
    }

    public static IReadOnlyList<FieldError> Validate(Contacts.ContactEdit edit)
    {
        var errors = new List<FieldError>();
        void Check(string field, string? message) { if (message is not null) errors.Add(new(field, message)); }
        if (string.IsNullOrWhiteSpace(edit.FirstName)) Check(nameof(edit.FirstName), CoreText.Get("FirstNameRequired"));
        if (string.IsNullOrWhiteSpace(edit.LastName)) Check(nameof(edit.LastName), CoreText.Get("LastNameRequired"));
        Check(nameof(edit.Email), ValidateEmail(edit.Email));
        Check(nameof(edit.Phone), ValidatePhone(edit.Phone));
        return errors;
    }

    /// <summary>A name reduced to what tells companies apart: lower case, no company form, no punctuation.</summary>
    public static string ComparableName(string name)
    {
        var words = Regex.Split(name.ToLowerInvariant(), @"[^\p{L}\p{Nd}]+")
            .Where(w => w.Length > 0 && !CompanyFormWords.Contains(w));
        return string.Join(" ", words);
    }

    /// <summary>
    /// The customers whose stored comparable name could pass <see cref="AreSimilarNames"/> against <paramref name="name"/>,
    /// as SQL over the comparable name alone: the same name; one containing the other; or, for up to two edits, a length
    /// within two and one of the name's three pieces intact (two edits can break at most two of three pieces). A superset
    /// of the similar names, narrow enough to compare in memory; rows saved before the column existed are included.
    /// </summary>
    public static IQueryable<Customer> SimilarNameCandidates(IQueryable<Customer> customers, string name)
    {
        var x = ComparableName(name);
        if (x.Length == 0) return customers.Where(c => false);
        var (min, max) = (x.Length - 2, x.Length + 2);
        var third = x.Length / 3;
        var (p1, p2, p3) = (x[..third], x[third..(2 * third)], x[(2 * third)..]);
        var contains = x.Length >= 5;
        return customers.Where(c => c.ComparableName == null || c.ComparableName == x
            || (contains && c.ComparableName.Contains(x))
            || (c.ComparableName.Length >= 5 && x.Contains(c.ComparableName))
            || (c.ComparableName.Length >= min && c.ComparableName.Length <= max
                && (c.ComparableName.Contains(p1) || c.ComparableName.Contains(p2) || c.ComparableName.Contains(p3))));
    }

    private static readonly HashSet<string> CompanyFormWords =
        ["oy", "oyj", "ab", "abp", "ky", "ay", "tmi", "ry", "osk", "ltd", "oü", "inc", "lkv"];

    /// <summary>Two names are similar when their comparable forms match, one contains the other, or they are two edits apart.</summary>
    public static bool AreSimilarNames(string a, string b) => AreSimilarComparableNames(ComparableName(a), ComparableName(b));

    /// <summary><see cref="AreSimilarNames"/> on names already in their <see cref="ComparableName"/> form (such as the stored
    /// ones), so a caller comparing one name with many reduces it once.</summary>
    public static bool AreSimilarComparableNames(string x, string y)
    {
        if (x.Length == 0 || y.Length == 0) return false;
        if (x == y) return true;
        if (Math.Min(x.Length, y.Length) >= 5 && (x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal))) return true;
        return Math.Abs(x.Length - y.Length) <= 2 && Levenshtein(x, y) <= (Math.Max(x.Length, y.Length) >= 8 ? 2 : 1);
    }

    private static int Levenshtein(string s, string t)
    {
        var previous = new int[t.Length + 1];
        var current = new int[t.Length + 1];
        for (var j = 0; j <= t.Length; j++) previous[j] = j;
        for (var i = 1; i <= s.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= t.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (s[i - 1] == t[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[t.Length];
    }

    public static string SearchForm(string text) => text.Trim().ToLowerInvariant();
}
