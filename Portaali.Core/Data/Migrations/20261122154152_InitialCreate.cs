using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Portaali.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<int>(type: "INTEGER", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", nullable: false),
                    EntityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClassificationNodes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    SystemKey = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClassificationNodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClassificationNodes_ClassificationNodes_ParentId",
                        column: x => x.ParentId,
                        principalTable: "ClassificationNodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CustomerMerges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurvivorId = table.Column<int>(type: "INTEGER", nullable: false),
                    MergedCustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    MergedName = table.Column<string>(type: "TEXT", nullable: false),
                    MergedBusinessId = table.Column<string>(type: "TEXT", nullable: true),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", nullable: false),
                    MergedByUserId = table.Column<int>(type: "INTEGER", nullable: false),
                    MergedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerMerges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Customers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameSearch = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BusinessId = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    CompanyForm = table.Column<string>(type: "TEXT", nullable: true),
                    VisitingStreet = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    VisitingPostalCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    VisitingCity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PostalStreet = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PostalPostalCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    PostalCity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    MunicipalityCode = table.Column<string>(type: "TEXT", nullable: true),
                    Phone = table.Column<string>(type: "TEXT", nullable: true),
                    Email = table.Column<string>(type: "TEXT", nullable: true),
                    Website = table.Column<string>(type: "TEXT", nullable: true),
                    SizeClass = table.Column<int>(type: "INTEGER", nullable: false),
                    Revenue = table.Column<decimal>(type: "TEXT", nullable: true),
                    IndustryCode = table.Column<string>(type: "TEXT", nullable: true),
                    Segment = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IsPassive = table.Column<bool>(type: "INTEGER", nullable: false),
                    PassivatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PassivationReason = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Customers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Favourites",
                columns: table => new
                {
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Favourites", x => new { x.UserId, x.CustomerId });
                });

            migrationBuilder.CreateTable(
                name: "Municipalities",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Region = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Municipalities", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Users",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DisplayName = table.Column<string>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    PrefersDarkMode = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExternalObjectId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", nullable: false),
                    LastName = table.Column<string>(type: "TEXT", nullable: false),
                    NameSearch = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: true),
                    AreaOfResponsibility = table.Column<string>(type: "TEXT", nullable: true),
                    DecisionLevel = table.Column<string>(type: "TEXT", nullable: true),
                    Phone = table.Column<string>(type: "TEXT", nullable: true),
                    Email = table.Column<string>(type: "TEXT", nullable: true),
                    HasLeft = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Contacts_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CustomerClassifications",
                columns: table => new
                {
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    NodeId = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AssignedByUserId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerClassifications", x => new { x.CustomerId, x.NodeId });
                    table.ForeignKey(
                        name: "FK_CustomerClassifications_ClassificationNodes_NodeId",
                        column: x => x.NodeId,
                        principalTable: "ClassificationNodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CustomerClassifications_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExternalNumbers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    System = table.Column<string>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExternalNumbers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExternalNumbers_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SegmentChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    ChangedByUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    ChangedByName = table.Column<string>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SegmentChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SegmentChanges_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CustomerResponsibles",
                columns: table => new
                {
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerResponsibles", x => new { x.CustomerId, x.UserId });
                    table.ForeignKey(
                        name: "FK_CustomerResponsibles_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CustomerResponsibles_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactClassifications",
                columns: table => new
                {
                    ContactId = table.Column<int>(type: "INTEGER", nullable: false),
                    NodeId = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AssignedByUserId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactClassifications", x => new { x.ContactId, x.NodeId });
                    table.ForeignKey(
                        name: "FK_ContactClassifications_ClassificationNodes_NodeId",
                        column: x => x.NodeId,
                        principalTable: "ClassificationNodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContactClassifications_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "Municipalities",
                columns: new[] { "Code", "Name", "Region" },
                values: new object[,]
                {
                    { "018", "Askola", "Uusimaa" },
                    { "049", "Espoo", "Uusimaa" },
                    { "078", "Hanko", "Uusimaa" },
                    { "091", "Helsinki", "Uusimaa" },
                    { "092", "Vantaa", "Uusimaa" },
                    { "106", "Hyvinkää", "Uusimaa" },
                    { "149", "Inkoo", "Uusimaa" },
                    { "179", "Jyväskylä", "Keski-Suomi" },
                    { "186", "Järvenpää", "Uusimaa" },
                    { "224", "Karkkila", "Uusimaa" },
                    { "235", "Kauniainen", "Uusimaa" },
                    { "245", "Kerava", "Uusimaa" },
                    { "257", "Kirkkonummi", "Uusimaa" },
                    { "297", "Kuopio", "Pohjois-Savo" },
                    { "398", "Lahti", "Päijät-Häme" },
                    { "407", "Lapinjärvi", "Uusimaa" },
                    { "434", "Loviisa", "Uusimaa" },
                    { "444", "Lohja", "Uusimaa" },
                    { "504", "Myrskylä", "Uusimaa" },
                    { "505", "Mäntsälä", "Uusimaa" },
                    { "543", "Nurmijärvi", "Uusimaa" },
                    { "564", "Oulu", "Pohjois-Pohjanmaa" },
                    { "585", "Pukkila", "Uusimaa" },
                    { "611", "Pornainen", "Uusimaa" },
                    { "638", "Porvoo", "Uusimaa" },
                    { "710", "Raasepori", "Uusimaa" },
                    { "753", "Sipoo", "Uusimaa" },
                    { "755", "Siuntio", "Uusimaa" },
                    { "837", "Tampere", "Pirkanmaa" },
                    { "853", "Turku", "Varsinais-Suomi" },
                    { "858", "Tuusula", "Uusimaa" },
                    { "927", "Vihti", "Uusimaa" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_CustomerId_At",
                table: "AuditEntries",
                columns: new[] { "CustomerId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ClassificationNodes_ParentId",
                table: "ClassificationNodes",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_ClassificationNodes_SystemKey",
                table: "ClassificationNodes",
                column: "SystemKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContactClassifications_NodeId",
                table: "ContactClassifications",
                column: "NodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_CustomerId",
                table: "Contacts",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Email",
                table: "Contacts",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_NameSearch",
                table: "Contacts",
                column: "NameSearch");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerClassifications_NodeId",
                table: "CustomerClassifications",
                column: "NodeId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerMerges_SurvivorId",
                table: "CustomerMerges",
                column: "SurvivorId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerResponsibles_UserId",
                table: "CustomerResponsibles",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_BusinessId",
                table: "Customers",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_IsPassive_Segment",
                table: "Customers",
                columns: new[] { "IsPassive", "Segment" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_MunicipalityCode",
                table: "Customers",
                column: "MunicipalityCode");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_NameSearch",
                table: "Customers",
                column: "NameSearch");

            migrationBuilder.CreateIndex(
                name: "IX_ExternalNumbers_CustomerId",
                table: "ExternalNumbers",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_ExternalNumbers_System_Number",
                table: "ExternalNumbers",
                columns: new[] { "System", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SegmentChanges_CustomerId",
                table: "SegmentChanges",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_Users_Email",
                table: "Users",
                column: "Email",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "ContactClassifications");

            migrationBuilder.DropTable(
                name: "CustomerClassifications");

            migrationBuilder.DropTable(
                name: "CustomerMerges");

            migrationBuilder.DropTable(
                name: "CustomerResponsibles");

            migrationBuilder.DropTable(
                name: "ExternalNumbers");

            migrationBuilder.DropTable(
                name: "Favourites");

            migrationBuilder.DropTable(
                name: "Municipalities");

            migrationBuilder.DropTable(
                name: "SegmentChanges");

            migrationBuilder.DropTable(
                name: "Contacts");

            migrationBuilder.DropTable(
                name: "ClassificationNodes");

            migrationBuilder.DropTable(
                name: "Users");

            migrationBuilder.DropTable(
                name: "Customers");
        }
    }
}
