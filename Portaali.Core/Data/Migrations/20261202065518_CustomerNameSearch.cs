using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portaali.Core.Data.Migrations
{
    /// <summary>
    /// The customer search and the duplicate check at 100,000 customers. Names get FTS5 trigram indexes (substrings, like
    /// the memos' ActivitySearch) over customers' and contacts' <c>NameSearch</c>, kept by triggers
    /// (<see cref="CustomerSearchTriggers"/>); an external number gets an index of its own; and the comparable form of each
    /// customer's name is stored beside the municipality in one index, filled here for existing customers by the app's own
    /// rule (<see cref="SqliteFunctions"/>).
    /// </summary>
    public partial class CustomerNameSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ComparableName",
                table: "Customers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExternalNumbers_Number",
                table: "ExternalNumbers",
                column: "Number");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_MunicipalityCode_ComparableName",
                table: "Customers",
                columns: new[] { "MunicipalityCode", "ComparableName" });

            migrationBuilder.Sql($"""UPDATE "Customers" SET "ComparableName" = {SqliteFunctions.ComparableName}("Name");""");
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "CustomerSearch" USING fts5(
                    "NameSearch", content='Customers', content_rowid='Id', tokenize='trigram remove_diacritics 1');
                """);
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ContactSearch" USING fts5(
                    "NameSearch", content='Contacts', content_rowid='Id', tokenize='trigram remove_diacritics 1');
                """);
            CustomerSearchTriggers.Recreate(migrationBuilder);
            // Index the customers and contacts saved before this migration.
            migrationBuilder.Sql("""INSERT INTO "CustomerSearch"("CustomerSearch") VALUES ('rebuild');""");
            migrationBuilder.Sql("""INSERT INTO "ContactSearch"("ContactSearch") VALUES ('rebuild');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in CustomerSearchTriggers.Names) migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{trigger}";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "ContactSearch";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "CustomerSearch";""");

            migrationBuilder.DropIndex(
                name: "IX_ExternalNumbers_Number",
                table: "ExternalNumbers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_MunicipalityCode_ComparableName",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "ComparableName",
                table: "Customers");
        }
    }
}
