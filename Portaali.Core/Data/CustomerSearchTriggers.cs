using Microsoft.EntityFrameworkCore.Migrations;

namespace Portaali.Core.Data;

/// <summary>
/// The triggers that keep the customers' and contacts' name indexes (<c>CustomerSearch</c>, <c>ContactSearch</c>: FTS5
/// trigram tables over <c>NameSearch</c>) in step with their tables. A migration that makes EF Core rebuild
/// <c>Customers</c> or <c>Contacts</c> (a new foreign key, a changed column) drops these triggers with the old table, and
/// must call <see cref="Recreate"/> afterwards; MigrationTests checks they exist after every migration.
/// </summary>
public static class CustomerSearchTriggers
{
    public static readonly string[] Names =
    [
        "Customers_search_insert", "Customers_search_delete", "Customers_search_update",
        "Contacts_search_insert", "Contacts_search_delete", "Contacts_search_update",
    ];

    public static void Recreate(MigrationBuilder migrationBuilder)
    {
        foreach (var (table, index) in new[] { ("Customers", "CustomerSearch"), ("Contacts", "ContactSearch") })
        {
            migrationBuilder.Sql($"""
                CREATE TRIGGER IF NOT EXISTS "{table}_search_insert" AFTER INSERT ON "{table}" BEGIN
                    INSERT INTO "{index}"(rowid, "NameSearch") VALUES (new."Id", new."NameSearch");
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER IF NOT EXISTS "{table}_search_delete" AFTER DELETE ON "{table}" BEGIN
                    INSERT INTO "{index}"("{index}", rowid, "NameSearch") VALUES ('delete', old."Id", old."NameSearch");
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER IF NOT EXISTS "{table}_search_update" AFTER UPDATE OF "NameSearch" ON "{table}" BEGIN
                    INSERT INTO "{index}"("{index}", rowid, "NameSearch") VALUES ('delete', old."Id", old."NameSearch");
                    INSERT INTO "{index}"(rowid, "NameSearch") VALUES (new."Id", new."NameSearch");
                END;
                """);
        }
    }
}
