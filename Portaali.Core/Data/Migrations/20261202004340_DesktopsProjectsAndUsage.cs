using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portaali.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class DesktopsProjectsAndUsage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.CreateTable(
                name: "Projects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Funder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FundingStarts = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FundingEnds = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OwnerUserId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Projects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Projects_Users_OwnerUserId",
                        column: x => x.OwnerUserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecentCustomers",
                columns: table => new
                {
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecentCustomers", x => new { x.UserId, x.CustomerId });
                    table.ForeignKey(
                        name: "FK_RecentCustomers_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RecentCustomers_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoleDesktops",
                columns: table => new
                {
                    Group = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LayoutJson = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoleDesktops", x => x.Group);
                });

            migrationBuilder.CreateTable(
                name: "SignInRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LocalDate = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignInRecords_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UserActiveDays",
                columns: table => new
                {
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserActiveDays", x => new { x.UserId, x.Date });
                    table.ForeignKey(
                        name: "FK_UserActiveDays_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UserDesktops",
                columns: table => new
                {
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    LayoutJson = table.Column<string>(type: "TEXT", nullable: false),
                    BasedOnRoleVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserDesktops", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_UserDesktops_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectNetworkMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    ContactId = table.Column<int>(type: "INTEGER", nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AddedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AddedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectNetworkMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectNetworkMembers_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProjectNetworkMembers_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProjectNetworkMembers_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // One ALTER TABLE with the foreign key, instead of EF Core's SQLite table rebuild: the rebuild would copy every
            // activity and drop the full-text triggers on Activities (ActivitySearchTriggers).
            migrationBuilder.Sql("""ALTER TABLE "Activities" ADD COLUMN "ProjectId" INTEGER NULL REFERENCES "Projects" ("Id") ON DELETE RESTRICT;""");
            // Going down to the previous version rebuilds Activities and loses these triggers; coming back up restores them.
            Portaali.Core.Data.ActivitySearchTriggers.Recreate(migrationBuilder);

            migrationBuilder.CreateIndex(
                name: "IX_Activities_ProjectId_StartsAtUtc",
                table: "Activities",
                columns: new[] { "ProjectId", "StartsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectNetworkMembers_ContactId",
                table: "ProjectNetworkMembers",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectNetworkMembers_CustomerId",
                table: "ProjectNetworkMembers",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectNetworkMembers_ProjectId_CustomerId_ContactId",
                table: "ProjectNetworkMembers",
                columns: new[] { "ProjectId", "CustomerId", "ContactId" });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_OwnerUserId",
                table: "Projects",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_Status",
                table: "Projects",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_RecentCustomers_CustomerId",
                table: "RecentCustomers",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_RecentCustomers_UserId_OpenedAtUtc",
                table: "RecentCustomers",
                columns: new[] { "UserId", "OpenedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SignInRecords_LocalDate_UserId",
                table: "SignInRecords",
                columns: new[] { "LocalDate", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_SignInRecords_UserId",
                table: "SignInRecords",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_UserActiveDays_Date",
                table: "UserActiveDays",
                column: "Date");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Activities_Projects_ProjectId",
                table: "Activities");

            migrationBuilder.DropTable(
                name: "ProjectNetworkMembers");

            migrationBuilder.DropTable(
                name: "RecentCustomers");

            migrationBuilder.DropTable(
                name: "RoleDesktops");

            migrationBuilder.DropTable(
                name: "SignInRecords");

            migrationBuilder.DropTable(
                name: "UserActiveDays");

            migrationBuilder.DropTable(
                name: "UserDesktops");

            migrationBuilder.DropTable(
                name: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Activities_ProjectId_StartsAtUtc",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "ProjectId",
                table: "Activities");
        }
    }
}
