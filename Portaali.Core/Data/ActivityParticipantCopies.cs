using Microsoft.EntityFrameworkCore.Migrations;

namespace Portaali.Core.Data;

/// <summary>
/// The triggers that keep the activity fields copied onto <c>ActivityParticipants</c> (start, ISO week, open, customer work,
/// type, duration: see <see cref="Activities.ActivityParticipant"/>) equal to the activity, whatever writes it: the app's
/// saves, <c>ExecuteUpdate</c>, raw SQL, imports and the benchmark's generator alike. A new participant row copies its
/// activity; a change of any copied column of an activity rewrites its participants' copies. A migration that makes EF Core
/// rebuild <c>Activities</c> or <c>ActivityParticipants</c> drops these with the old table and must call
/// <see cref="Recreate"/> afterwards; MigrationTests checks they exist after the last migration.
/// </summary>
public static class ActivityParticipantCopies
{
    public static readonly string[] Names = ["ActivityParticipants_copy_insert", "Activities_participant_copy_update"];

    /// <summary>The copied columns (the same names on both tables) and how each is made from the activity's row ("@").</summary>
    private static readonly (string Column, string From)[] Copies =
    [
        ("StartsAtUtc", "@.\"StartsAtUtc\""),
        ("IsoYear", "@.\"IsoYear\""),
        ("IsoWeek", "@.\"IsoWeek\""),
        ("IsOpen", "@.\"Status\" <> 'Done'"),
        ("IsCustomerWork", "@.\"CustomerId\" IS NOT NULL"),
        ("ActivityTypeId", "@.\"ActivityTypeId\""),
        ("DurationMinutes", "@.\"DurationMinutes\""),
    ];

    private static string Columns => string.Join(", ", Copies.Select(c => $"\"{c.Column}\""));

    private static string From(string activity) => string.Join(", ", Copies.Select(c => c.From.Replace("@", activity)));

    /// <summary>The activity columns whose change rewrites the copies.</summary>
    private static string Sources => "\"StartsAtUtc\", \"IsoYear\", \"IsoWeek\", \"Status\", \"CustomerId\", \"ActivityTypeId\", \"DurationMinutes\"";

    public static void Recreate(MigrationBuilder migrationBuilder)
    {
        // Only when the activity is there: a bulk writer that inserts participants first fills the copies itself
        // (ActivityParticipant.Of), and the NOT NULL copies must not become NULL.
        migrationBuilder.Sql($"""
            CREATE TRIGGER IF NOT EXISTS "ActivityParticipants_copy_insert" AFTER INSERT ON "ActivityParticipants"
            WHEN EXISTS (SELECT 1 FROM "Activities" WHERE "Id" = new."ActivityId") BEGIN
                UPDATE "ActivityParticipants" SET ({Columns}) = (SELECT {From("a")} FROM "Activities" AS a WHERE a."Id" = new."ActivityId")
                WHERE "ActivityId" = new."ActivityId" AND "UserId" = new."UserId";
            END;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER IF NOT EXISTS "Activities_participant_copy_update" AFTER UPDATE OF {Sources} ON "Activities" BEGIN
                UPDATE "ActivityParticipants" SET ({Columns}) = (SELECT {From("new")})
                WHERE "ActivityId" = new."Id";
            END;
            """);
    }

    /// <summary>
    /// The same two triggers on PostgreSQL (migration InitialPostgreSql), as plpgsql functions: a new participant row takes
    /// its activity's values before it is written (when the activity is there, as above), and an update of a copied column
    /// of an activity rewrites its participants' copies.
    /// </summary>
    public static void CreatePostgreSql(MigrationBuilder migrationBuilder)
    {
        var assignments = string.Join("\n        ", Copies.Select(c => $"NEW.\"{c.Column}\" := {c.From.Replace("@", "a")};"));
        migrationBuilder.Sql($$"""
            CREATE FUNCTION "ActivityParticipants_copy_insert"() RETURNS trigger LANGUAGE plpgsql AS $fn$
            DECLARE a "Activities"%ROWTYPE;
            BEGIN
                SELECT * INTO a FROM "Activities" WHERE "Id" = NEW."ActivityId";
                IF FOUND THEN
                    {{assignments}}
                END IF;
                RETURN NEW;
            END $fn$;
            CREATE TRIGGER "ActivityParticipants_copy_insert" BEFORE INSERT ON "ActivityParticipants"
                FOR EACH ROW EXECUTE FUNCTION "ActivityParticipants_copy_insert"();
            """);
        migrationBuilder.Sql($$"""
            CREATE FUNCTION "Activities_participant_copy_update"() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
                UPDATE "ActivityParticipants" SET ({{Columns}}) = (SELECT {{From("NEW")}})
                WHERE "ActivityId" = NEW."Id";
                RETURN NULL;
            END $fn$;
            CREATE TRIGGER "Activities_participant_copy_update" AFTER UPDATE OF {{Sources}} ON "Activities"
                FOR EACH ROW EXECUTE FUNCTION "Activities_participant_copy_update"();
            """);
    }

    /// <summary>Fills the copies of every participant row from its activity (the migration that adds them).</summary>
    public static void Backfill(MigrationBuilder migrationBuilder) => migrationBuilder.Sql($"""
        UPDATE "ActivityParticipants" SET ({Columns}) =
            (SELECT {From("a")} FROM "Activities" AS a WHERE a."Id" = "ActivityParticipants"."ActivityId");
        """);
}
