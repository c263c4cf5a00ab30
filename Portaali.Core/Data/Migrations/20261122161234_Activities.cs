using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Portaali.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Activities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ActivityTypes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SystemKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Color = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    RequiresCustomer = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityTypes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CalendarFeedTokens",
                columns: table => new
                {
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarFeedTokens", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_CalendarFeedTokens_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActivityKeywords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActivityTypeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SystemKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    NeedsResolution = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityKeywords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActivityKeywords_ActivityTypes_ActivityTypeId",
                        column: x => x.ActivityTypeId,
                        principalTable: "ActivityTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActivityTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActivityTypeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityTemplates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActivityTemplates_ActivityTypes_ActivityTypeId",
                        column: x => x.ActivityTypeId,
                        principalTable: "ActivityTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Activities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: true),
                    ActivityTypeId = table.Column<int>(type: "INTEGER", nullable: false),
                    KeywordId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Memo = table.Column<string>(type: "TEXT", nullable: true),
                    SearchText = table.Column<string>(type: "TEXT", nullable: false),
                    StartsAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    LocalDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsoYear = table.Column<int>(type: "INTEGER", nullable: false),
                    IsoWeek = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ResolutionNote = table.Column<string>(type: "TEXT", nullable: true),
                    ResolvedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedByName = table.Column<string>(type: "TEXT", nullable: true),
                    EmailMessageId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedByUserId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Activities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Activities_ActivityKeywords_KeywordId",
                        column: x => x.KeywordId,
                        principalTable: "ActivityKeywords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Activities_ActivityTypes_ActivityTypeId",
                        column: x => x.ActivityTypeId,
                        principalTable: "ActivityTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Activities_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActivityContacts",
                columns: table => new
                {
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: false),
                    ContactId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityContacts", x => new { x.ActivityId, x.ContactId });
                    table.ForeignKey(
                        name: "FK_ActivityContacts_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActivityContacts_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActivityParticipants",
                columns: table => new
                {
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityParticipants", x => new { x.ActivityId, x.UserId });
                    table.ForeignKey(
                        name: "FK_ActivityParticipants_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActivityParticipants_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "ActivityTypes",
                columns: new[] { "Id", "Color", "IsRetired", "Name", "RequiresCustomer", "SortOrder", "SystemKey" },
                values: new object[,]
                {
                    { 1, "#c62828", false, "Asiakaspalaute", true, 1, "feedback" },
                    { 2, "#1565c0", false, "Asiakkuustyö", true, 2, "customer-work" },
                    { 3, "#6a1b9a", false, "Kokous (kv tai kansallinen)", false, 3, "meeting" },
                    { 4, "#00838f", false, "Koulutus", false, 4, "training" },
                    { 5, "#2e7d32", false, "Käynti", true, 5, "visit" },
                    { 6, "#546e7a", false, "Memo", false, 6, "memo" },
                    { 7, "#4527a0", false, "Ohjausryhmä", false, 7, "steering-group" },
                    { 8, "#e65100", false, "Projektityö", false, 8, "project-work" },
                    { 9, "#ad1457", false, "Seminaari", false, 9, "seminar" },
                    { 10, "#6d4c41", false, "Sisäinen palaveri", false, 10, "internal-meeting" },
                    { 11, "#0277bd", false, "Soitto", true, 11, "call" },
                    { 12, "#827717", false, "Suunnittelu", false, 12, "planning" },
                    { 13, "#37474f", false, "Sähköposti", true, 13, "email" },
                    { 14, "#4e342e", false, "Työryhmä", false, 14, "working-group" },
                    { 15, "#b8860b", false, "Liidi", true, 15, "lead" }
                });

            migrationBuilder.InsertData(
                table: "ActivityKeywords",
                columns: new[] { "Id", "ActivityTypeId", "IsRetired", "Name", "NeedsResolution", "SystemKey" },
                values: new object[,]
                {
                    { 1, 1, false, "Positiivinen", false, "feedback.positive" },
                    { 2, 1, false, "Negatiivinen", true, "feedback.negative" },
                    { 3, 5, false, "Myyntikäynti", false, null },
                    { 4, 5, false, "Asiakkuuden hoito", false, null },
                    { 5, 15, false, "Koulutustarve", false, null },
                    { 6, 11, false, "Tarjouksen seuranta", false, null }
                });

            migrationBuilder.InsertData(
                table: "ActivityTemplates",
                columns: new[] { "Id", "ActivityTypeId", "Body", "IsRetired", "Name" },
                values: new object[,]
                {
                    { 1, 5, "Tavoite\n\n\nSovitut asiat\n", false, "Käyntiraportti" },
                    { 2, 1, "Palautteen sisältö\n\n\nToimenpiteet\n", false, "Palaute" },
                    { 3, 10, "Asialista\n\n\nPäätökset\n", false, "Palaverimuistio" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_ActivityTypeId",
                table: "Activities",
                column: "ActivityTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_CustomerId_StartsAtUtc",
                table: "Activities",
                columns: new[] { "CustomerId", "StartsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_EmailMessageId",
                table: "Activities",
                column: "EmailMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_IsoYear_IsoWeek",
                table: "Activities",
                columns: new[] { "IsoYear", "IsoWeek" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_KeywordId",
                table: "Activities",
                column: "KeywordId");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_StartsAtUtc",
                table: "Activities",
                column: "StartsAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_Status_StartsAtUtc",
                table: "Activities",
                columns: new[] { "Status", "StartsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityContacts_ContactId",
                table: "ActivityContacts",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityKeywords_ActivityTypeId",
                table: "ActivityKeywords",
                column: "ActivityTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityKeywords_SystemKey",
                table: "ActivityKeywords",
                column: "SystemKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActivityParticipants_UserId",
                table: "ActivityParticipants",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityTemplates_ActivityTypeId",
                table: "ActivityTemplates",
                column: "ActivityTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityTypes_SystemKey",
                table: "ActivityTypes",
                column: "SystemKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeedTokens_TokenHash",
                table: "CalendarFeedTokens",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActivityContacts");

            migrationBuilder.DropTable(
                name: "ActivityParticipants");

            migrationBuilder.DropTable(
                name: "ActivityTemplates");

            migrationBuilder.DropTable(
                name: "CalendarFeedTokens");

            migrationBuilder.DropTable(
                name: "Activities");

            migrationBuilder.DropTable(
                name: "ActivityKeywords");

            migrationBuilder.DropTable(
                name: "ActivityTypes");
        }
    }
}
