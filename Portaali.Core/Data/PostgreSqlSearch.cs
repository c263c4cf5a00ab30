using Microsoft.EntityFrameworkCore.Migrations;

namespace Portaali.Core.Data;

/// <summary>
/// The search indexes on PostgreSQL (migration InitialPostgreSql), in place of SQLite's FTS5 trigram tables and their
/// triggers (<see cref="ActivitySearchTriggers"/>, <see cref="CustomerSearchTriggers"/>). <c>pg_trgm</c> GIN indexes answer
/// LIKE '%word%' themselves, so there is no separate table to keep in step:
/// <list type="bullet">
/// <item>activities: over <see cref="Fold"/> of <c>SearchText</c> (title and memo in lower case), so a word finds its
/// substrings with or without diacritics (FTS5's <c>remove_diacritics</c>: "hameen" finds "Hämeenlinna");</item>
/// <item>customers' and contacts' names: over <c>NameSearch</c> as it is, as SQLite keeps the exact meaning of the words
/// with LIKE after its trigram index.</item>
/// </list>
/// Trigrams find substrings, as SQLite's trigram tokenizer does; a <c>tsvector</c> with the Finnish configuration would find
/// stemmed words instead ("koulu" would no longer find "henkilöstökoulutus"), so the two providers would disagree.
/// </summary>
public static class PostgreSqlSearch
{
    /// <summary>Lower case without diacritics; immutable so that an index can be built over it (unaccent itself is only stable).</summary>
    public const string Fold = "portaali_search_fold";

    public static void Create(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($$"""
            CREATE FUNCTION {{Fold}}(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                AS $fn$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $fn$;
            """);
        migrationBuilder.Sql($"""
            CREATE INDEX "IX_Activities_SearchText_trgm" ON "Activities" USING gin ({Fold}("SearchText") gin_trgm_ops);
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_Customers_NameSearch_trgm" ON "Customers" USING gin ("NameSearch" gin_trgm_ops);
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_Contacts_NameSearch_trgm" ON "Contacts" USING gin ("NameSearch" gin_trgm_ops);
            """);
    }
}
