using System.Globalization;
using System.Text.RegularExpressions;
using Portaali.Core.Auditing;
using Portaali.Core.Customers;

namespace Portaali.Core.Imports;

/// <summary>A customer field an import may write; BusinessId and ExternalNumber only find the customer.</summary>
public enum ImportField
{
    BusinessId, ExternalNumber,
    Name, CompanyForm, IndustryCode, Website, Phone, Email,
    VisitingStreet, VisitingPostalCode, VisitingCity, PostalStreet, PostalPostalCode, PostalCity, MunicipalityCode,
    SizeClass, Revenue, Headcount,
    IndustryCodeSet, IndustryDescription, RegistrationDate, EndDate, Situations, FormerNames,
    /// <summary>The register's main line of business in its own code set; never the customer's TOL 2008 code.</summary>
    MainLineCode,
}

/// <summary>A value an import proposes for a field. Overwrite false fills only an empty field; ClearIfEmpty lets a
/// register say that a situation has ended.</summary>
public record FieldValue(ImportField Field, string? Value, bool Overwrite = true, bool ClearIfEmpty = false);

/// <summary>Reads and writes import fields on a customer and its profile as canonical strings, and compares them.</summary>
public static partial class ImportFields
{
    public static readonly ImportField[] Keys = [ImportField.BusinessId, ImportField.ExternalNumber];

    public static bool IsKey(ImportField field) => Keys.Contains(field);

    public static string? Get(ImportField field, Customer c, CompanyProfile? p) => field switch
    {
        ImportField.BusinessId => c.BusinessId,
        ImportField.Name => c.Name,
        ImportField.CompanyForm => c.CompanyForm,
        ImportField.IndustryCode => c.IndustryCode,
        ImportField.Website => c.Website,
        ImportField.Phone => c.Phone,
        ImportField.Email => c.Email,
        ImportField.VisitingStreet => c.VisitingAddress.Street,
        ImportField.VisitingPostalCode => c.VisitingAddress.PostalCode,
        ImportField.VisitingCity => c.VisitingAddress.City,
        ImportField.PostalStreet => c.PostalAddress.Street,
        ImportField.PostalPostalCode => c.PostalAddress.PostalCode,
        ImportField.PostalCity => c.PostalAddress.City,
        ImportField.MunicipalityCode => c.MunicipalityCode,
        ImportField.SizeClass => c.SizeClass == 0 ? null : c.SizeClass.ToString(CultureInfo.InvariantCulture),
        ImportField.Revenue => FormatDecimal(c.Revenue),
        ImportField.Headcount => p?.Headcount?.ToString(CultureInfo.InvariantCulture),
        ImportField.IndustryCodeSet => p?.IndustryCodeSet,
        ImportField.MainLineCode => p?.MainLineCode,
        ImportField.IndustryDescription => p?.IndustryDescription,
        ImportField.RegistrationDate => p?.RegistrationDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ImportField.EndDate => p?.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ImportField.Situations => p?.Situations,
        ImportField.FormerNames => p?.FormerNames,
        _ => null,
    };

