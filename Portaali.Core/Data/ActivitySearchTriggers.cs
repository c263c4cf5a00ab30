using Microsoft.EntityFrameworkCore.Migrations;

namespace Portaali.Core.Data;

/// <summary>
/// The triggers that keep the activities' full-text index (<c>ActivitySearch</c>, FTS5) in step with the table. SQLite
/// cannot add a foreign key to an existing table, so EF Core rebuilds the table — and the rebuild drops its triggers: a
/// migration that changes <c>Activities</c> that way recreates them with <see cref="Recreate"/> afterwards.
/// </summary>
public static class ActivitySearchTriggers
{
    public static void Recreate(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TRIGGER IF NOT EXISTS "Activities_search_insert" AFTER INSERT ON "Activities" BEGIN
                INSERT INTO "ActivitySearch"(rowid, "Title", "Memo") VALUES (new."Id", new."Title", new."Memo");
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER IF NOT EXISTS "Activities_search_delete" AFTER DELETE ON "Activities" BEGIN
                INSERT INTO "ActivitySearch"("ActivitySearch", rowid, "Title", "Memo") VALUES ('delete', old."Id", old."Title", old."Memo");
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER IF NOT EXISTS "Activities_search_update" AFTER UPDATE OF "Title", "Memo" ON "Activities" BEGIN
                INSERT INTO "ActivitySearch"("ActivitySearch", rowid, "Title", "Memo") VALUES ('delete', old."Id", old."Title", old."Memo");
                INSERT INTO "ActivitySearch"(rowid, "Title", "Memo") VALUES (new."Id", new."Title", new."Memo");
            END;
            """);
    }
}
