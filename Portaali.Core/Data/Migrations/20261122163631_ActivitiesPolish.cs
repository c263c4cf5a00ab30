using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portaali.Core.Data.Migrations
{
    /// <summary>
    /// Full-text search over activity titles and memos: an external-content FTS5 table with the trigram tokenizer
    /// (substrings, so Finnish compounds and inflections are found; case and ä/ö/å folded, so "kaynti" finds "Käynti"),
    /// kept in step with Activities by triggers. EF Core knows nothing of it: if a later migration rebuilds the
    /// Activities table, SQLite drops these triggers with it, and that migration must run this SQL again
    /// (MigrationTests checks that the index and its triggers exist after every migration).
    /// </summary>
    public partial class ActivitiesPolish : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ActivitySearch" USING fts5(
                    "Title", "Memo", content='Activities', content_rowid='Id', tokenize='trigram remove_diacritics 1');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Activities_search_insert" AFTER INSERT ON "Activities" BEGIN
                    INSERT INTO "ActivitySearch"(rowid, "Title", "Memo") VALUES (new."Id", new."Title", new."Memo");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Activities_search_delete" AFTER DELETE ON "Activities" BEGIN
                    INSERT INTO "ActivitySearch"("ActivitySearch", rowid, "Title", "Memo") VALUES ('delete', old."Id", old."Title", old."Memo");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Activities_search_update" AFTER UPDATE OF "Title", "Memo" ON "Activities" BEGIN
                    INSERT INTO "ActivitySearch"("ActivitySearch", rowid, "Title", "Memo") VALUES ('delete', old."Id", old."Title", old."Memo");
                    INSERT INTO "ActivitySearch"(rowid, "Title", "Memo") VALUES (new."Id", new."Title", new."Memo");
                END;
                """);
            // Index the activities recorded before this migration.
            migrationBuilder.Sql("""INSERT INTO "ActivitySearch"("ActivitySearch") VALUES ('rebuild');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Activities_search_update";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Activities_search_delete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Activities_search_insert";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "ActivitySearch";""");
        }
    }
}
