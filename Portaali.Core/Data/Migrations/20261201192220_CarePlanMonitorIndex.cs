using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portaali.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class CarePlanMonitorIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Activities_CarePlanMonitor",
                table: "Activities",
                columns: new[] { "CustomerId", "ActivityTypeId", "LocalDate", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Activities_CarePlanMonitor",
                table: "Activities");
        }
    }
}