    /// <summary>Writes an already validated canonical value.</summary>
    public static void Set(ImportField field, Customer c, CompanyProfile p, string? v)
    {
        switch (field)
        {
            case ImportField.Name: c.Name = v!; c.NameSearch = CustomerRules.SearchForm(v!); break;
            case ImportField.CompanyForm: c.CompanyForm = v; break;
            case ImportField.IndustryCode: c.IndustryCode = v; break;
            case ImportField.Website: c.Website = v; break;
            case ImportField.Phone: c.Phone = v; break;
            case ImportField.Email: c.Email = v; break;
            // Owned addresses are replaced whole so EF Core sees the change.
            case ImportField.VisitingStreet: c.VisitingAddress = With(c.VisitingAddress, street: v); break;
            case ImportField.VisitingPostalCode: c.VisitingAddress = With(c.VisitingAddress, postalCode: v); break;
            case ImportField.VisitingCity: c.VisitingAddress = With(c.VisitingAddress, city: v); break;
            case ImportField.PostalStreet: c.PostalAddress = With(c.PostalAddress, street: v); break;
            case ImportField.PostalPostalCode: c.PostalAddress = With(c.PostalAddress, postalCode: v); break;
            case ImportField.PostalCity: c.PostalAddress = With(c.PostalAddress, city: v); break;
            case ImportField.MunicipalityCode: c.MunicipalityCode = v; break;
            case ImportField.SizeClass: c.SizeClass = v is null ? 0 : int.Parse(v, CultureInfo.InvariantCulture); break;
            case ImportField.Revenue: c.Revenue = v is null ? null : decimal.Parse(v, CultureInfo.InvariantCulture); break;
            case ImportField.Headcount: p.Headcount = v is null ? null : int.Parse(v, CultureInfo.InvariantCulture); break;
            case ImportField.IndustryCodeSet: p.IndustryCodeSet = v; break;
            case ImportField.MainLineCode: p.MainLineCode = v; break;
            case ImportField.IndustryDescription: p.IndustryDescription = v; break;
            case ImportField.RegistrationDate: p.RegistrationDate = v is null ? null : DateOnly.ParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture); break;
            case ImportField.EndDate: p.EndDate = v is null ? null : DateOnly.ParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture); break;
            case ImportField.Situations: p.Situations = v; break;
            case ImportField.FormerNames: p.FormerNames = v; break;
        }
    }

    private static Address With(Address a, string? street = null, string? postalCode = null, string? city = null) => new()
    {
        Street = street ?? a.Street, PostalCode = postalCode ?? a.PostalCode, City = city ?? a.City,
    };

    /// <summary>The changes the values would make: an empty proposal never clears a field unless it says so, and a
    /// non-overwriting value only fills an empty field.</summary>
    public static List<FieldChange> Diff(Customer c, CompanyProfile? p, IEnumerable<FieldValue> values)
    {
        var changes = new List<FieldChange>();
        foreach (var v in values)
        {
            if (IsKey(v.Field)) continue;
            var old = Get(v.Field, c, p);
            var proposed = string.IsNullOrWhiteSpace(v.Value) ? null : v.Value.Trim();
            if (proposed is null && !v.ClearIfEmpty) continue;
            if (old is not null && !v.Overwrite) continue;
            if (string.Equals(old, proposed, StringComparison.Ordinal)) continue;
            // Addresses: setting a street to null through With() would keep the old one; clear explicitly.
            changes.Add(new FieldChange(v.Field.ToString(), old, proposed));
        }
        return changes;
    }

    public static void Apply(Customer c, CompanyProfile p, IEnumerable<FieldChange> changes)
    {
        foreach (var change in changes)
        {
            var field = Enum.Parse<ImportField>(change.Field);
            if (change.New is null && field is >= ImportField.VisitingStreet and <= ImportField.PostalCity)
                ClearAddressPart(field, c);
            else
                Set(field, c, p, change.New);
        }
    }

    private static void ClearAddressPart(ImportField field, Customer c)
    {
        Address Copy(Address a) => new() { Street = a.Street, PostalCode = a.PostalCode, City = a.City };
        var visiting = Copy(c.VisitingAddress);
        var postal = Copy(c.PostalAddress);
        switch (field)
        {
            case ImportField.VisitingStreet: visiting.Street = null; break;
            case ImportField.VisitingPostalCode: visiting.PostalCode = null; break;
            case ImportField.VisitingCity: visiting.City = null; break;
            case ImportField.PostalStreet: postal.Street = null; break;
            case ImportField.PostalPostalCode: postal.PostalCode = null; break;
            case ImportField.PostalCity: postal.City = null; break;
        }
        c.VisitingAddress = visiting;
        c.PostalAddress = postal;
    }

    public static string? FormatDecimal(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"[\s\u00A0\u202F€]")]
    private static partial Regex NumberNoise();

    /// <summary>Parses "1 234 567,50", "1234567.50" and "1.234.567,50": a decimal comma, spaces as thousands separators.</summary>
    public static bool TryParseDecimal(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = NumberNoise().Replace(text, "");
        if (s.Contains(',') && s.Contains('.'))
            s = s.LastIndexOf(',') > s.LastIndexOf('.') ? s.Replace(".", "").Replace(',', '.') : s.Replace(",", "");
        else if (s.Contains(','))
            s = s.Replace(',', '.');
        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Statistics Finland's headcount size classes 1–9.</summary>
    public static int SizeClassOf(int headcount) => headcount switch
    {
        < 5 => 1, < 10 => 2, < 20 => 3, < 50 => 4, < 100 => 5, < 250 => 6, < 500 => 7, < 1000 => 8, _ => 9,
    };

    /// <summary>Turns a raw text into the field's canonical value, or returns a message for the row error.</summary>
    public static (string? Value, string? Error) Normalize(ImportField field, string? raw)
    {
        var text = string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();
        if (text is null) return (null, null);
        switch (field)
        {
            case ImportField.Revenue:
                return TryParseDecimal(text, out var d) && d >= 0
                    ? (FormatDecimal(d), null) : (null, Common.CoreText.Get("ImportBadNumber", text));
            case ImportField.Headcount:
                return TryParseDecimal(text, out var h) && h >= 0 && h == Math.Floor(h) && h <= int.MaxValue
                    ? (((int)h).ToString(CultureInfo.InvariantCulture), null) : (null, Common.CoreText.Get("ImportBadNumber", text));
            case ImportField.SizeClass:
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s is >= 1 and <= 9
                    ? (s.ToString(CultureInfo.InvariantCulture), null) : (null, Common.CoreText.Get("SizeClassRange"));
            case ImportField.Email:
                return CustomerRules.ValidateEmail(text) is { } emailError ? (null, emailError) : (text, null);
            case ImportField.Phone:
                return CustomerRules.ValidatePhone(text) is { } phoneError ? (null, phoneError) : (text, null);
            case ImportField.Website:
                return CustomerRules.NormalizeWebsite(text) is { } website ? (website, null) : (null, Common.CoreText.Get("WebsiteFormat"));
            case ImportField.MunicipalityCode:
                return Municipalities.All.Any(m => m.Code == text) ? (text, null)
                    : Municipalities.All.FirstOrDefault(m => string.Equals(m.Name, text, StringComparison.CurrentCultureIgnoreCase)) is { } m
                        ? (m.Code, null) : (null, Common.CoreText.Get("ImportUnknownMunicipality", text));
            case ImportField.Name:
                return CustomerRules.ValidateName(text) is { } nameError ? (null, nameError) : (text, null);
            default:
                return (text.Length > 200 ? text[..200] : text, null);
        }
    }
}

public static class ImportFieldNames
{
    /// <summary>A field or pseudo-field (Classification, Suggestion, Contact) in the user's language.</summary>
    public static string Display(string field) => Common.CoreText.Get($"ImportField_{field}");

    /// <summary>A field's canonical value as people read it: euros and headcounts with Finnish separators, dates as d.M.yyyy,
    /// a municipality by its name.</summary>
    public static string? DisplayValue(string field, string? value)
    {
        if (value is null || !Enum.TryParse<ImportField>(field, out var f)) return value;
        var culture = CultureInfo.CurrentCulture;
        return f switch
        {
            ImportField.Revenue when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var euros) =>
                euros.ToString(euros == decimal.Truncate(euros) ? "N0" : "N2", culture) + " €",
            ImportField.Headcount when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var people) =>
                people.ToString("N0", culture),
            ImportField.RegistrationDate or ImportField.EndDate
                when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) =>
                date.ToString("d.M.yyyy", CultureInfo.InvariantCulture),
            ImportField.MunicipalityCode => Municipalities.All.FirstOrDefault(m => m.Code == value) is { } m ? $"{m.Name} ({m.Code})" : value,
            _ => value,
        };
    }
}
