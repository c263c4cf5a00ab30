using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portaali.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class SuggestionsAndCarePlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CarePlanCheckRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    StartedByUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    StartedByName = table.Column<string>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CheckedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CustomersChecked = table.Column<int>(type: "INTEGER", nullable: false),
                    CustomersBroken = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarePlanCheckRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CarePlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Segment = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    CustomerGroupId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarePlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CarePlans_ClassificationNodes_CustomerGroupId",
                        column: x => x.CustomerGroupId,
                        principalTable: "ClassificationNodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KeyAccountProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedByUserId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Justification = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SeenByProposerAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyAccountProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KeyAccountProposals_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RfmScores",
                columns: table => new
                {
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Recency = table.Column<int>(type: "INTEGER", nullable: false),
                    Frequency = table.Column<int>(type: "INTEGER", nullable: false),
                    Monetary = table.Column<int>(type: "INTEGER", nullable: false),
                    LastContactOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastOrderOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Contacts = table.Column<int>(type: "INTEGER", nullable: false),
                    Orders = table.Column<int>(type: "INTEGER", nullable: false),
                    OrderCents = table.Column<long>(type: "INTEGER", nullable: false),
                    WindowMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    WindowFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RfmScores", x => x.CustomerId);
                    table.CheckConstraint("CK_RfmScores_Range", "\"Recency\" BETWEEN 1 AND 5 AND \"Frequency\" BETWEEN 1 AND 5 AND \"Monetary\" BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "FK_RfmScores_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScorecardTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Target = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScorecardTargets", x => x.Id);
                    table.CheckConstraint("CK_ScorecardTargets_Target", "\"Target\" >= 0");
                    table.ForeignKey(
                        name: "FK_ScorecardTargets_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Suggestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    RunId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedByUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    ResolvedByName = table.Column<string>(type: "TEXT", nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Suggestions", x => x.Id);
                    table.CheckConstraint("CK_Suggestions_CreatedAt", "\"CreatedAt\" >= '2000-01-01'");
                    table.ForeignKey(
                        name: "FK_Suggestions_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.Sql("""INSERT INTO "Suggestions" ("Id", "CustomerId", "Kind", "Code", "Reason", "RunId", "CreatedAt", "ResolvedAt", "ResolvedByUserId", "ResolvedByName", "Resolution") SELECT "Id", "CustomerId", "Kind", "Code", "Reason", "RunId", "CreatedAt", "ResolvedAt", "ResolvedByUserId", "ResolvedByName", "Resolution" FROM "ImportSuggestions";""");

            migrationBuilder.DropTable(
                name: "ImportSuggestions");

            migrationBuilder.CreateTable(
                name: "CarePlanVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CarePlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CareFi = table.Column<string>(type: "TEXT", nullable: false),
                    CareEn = table.Column<string>(type: "TEXT", nullable: false),
                    InternalFi = table.Column<string>(type: "TEXT", nullable: false),
                    InternalEn = table.Column<string>(type: "TEXT", nullable: false),
                    ResponsibleFi = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ResponsibleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ResponsibleUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MaxContactGapDays = table.Column<int>(type: "INTEGER", nullable: true),
                    PlannedContactCounts = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChangeNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedByName = table.Column<string>(type: "TEXT", nullable: false),
                    ActiveFrom = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarePlanVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CarePlanVersions_CarePlans_CarePlanId",
                        column: x => x.CarePlanId,
                        principalTable: "CarePlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CarePlanVersions_Users_ResponsibleUserId",
                        column: x => x.ResponsibleUserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CarePlanBreaches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<int>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    CarePlanVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LastContactOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AllowedGapDays = table.Column<int>(type: "INTEGER", nullable: true),
                    RequirementId = table.Column<int>(type: "INTEGER", nullable: true),
                    Required = table.Column<int>(type: "INTEGER", nullable: true),
                    Done = table.Column<int>(type: "INTEGER", nullable: true),
                    OverdueDays = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarePlanBreaches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CarePlanBreaches_CarePlanCheckRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "CarePlanCheckRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CarePlanBreaches_CarePlanVersions_CarePlanVersionId",
                        column: x => x.CarePlanVersionId,
                        principalTable: "CarePlanVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CarePlanBreaches_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CarePlanContactTypes",
                columns: table => new
                {
                    CarePlanVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActivityTypeId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarePlanContactTypes", x => new { x.CarePlanVersionId, x.ActivityTypeId });
                    table.ForeignKey(
                        name: "FK_CarePlanContactTypes_ActivityTypes_ActivityTypeId",
                        column: x => x.ActivityTypeId,
                        principalTable: "ActivityTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CarePlanContactTypes_CarePlanVersions_CarePlanVersionId",
                        column: x => x.CarePlanVersionId,
                        principalTable: "CarePlanVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CarePlanRequirements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CarePlanVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActivityTypeId = table.Column<int>(type: "INTEGER", nullable: false),
                    KeywordId = table.Column<int>(type: "INTEGER", nullable: true),
                    PerYear = table.Column<int>(type: "INTEGER", nullable: false),
                    LabelFi = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LabelEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarePlanRequirements", x => x.Id);
                    table.CheckConstraint("CK_CarePlanRequirements_PerYear", "\"PerYear\" > 0");
                    table.ForeignKey(
                        name: "FK_CarePlanRequirements_ActivityKeywords_KeywordId",
                        column: x => x.KeywordId,
                        principalTable: "ActivityKeywords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CarePlanRequirements_ActivityTypes_ActivityTypeId",
                        column: x => x.ActivityTypeId,
                        principalTable: "ActivityTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CarePlanRequirements_CarePlanVersions_CarePlanVersionId",
                        column: x => x.CarePlanVersionId,
                        principalTable: "CarePlanVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SegmentChanges_ChangedAt",
                table: "SegmentChanges",
                column: "ChangedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_CarePlanMonitor",
                table: "Activities",
                columns: new[] { "CustomerId", "ActivityTypeId", "LocalDate", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CarePlanBreaches_CarePlanVersionId",
                table: "CarePlanBreaches",
                column: "CarePlanVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_CarePlanBreaches_CustomerId",
                table: "CarePlanBreaches",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_CarePlanBreaches_RunId_CustomerId",
                table: "CarePlanBreaches",
                columns: new[] { "RunId", "CustomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_CarePlanCheckRuns_StartedAt",
                table: "CarePlanCheckRuns",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_CarePlanContactTypes_ActivityTypeId",
                table: "CarePlanContactTypes",
                column: "ActivityTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_CarePlanRequirements_ActivityTypeId",
                table: "CarePlanRequirements",
                column: "ActivityTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_CarePlanRequirements_CarePlanVersionId",
                table: "CarePlanRequirements",
                column: "CarePlanVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_CarePlanRequirements_KeywordId",
                table: "CarePlanRequirements",
                column: "KeywordId");

            migrationBuilder.CreateIndex(
                name: "IX_CarePlans_CustomerGroupId",
                table: "CarePlans",
                column: "CustomerGroupId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CarePlans_Segment",
                table: "CarePlans",
                column: "Segment",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CarePlanVersions_CarePlanId_Number",
                table: "CarePlanVersions",
                columns: new[] { "CarePlanId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CarePlanVersions_OneActive",
                table: "CarePlanVersions",
                column: "CarePlanId",
                unique: true,
                filter: "\"State\" = 'Active'");

            migrationBuilder.CreateIndex(
                name: "IX_CarePlanVersions_OnePending",
                table: "CarePlanVersions",
                column: "CarePlanId",
                unique: true,
                filter: "\"State\" = 'PendingApproval'");

            migrationBuilder.CreateIndex(
                name: "IX_CarePlanVersions_ResponsibleUserId",
                table: "CarePlanVersions",
                column: "ResponsibleUserId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyAccountProposals_CustomerId_ProposedAt",
                table: "KeyAccountProposals",
                columns: new[] { "CustomerId", "ProposedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_KeyAccountProposals_OnePending",
                table: "KeyAccountProposals",
                column: "CustomerId",
                unique: true,
                filter: "\"State\" = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_KeyAccountProposals_ProposedByUserId_ProposedAt",
                table: "KeyAccountProposals",
                columns: new[] { "ProposedByUserId", "ProposedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_KeyAccountProposals_State",
                table: "KeyAccountProposals",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_ScorecardTargets_CustomerId_Year_Measure",
                table: "ScorecardTargets",
                columns: new[] { "CustomerId", "Year", "Measure" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Suggestions_CustomerId_Kind_Code",
                table: "Suggestions",
                columns: new[] { "CustomerId", "Kind", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_Suggestions_ResolvedAt",
                table: "Suggestions",
                column: "ResolvedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CarePlanBreaches");

            migrationBuilder.DropTable(
                name: "CarePlanContactTypes");

            migrationBuilder.DropTable(
                name: "CarePlanRequirements");

            migrationBuilder.DropTable(
                name: "KeyAccountProposals");

            migrationBuilder.DropTable(
                name: "RfmScores");

            migrationBuilder.DropTable(
                name: "ScorecardTargets");

            migrationBuilder.DropTable(
                name: "CarePlanCheckRuns");

            migrationBuilder.DropTable(
                name: "CarePlanVersions");

            migrationBuilder.DropTable(
                name: "CarePlans");

            migrationBuilder.DropIndex(
                name: "IX_SegmentChanges_ChangedAt",
                table: "SegmentChanges");

            migrationBuilder.DropIndex(
                name: "IX_Activities_CarePlanMonitor",
                table: "Activities");

            migrationBuilder.CreateTable(
                name: "ImportSuggestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedByName = table.Column<string>(type: "TEXT", nullable: true),
                    ResolvedByUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    RunId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportSuggestions", x => x.Id);
                    table.CheckConstraint("CK_ImportSuggestions_CreatedAt", "\"CreatedAt\" >= '2000-01-01'");
                    table.ForeignKey(
                        name: "FK_ImportSuggestions_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.Sql("""INSERT INTO "ImportSuggestions" ("Id", "CustomerId", "Kind", "Code", "Reason", "RunId", "CreatedAt", "ResolvedAt", "ResolvedByUserId", "ResolvedByName", "Resolution") SELECT "Id", "CustomerId", "Kind", "Code", "Reason", "RunId", "CreatedAt", "ResolvedAt", "ResolvedByUserId", "ResolvedByName", "Resolution" FROM "Suggestions";""");

            migrationBuilder.DropTable(
                name: "Suggestions");

            migrationBuilder.CreateIndex(
                name: "IX_ImportSuggestions_CustomerId_Kind_Code",
                table: "ImportSuggestions",
                columns: new[] { "CustomerId", "Kind", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportSuggestions_ResolvedAt",
                table: "ImportSuggestions",
                column: "ResolvedAt");
        }
    }
}
