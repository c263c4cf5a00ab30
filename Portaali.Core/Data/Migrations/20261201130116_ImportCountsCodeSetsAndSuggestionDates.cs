using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portaali.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImportCountsCodeSetsAndSuggestionDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Duplicates",
                table: "ImportRuns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Resumed",
                table: "ImportRuns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Skipped",
                table: "ImportRuns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "MainLineCode",
                table: "CompanyProfiles",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            // Suggestions the PRH import made without a date showed as 1.1.0001: they get their run's start (the import's
            // clock), else the decision's or the profile's date, else now.
            migrationBuilder.Sql("""
                UPDATE "ImportSuggestions" SET "CreatedAt" = COALESCE(
                    (SELECT COALESCE(r."StartedAt", r."QueuedAt") FROM "ImportRuns" r WHERE r."Id" = "ImportSuggestions"."RunId"),
                    "ResolvedAt",
                    (SELECT p."UpdatedAt" FROM "CompanyProfiles" p WHERE p."CustomerId" = "ImportSuggestions"."CustomerId"),
                    strftime('%Y-%m-%d %H:%M:%S', 'now'))
                WHERE "CreatedAt" < '2000-01-01';
                """);

            // The register's main line moves to the profile, in its own code set.
            migrationBuilder.Sql("""
                UPDATE "CompanyProfiles" SET "MainLineCode" =
                    (SELECT c."IndustryCode" FROM "Customers" c WHERE c."Id" = "CompanyProfiles"."CustomerId")
                WHERE "IndustryCodeSet" IS NOT NULL;
                """);

            // A non-TOL 2008 main line that overwrote the customer's TOL 2008 code: the code goes back to what it was before
            // the import switched the code set (from the change history), or is cleared when the history does not tell.
            migrationBuilder.Sql("""
                UPDATE "Customers" SET "IndustryCode" = (
                    SELECT json_extract(code.value, '$.Old')
                    FROM "AuditEntries" a, json_each(a."Changes") code, json_each(a."Changes") codeSet
                    WHERE a."CustomerId" = "Customers"."Id" AND a."Action" = 'Imported'
                      AND json_extract(code.value, '$.Field') = 'IndustryCode'
                      AND json_extract(codeSet.value, '$.Field') = 'IndustryCodeSet'
                      AND upper(COALESCE(json_extract(codeSet.value, '$.New'), 'TOIMI3')) <> 'TOIMI3'
                    ORDER BY a."Id" DESC LIMIT 1)
                WHERE "Id" IN (SELECT "CustomerId" FROM "CompanyProfiles" WHERE upper(COALESCE("IndustryCodeSet", 'TOIMI3')) <> 'TOIMI3')
                  AND "IndustryCode" = (SELECT p."MainLineCode" FROM "CompanyProfiles" p WHERE p."CustomerId" = "Customers"."Id");
                """);

            // Imported industry nodes name their code set: "62010 Ohjelmistojen suunnittelu ja valmistus (TOL 2025)".
            foreach (var (codeSet, label) in new[] { ("TOIMI", "TOL 1995"), ("TOIMI2", "TOL 2002"), ("TOIMI3", "TOL 2008"), ("TOIMI4", "TOL 2025") })
                migrationBuilder.Sql($"""
                    UPDATE "ClassificationNodes" SET "Name" = "Name" || ' ({label})'
                    WHERE "SystemKey" LIKE 'imported-industry.{codeSet}.%' AND "Name" NOT LIKE '% ({label})';
                    """);

            migrationBuilder.AddCheckConstraint(
                name: "CK_ImportSuggestions_CreatedAt",
                table: "ImportSuggestions",
                sql: "\"CreatedAt\" >= '2000-01-01'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_ImportSuggestions_CreatedAt",
                table: "ImportSuggestions");

            migrationBuilder.DropColumn(
                name: "Duplicates",
                table: "ImportRuns");

            migrationBuilder.DropColumn(
                name: "Resumed",
                table: "ImportRuns");

            migrationBuilder.DropColumn(
                name: "Skipped",
                table: "ImportRuns");

            migrationBuilder.DropColumn(
                name: "MainLineCode",
                table: "CompanyProfiles");
        }
    }
}
