using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portaali.Core.Data.Migrations
{
    /// <summary>Participant rows carry copies of their activity's start, week, open state, customer work, type and duration,
    /// kept equal by triggers, so "my open activities" and weekly hours read one person's rows from one index.</summary>
    public partial class ParticipantActivityCopy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ActivityTypeId",
                table: "ActivityParticipants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "DurationMinutes",
                table: "ActivityParticipants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "IsCustomerWork",
                table: "ActivityParticipants",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsOpen",
                table: "ActivityParticipants",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "IsoWeek",
                table: "ActivityParticipants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "IsoYear",
                table: "ActivityParticipants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "StartsAtUtc",
                table: "ActivityParticipants",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // The existing rows first, then the indexes: building them once beats maintaining them through 2 M updates.
            ActivityParticipantCopies.Backfill(migrationBuilder);
            ActivityParticipantCopies.Recreate(migrationBuilder);

            migrationBuilder.CreateIndex(
                name: "IX_ActivityParticipants_MyOpen",
                table: "ActivityParticipants",
                columns: new[] { "UserId", "StartsAtUtc", "ActivityId", "IsOpen" },
                filter: "\"IsOpen\"");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityParticipants_WeekHours",
                table: "ActivityParticipants",
                columns: new[] { "IsoYear", "UserId", "IsoWeek", "IsOpen", "IsCustomerWork", "ActivityTypeId", "DurationMinutes" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in ActivityParticipantCopies.Names)
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{trigger}\";");

            migrationBuilder.DropIndex(
                name: "IX_ActivityParticipants_MyOpen",
                table: "ActivityParticipants");

            migrationBuilder.DropIndex(
                name: "IX_ActivityParticipants_WeekHours",
                table: "ActivityParticipants");

            // ALTER TABLE … DROP COLUMN rather than EF Core's rebuild of the table, which recreates the table's indexes from an
            // older model than the one this migration follows (and fails further down).
            foreach (var column in new[] { "ActivityTypeId", "DurationMinutes", "IsCustomerWork", "IsOpen", "IsoWeek", "IsoYear", "StartsAtUtc" })
                migrationBuilder.Sql($"ALTER TABLE \"ActivityParticipants\" DROP COLUMN \"{column}\";");
        }
    }
}
