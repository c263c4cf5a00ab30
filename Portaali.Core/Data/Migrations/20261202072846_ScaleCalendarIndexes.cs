using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portaali.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ScaleCalendarIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Activities_IsoYear_IsoWeek",
                table: "Activities");

            migrationBuilder.DropIndex(
                name: "IX_Activities_KeywordId",
                table: "Activities");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Segment_IsPassive_NameSearch",
                table: "Customers",
                columns: new[] { "Segment", "IsPassive", "NameSearch" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_IsoYear_IsoWeek_Status_ActivityTypeId_CustomerId_DurationMinutes",
                table: "Activities",
                columns: new[] { "IsoYear", "IsoWeek", "Status", "ActivityTypeId", "CustomerId", "DurationMinutes" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_KeywordId_Status_StartsAtUtc",
                table: "Activities",
                columns: new[] { "KeywordId", "Status", "StartsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_LocalDate_StartsAtUtc",
                table: "Activities",
                columns: new[] { "LocalDate", "StartsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_LocalDate_CustomerId",
                table: "Activities",
                columns: new[] { "LocalDate", "CustomerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Customers_Segment_IsPassive_NameSearch",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Activities_IsoYear_IsoWeek_Status_ActivityTypeId_CustomerId_DurationMinutes",
                table: "Activities");

            migrationBuilder.DropIndex(
                name: "IX_Activities_KeywordId_Status_StartsAtUtc",
                table: "Activities");

            migrationBuilder.DropIndex(
                name: "IX_Activities_LocalDate_StartsAtUtc",
                table: "Activities");

            migrationBuilder.DropIndex(
                name: "IX_Activities_LocalDate_CustomerId",
                table: "Activities");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_IsoYear_IsoWeek",
                table: "Activities",
                columns: new[] { "IsoYear", "IsoWeek" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_KeywordId",
                table: "Activities",
                column: "KeywordId");
        }
    }
}
