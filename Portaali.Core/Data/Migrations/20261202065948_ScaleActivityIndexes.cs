using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portaali.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ScaleActivityIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ActivityParticipants_UserId",
                table: "ActivityParticipants");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityParticipants_UserId_ActivityId",
                table: "ActivityParticipants",
                columns: new[] { "UserId", "ActivityId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ActivityParticipants_UserId_ActivityId",
                table: "ActivityParticipants");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityParticipants_UserId",
                table: "ActivityParticipants",
                column: "UserId");
        }
    }
}
