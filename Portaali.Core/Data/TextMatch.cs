using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace Portaali.Core.Data;

/// <summary>
/// "Contains, whatever the case" for free-text filters over plain columns (service-order titles and places, project names
/// and funders, campaign names, contact titles): <c>TextMatch.Lower(column).Contains(TextMatch.Pattern(text))</c>.
/// SQLite's <c>lower()</c> and <c>LIKE</c> fold only ASCII letters, so "äänekoski" missed "ÄÄNEKOSKI"; PostgreSQL's
/// <c>LIKE</c> folds nothing. On SQLite the capitals of Finnish, Swedish and loanword letters are lowered with
/// <c>replace()</c> after <c>lower()</c>; PostgreSQL's <c>lower()</c> folds every letter. Name searches do not use this:
/// they have stored search forms and their own indexes (<see cref="Customers.CustomerRules.SearchForm"/>).
/// </summary>
public static class TextMatch
{
    private static readonly (string Upper, string Lower)[] NonAsciiCapitals =
        [("Ä", "ä"), ("Ö", "ö"), ("Å", "å"), ("Ü", "ü"), ("É", "é"), ("È", "è"), ("Š", "š"), ("Ž", "ž"), ("Õ", "õ"), ("Ø", "ø"), ("Æ", "æ")];

    /// <summary>The column's lower-case form, in SQL only.</summary>
    public static string Lower(string? text) => throw new InvalidOperationException("TextMatch.Lower runs only inside a query");

    /// <summary>What the user typed, in the form <see cref="Lower"/> compares with.</summary>
    public static string Pattern(string text) => text.Trim().ToLowerInvariant();

    public static void Map(ModelBuilder b, bool postgreSql) =>
        b.HasDbFunction(typeof(TextMatch).GetMethod(nameof(Lower))!).HasTranslation(args =>
        {
            var mapping = args[0].TypeMapping;
            SqlExpression lowered = Call("lower", mapping, args[0]);
            if (postgreSql) return lowered;
            foreach (var (upper, lower) in NonAsciiCapitals)
                lowered = Call("replace", mapping, lowered, new SqlConstantExpression(upper, typeof(string), mapping),
                    new SqlConstantExpression(lower, typeof(string), mapping));
            return lowered;
        });

    private static SqlFunctionExpression Call(string name, RelationalTypeMapping? mapping, params SqlExpression[] arguments) =>
        new(name, arguments, nullable: true, argumentsPropagateNullability: arguments.Select(_ => true), typeof(string), mapping);
}
