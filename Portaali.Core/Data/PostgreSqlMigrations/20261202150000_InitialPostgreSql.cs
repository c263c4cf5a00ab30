using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Portaali.Core.Data.PostgreSqlMigrations
{
    /// <summary>
    /// The whole model on PostgreSQL as it stood after SQLite's SelectionIndexes, made by <c>dotnet ef migrations add
    /// --context PostgreSqlPortaaliDbContext</c>, plus what SQLite's migrations write in raw SQL: the participant-copy
    /// triggers and the search indexes in place of the FTS5 tables. (Npgsql itself moves the identity sequences past the
    /// ids of the seeded rows.)
    /// </summary>
    public partial class InitialPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:citext", ",,")
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .Annotation("Npgsql:PostgresExtension:unaccent", ",,");

            migrationBuilder.CreateTable(
                name: "ActivityTypes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "text", nullable: true),
                    SystemKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Color = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    RequiresCustomer = table.Column<bool>(type: "boolean", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsRetired = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityTypes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<int>(type: "integer", nullable: true),
                    UserName = table.Column<string>(type: "text", nullable: false),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    EntityType = table.Column<string>(type: "text", nullable: false),
                    EntityId = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<string>(type: "text", nullable: false),
                    Changes = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CarePlanCheckRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Trigger = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    StartedByUserId = table.Column<int>(type: "integer", nullable: true),
                    StartedByName = table.Column<string>(type: "text", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CheckedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CustomersChecked = table.Column<int>(type: "integer", nullable: false),
                    CustomersBroken = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarePlanCheckRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClassificationNodes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "text", nullable: false),
                    NameEn = table.Column<string>(type: "text", nullable: true),
                    Target = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    IsRetired = table.Column<bool>(type: "boolean", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    SystemKey = table.Column<string>(type: "text", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SurvivorId = table.Column<int>(type: "integer", nullable: false),
                    MergedCustomerId = table.Column<int>(type: "integer", nullable: false),
                    MergedName = table.Column<string>(type: "text", nullable: false),
                    MergedBusinessId = table.Column<string>(type: "text", nullable: true),
                    Snapshot = table.Column<string>(type: "text", nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: false),
                    MergedByUserId = table.Column<int>(type: "integer", nullable: false),
                    MergedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerMerges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Customers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameSearch = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ComparableName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    BusinessId = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    CompanyForm = table.Column<string>(type: "text", nullable: true),
                    VisitingStreet = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    VisitingPostalCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    VisitingCity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PostalStreet = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PostalPostalCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    PostalCity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    MunicipalityCode = table.Column<string>(type: "text", nullable: true),
                    Phone = table.Column<string>(type: "text", nullable: true),
                    Email = table.Column<string>(type: "citext", nullable: true),
                    Website = table.Column<string>(type: "text", nullable: true),
                    SizeClass = table.Column<int>(type: "integer", nullable: false),
                    Revenue = table.Column<decimal>(type: "numeric", nullable: true),
                    IndustryCode = table.Column<string>(type: "text", nullable: true),
                    Segment = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    IsPassive = table.Column<bool>(type: "boolean", nullable: false),
                    PassivatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PassivationReason = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Customers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Favourites",
                columns: table => new
                {
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Favourites", x => new { x.UserId, x.CustomerId });
                });

            migrationBuilder.CreateTable(
                name: "ImportFieldMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Column = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Field = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Overwrite = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportFieldMappings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Mode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Trigger = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartedByUserId = table.Column<int>(type: "integer", nullable: true),
                    StartedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    FilePath = table.Column<string>(type: "text", nullable: true),
                    FileHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    QueuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Total = table.Column<int>(type: "integer", nullable: true),
                    Done = table.Column<int>(type: "integer", nullable: false),
                    Created = table.Column<int>(type: "integer", nullable: false),
                    Updated = table.Column<int>(type: "integer", nullable: false),
                    Unchanged = table.Column<int>(type: "integer", nullable: false),
                    Failed = table.Column<int>(type: "integer", nullable: false),
                    Duplicates = table.Column<int>(type: "integer", nullable: false),
                    Skipped = table.Column<int>(type: "integer", nullable: false),
                    Resumed = table.Column<int>(type: "integer", nullable: false),
                    Checkpoint = table.Column<long>(type: "bigint", nullable: false),
                    ResumedFromRunId = table.Column<int>(type: "integer", nullable: true),
                    DryRunId = table.Column<int>(type: "integer", nullable: true),
                    Message = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Municipalities",
                columns: table => new
                {
                    Code = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Region = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Municipalities", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "ProductGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NameFi = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsRetired = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductGroups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RoleDesktops",
                columns: table => new
                {
                    Group = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    LayoutJson = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoleDesktops", x => x.Group);
                });

            migrationBuilder.CreateTable(
                name: "Users",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DisplayName = table.Column<string>(type: "text", nullable: false),
                    Email = table.Column<string>(type: "citext", nullable: false),
                    Group = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    PrefersDarkMode = table.Column<bool>(type: "boolean", nullable: false),
                    ExternalObjectId = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ActivityKeywords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActivityTypeId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "text", nullable: true),
                    SystemKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    NeedsResolution = table.Column<bool>(type: "boolean", nullable: false),
                    IsRetired = table.Column<bool>(type: "boolean", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActivityTypeId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    NameEn = table.Column<string>(type: "text", nullable: true),
                    BodyEn = table.Column<string>(type: "text", nullable: true),
                    IsRetired = table.Column<bool>(type: "boolean", nullable: false)
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
                name: "CarePlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Scope = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Segment = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    CustomerGroupId = table.Column<int>(type: "integer", nullable: true)
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
                name: "CompanyProfiles",
                columns: table => new
                {
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    RegistryLastModified = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RegistrationDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    MainLineCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    IndustryCodeSet = table.Column<string>(type: "text", nullable: true),
                    IndustryDescription = table.Column<string>(type: "text", nullable: true),
                    Situations = table.Column<string>(type: "text", nullable: true),
                    FormerNames = table.Column<string>(type: "text", nullable: true),
                    Headcount = table.Column<int>(type: "integer", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompanyProfiles", x => x.CustomerId);
                    table.ForeignKey(
                        name: "FK_CompanyProfiles_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    FirstName = table.Column<string>(type: "text", nullable: false),
                    LastName = table.Column<string>(type: "text", nullable: false),
                    NameSearch = table.Column<string>(type: "text", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: true),
                    AreaOfResponsibility = table.Column<string>(type: "text", nullable: true),
                    DecisionLevel = table.Column<string>(type: "text", nullable: true),
                    Phone = table.Column<string>(type: "text", nullable: true),
                    Email = table.Column<string>(type: "citext", nullable: true),
                    HasLeft = table.Column<bool>(type: "boolean", nullable: false),
                    NoMarketingEmail = table.Column<bool>(type: "boolean", nullable: false),
                    NoMarketingEmailChangedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    NodeId = table.Column<int>(type: "integer", nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AssignedByUserId = table.Column<int>(type: "integer", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    System = table.Column<string>(type: "text", nullable: false),
                    Number = table.Column<string>(type: "text", nullable: false)
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
                name: "KeyAccountProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    ProposedByUserId = table.Column<int>(type: "integer", nullable: false),
                    ProposedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Justification = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedByUserId = table.Column<int>(type: "integer", nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SeenByProposerAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    Recency = table.Column<int>(type: "integer", nullable: false),
                    Frequency = table.Column<int>(type: "integer", nullable: false),
                    Monetary = table.Column<int>(type: "integer", nullable: false),
                    LastContactOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LastOrderOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Contacts = table.Column<int>(type: "integer", nullable: false),
                    Orders = table.Column<int>(type: "integer", nullable: false),
                    OrderCents = table.Column<long>(type: "bigint", nullable: false),
                    WindowMonths = table.Column<int>(type: "integer", nullable: false),
                    WindowFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Measure = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Target = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByUserId = table.Column<int>(type: "integer", nullable: true),
                    UpdatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                name: "SegmentChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    To = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    ChangedByUserId = table.Column<int>(type: "integer", nullable: true),
                    ChangedByName = table.Column<string>(type: "text", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "Suggestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    ReasonMessage = table.Column<string>(type: "text", nullable: true),
                    RunId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResolvedByUserId = table.Column<int>(type: "integer", nullable: true),
                    ResolvedByName = table.Column<string>(type: "text", nullable: true),
                    Resolution = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true)
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

            migrationBuilder.CreateTable(
                name: "ImportChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    Line = table.Column<long>(type: "bigint", nullable: false),
                    CustomerId = table.Column<int>(type: "integer", nullable: true),
                    CustomerName = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Changes = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportChanges_ImportRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "ImportRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImportRowErrors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    Line = table.Column<long>(type: "bigint", nullable: false),
                    Key = table.Column<string>(type: "text", nullable: true),
                    Message = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRowErrors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportRowErrors_ImportRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "ImportRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Products",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProductGroupId = table.Column<int>(type: "integer", nullable: false),
                    NameFi = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ListPriceCents = table.Column<long>(type: "bigint", nullable: false),
                    VatRate = table.Column<decimal>(type: "numeric", nullable: false),
                    IsRetired = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Products", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Products_ProductGroups_ProductGroupId",
                        column: x => x.ProductGroupId,
                        principalTable: "ProductGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CalendarFeedTokens",
                columns: table => new
                {
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "Campaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    EventDate = table.Column<DateOnly>(type: "date", nullable: true),
                    OwnerUserId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Campaigns_Users_OwnerUserId",
                        column: x => x.OwnerUserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CustomerResponsibles",
                columns: table => new
                {
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<int>(type: "integer", nullable: false)
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
                name: "ExportJobs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OwnerUserId = table.Column<int>(type: "integer", nullable: false),
                    RequestJson = table.Column<string>(type: "text", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    FileName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    State = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    Done = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FilePath = table.Column<string>(type: "text", nullable: true),
                    FileBytes = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExportJobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExportJobs_Users_OwnerUserId",
                        column: x => x.OwnerUserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Projects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Funder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FundingStarts = table.Column<DateOnly>(type: "date", nullable: true),
                    FundingEnds = table.Column<DateOnly>(type: "date", nullable: true),
                    OwnerUserId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "SalesTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SalesTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SalesTargets_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Selections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Target = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CriteriaJson = table.Column<string>(type: "text", nullable: false),
                    IncludePassive = table.Column<bool>(type: "boolean", nullable: false),
                    IncludeLeft = table.Column<bool>(type: "boolean", nullable: false),
                    OwnerUserId = table.Column<int>(type: "integer", nullable: false),
                    IsShared = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LastExportedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastExportedCount = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Selections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Selections_Users_OwnerUserId",
                        column: x => x.OwnerUserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SignInRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LocalDate = table.Column<DateOnly>(type: "date", nullable: false)
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
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false)
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
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    LayoutJson = table.Column<string>(type: "text", nullable: false),
                    BasedOnRoleVersion = table.Column<int>(type: "integer", nullable: false),
                    Group = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                name: "CarePlanVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CarePlanId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CareFi = table.Column<string>(type: "text", nullable: false),
                    CareEn = table.Column<string>(type: "text", nullable: false),
                    InternalFi = table.Column<string>(type: "text", nullable: false),
                    InternalEn = table.Column<string>(type: "text", nullable: false),
                    ResponsibleFi = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ResponsibleEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ResponsibleUserId = table.Column<int>(type: "integer", nullable: true),
                    ReviewOn = table.Column<DateOnly>(type: "date", nullable: false),
                    MaxContactGapDays = table.Column<int>(type: "integer", nullable: true),
                    PlannedContactCounts = table.Column<bool>(type: "boolean", nullable: false),
                    ChangeNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<int>(type: "integer", nullable: true),
                    CreatedByName = table.Column<string>(type: "text", nullable: false),
                    ActiveFrom = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedByName = table.Column<string>(type: "text", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                name: "ContactClassifications",
                columns: table => new
                {
                    ContactId = table.Column<int>(type: "integer", nullable: false),
                    NodeId = table.Column<int>(type: "integer", nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AssignedByUserId = table.Column<int>(type: "integer", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "ServiceOrders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    ContactId = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    StartTime = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    EndTime = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    StartsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Rooms = table.Column<string>(type: "text", nullable: true),
                    Materials = table.Column<string>(type: "text", nullable: true),
                    Catering = table.Column<string>(type: "text", nullable: true),
                    OtherGoods = table.Column<string>(type: "text", nullable: true),
                    ParticipantCount = table.Column<int>(type: "integer", nullable: true),
                    Notes = table.Column<string>(type: "text", nullable: true),
                    ExtraRecipients = table.Column<string>(type: "text", nullable: false),
                    CreatedByUserId = table.Column<int>(type: "integer", nullable: false),
                    CreatedByName = table.Column<string>(type: "text", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "text", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceOrders_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceOrders_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProductResponsibles",
                columns: table => new
                {
                    ProductId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductResponsibles", x => new { x.ProductId, x.UserId });
                    table.ForeignKey(
                        name: "FK_ProductResponsibles_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProductResponsibles_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CampaignMailings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    State = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    Sent = table.Column<int>(type: "integer", nullable: false),
                    Failed = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "text", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<int>(type: "integer", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublicBaseUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignMailings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignMailings_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CampaignMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    ContactId = table.Column<int>(type: "integer", nullable: false),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    Step = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    StepChangedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StepChangedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignMembers_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CampaignMembers_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CampaignMembers_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Activities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<int>(type: "integer", nullable: true),
                    ActivityTypeId = table.Column<int>(type: "integer", nullable: false),
                    KeywordId = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Memo = table.Column<string>(type: "text", nullable: true),
                    SearchText = table.Column<string>(type: "text", nullable: false),
                    StartsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    LocalDate = table.Column<DateOnly>(type: "date", nullable: false),
                    IsoYear = table.Column<int>(type: "integer", nullable: false),
                    IsoWeek = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ResolutionNote = table.Column<string>(type: "text", nullable: true),
                    ResolvedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResolvedByName = table.Column<string>(type: "text", nullable: true),
                    EmailMessageId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    SeriesId = table.Column<Guid>(type: "uuid", nullable: true),
                    ProjectId = table.Column<int>(type: "integer", nullable: true),
                    CreatedByUserId = table.Column<int>(type: "integer", nullable: false),
                    CreatedByName = table.Column<string>(type: "text", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                    table.ForeignKey(
                        name: "FK_Activities_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProjectNetworkMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    ContactId = table.Column<int>(type: "integer", nullable: true),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AddedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AddedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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

            migrationBuilder.CreateTable(
                name: "SelectionExportMembers",
                columns: table => new
                {
                    SelectionId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelectionExportMembers", x => new { x.SelectionId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_SelectionExportMembers_Selections_SelectionId",
                        column: x => x.SelectionId,
                        principalTable: "Selections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SelectionFavourites",
                columns: table => new
                {
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    SelectionId = table.Column<int>(type: "integer", nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelectionFavourites", x => new { x.UserId, x.SelectionId });
                    table.ForeignKey(
                        name: "FK_SelectionFavourites_Selections_SelectionId",
                        column: x => x.SelectionId,
                        principalTable: "Selections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SelectionFavourites_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaticListMembers",
                columns: table => new
                {
                    SelectionId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AddedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaticListMembers", x => new { x.SelectionId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_StaticListMembers_Selections_SelectionId",
                        column: x => x.SelectionId,
                        principalTable: "Selections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CarePlanBreaches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    CarePlanVersionId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LastContactOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AllowedGapDays = table.Column<int>(type: "integer", nullable: true),
                    RequirementId = table.Column<int>(type: "integer", nullable: true),
                    Required = table.Column<int>(type: "integer", nullable: true),
                    Done = table.Column<int>(type: "integer", nullable: true),
                    OverdueDays = table.Column<int>(type: "integer", nullable: false)
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
                    CarePlanVersionId = table.Column<int>(type: "integer", nullable: false),
                    ActivityTypeId = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CarePlanVersionId = table.Column<int>(type: "integer", nullable: false),
                    ActivityTypeId = table.Column<int>(type: "integer", nullable: false),
                    KeywordId = table.Column<int>(type: "integer", nullable: true),
                    PerYear = table.Column<int>(type: "integer", nullable: false),
                    LabelFi = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LabelEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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

            migrationBuilder.CreateTable(
                name: "ServiceOrderDeliverers",
                columns: table => new
                {
                    ServiceOrderId = table.Column<int>(type: "integer", nullable: false),
                    Part = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UserId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceOrderDeliverers", x => new { x.ServiceOrderId, x.Part, x.UserId });
                    table.ForeignKey(
                        name: "FK_ServiceOrderDeliverers_ServiceOrders_ServiceOrderId",
                        column: x => x.ServiceOrderId,
                        principalTable: "ServiceOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ServiceOrderDeliverers_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ServiceOrderSendings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ServiceOrderId = table.Column<int>(type: "integer", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SentByUserId = table.Column<int>(type: "integer", nullable: false),
                    SentByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Recipients = table.Column<string>(type: "text", nullable: false),
                    Subject = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Error = table.Column<string>(type: "text", nullable: true),
                    Channel = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    RetryOfId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceOrderSendings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceOrderSendings_ServiceOrders_ServiceOrderId",
                        column: x => x.ServiceOrderId,
                        principalTable: "ServiceOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MailingDeliveries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MailingId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailingDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MailingDeliveries_CampaignMailings_MailingId",
                        column: x => x.MailingId,
                        principalTable: "CampaignMailings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MailingDeliveries_CampaignMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "CampaignMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActivityContacts",
                columns: table => new
                {
                    ActivityId = table.Column<int>(type: "integer", nullable: false),
                    ContactId = table.Column<int>(type: "integer", nullable: false)
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
                    ActivityId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    StartsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsoYear = table.Column<int>(type: "integer", nullable: false),
                    IsoWeek = table.Column<int>(type: "integer", nullable: false),
                    IsOpen = table.Column<bool>(type: "boolean", nullable: false),
                    IsCustomerWork = table.Column<bool>(type: "boolean", nullable: false),
                    ActivityTypeId = table.Column<int>(type: "integer", nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "Offers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    ContactId = table.Column<int>(type: "integer", nullable: true),
                    AccountManagerId = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    OfferedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Notes = table.Column<string>(type: "text", nullable: true),
                    CustomerReference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ActivityId = table.Column<int>(type: "integer", nullable: true),
                    TotalExVatCents = table.Column<long>(type: "bigint", nullable: false),
                    VatCents = table.Column<long>(type: "bigint", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LostReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecordedAsOrder = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByName = table.Column<string>(type: "text", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Offers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Offers_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Offers_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Offers_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Offers_Users_AccountManagerId",
                        column: x => x.AccountManagerId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OfferAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OfferId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    StoredName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedByName = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfferAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OfferAttachments_Offers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "Offers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OfferLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OfferId = table.Column<int>(type: "integer", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    ProductId = table.Column<int>(type: "integer", nullable: true),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric", nullable: false),
                    UnitPriceCents = table.Column<long>(type: "bigint", nullable: false),
                    VatRate = table.Column<decimal>(type: "numeric", nullable: false),
                    Participants = table.Column<int>(type: "integer", nullable: true),
                    LineTotalExVatCents = table.Column<long>(type: "bigint", nullable: false),
                    LineVatCents = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfferLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OfferLines_Offers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "Offers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OfferLines_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OfferResponsibles",
                columns: table => new
                {
                    OfferId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfferResponsibles", x => new { x.OfferId, x.UserId });
                    table.ForeignKey(
                        name: "FK_OfferResponsibles_Offers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "Offers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OfferResponsibles_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Orders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OfferId = table.Column<int>(type: "integer", nullable: false),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    AccountManagerId = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TotalExVatCents = table.Column<long>(type: "bigint", nullable: false),
                    VatCents = table.Column<long>(type: "bigint", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OrderedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DeliveryStartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    InvoicedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    InvoiceNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    InvoicedByName = table.Column<string>(type: "text", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Orders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Orders_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Orders_Offers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "Offers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Orders_Users_AccountManagerId",
                        column: x => x.AccountManagerId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "ActivityTypes",
                columns: new[] { "Id", "Color", "IsRetired", "Name", "NameEn", "RequiresCustomer", "SortOrder", "SystemKey" },
                values: new object[,]
                {
                    { 1, "#c62828", false, "Asiakaspalaute", "Customer feedback", true, 1, "feedback" },
                    { 2, "#1565c0", false, "Asiakkuustyö", "Customer work", true, 2, "customer-work" },
                    { 3, "#6a1b9a", false, "Kokous (kv tai kansallinen)", "Meeting (international or national)", false, 3, "meeting" },
                    { 4, "#00838f", false, "Koulutus", "Training", false, 4, "training" },
                    { 5, "#2e7d32", false, "Käynti", "Visit", true, 5, "visit" },
                    { 6, "#546e7a", false, "Memo", "Memo", false, 6, "memo" },
                    { 7, "#4527a0", false, "Ohjausryhmä", "Steering group", false, 7, "steering-group" },
                    { 8, "#e65100", false, "Projektityö", "Project work", false, 8, "project-work" },
                    { 9, "#ad1457", false, "Seminaari", "Seminar", false, 9, "seminar" },
                    { 10, "#6d4c41", false, "Sisäinen palaveri", "Internal meeting", false, 10, "internal-meeting" },
                    { 11, "#0277bd", false, "Soitto", "Call", true, 11, "call" },
                    { 12, "#827717", false, "Suunnittelu", "Planning", false, 12, "planning" },
                    { 13, "#37474f", false, "Sähköposti", "Email", true, 13, "email" },
                    { 14, "#4e342e", false, "Työryhmä", "Working group", false, 14, "working-group" },
                    { 15, "#b8860b", false, "Liidi", "Lead", true, 15, "lead" }
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

            migrationBuilder.InsertData(
                table: "ActivityKeywords",
                columns: new[] { "Id", "ActivityTypeId", "IsRetired", "Name", "NameEn", "NeedsResolution", "SystemKey" },
                values: new object[,]
                {
                    { 1, 1, false, "Positiivinen", "Positive", false, "feedback.positive" },
                    { 2, 1, false, "Negatiivinen", "Negative", true, "feedback.negative" },
                    { 3, 5, false, "Myyntikäynti", "Sales visit", false, null },
                    { 4, 5, false, "Asiakkuuden hoito", "Account care", false, null },
                    { 5, 15, false, "Koulutustarve", "Training need", false, null },
                    { 6, 11, false, "Tarjouksen seuranta", "Offer follow-up", false, null }
                });

            migrationBuilder.InsertData(
                table: "ActivityTemplates",
                columns: new[] { "Id", "ActivityTypeId", "Body", "BodyEn", "IsRetired", "Name", "NameEn" },
                values: new object[,]
                {
                    { 1, 5, "Tavoite\n\n\nSovitut asiat\n", "Goal\n\n\nAgreed\n", false, "Käyntiraportti", "Visit report" },
                    { 2, 1, "Palautteen sisältö\n\n\nToimenpiteet\n", "What the feedback says\n\n\nActions\n", false, "Palaute", "Feedback" },
                    { 3, 10, "Asialista\n\n\nPäätökset\n", "Agenda\n\n\nDecisions\n", false, "Palaverimuistio", "Meeting notes" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_ActivityTypeId_LocalDate_CustomerId",
                table: "Activities",
                columns: new[] { "ActivityTypeId", "LocalDate", "CustomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_CarePlanMonitor",
                table: "Activities",
                columns: new[] { "CustomerId", "ActivityTypeId", "LocalDate", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_CustomerId_StartsAtUtc",
                table: "Activities",
                columns: new[] { "CustomerId", "StartsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_EmailMessageId",
                table: "Activities",
                column: "EmailMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_IsoYear_IsoWeek_Status_ActivityTypeId_CustomerId~",
                table: "Activities",
                columns: new[] { "IsoYear", "IsoWeek", "Status", "ActivityTypeId", "CustomerId", "DurationMinutes" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_KeywordId_Status_StartsAtUtc",
                table: "Activities",
                columns: new[] { "KeywordId", "Status", "StartsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_LocalDate_CustomerId",
                table: "Activities",
                columns: new[] { "LocalDate", "CustomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_LocalDate_StartsAtUtc",
                table: "Activities",
                columns: new[] { "LocalDate", "StartsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_ProjectId_StartsAtUtc",
                table: "Activities",
                columns: new[] { "ProjectId", "StartsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_SeriesId",
                table: "Activities",
                column: "SeriesId");

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
                name: "IX_ActivityParticipants_MyOpen",
                table: "ActivityParticipants",
                columns: new[] { "UserId", "StartsAtUtc", "ActivityId", "IsOpen" },
                filter: "\"IsOpen\"");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityParticipants_UserId_ActivityId",
                table: "ActivityParticipants",
                columns: new[] { "UserId", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityParticipants_WeekHours",
                table: "ActivityParticipants",
                columns: new[] { "IsoYear", "UserId", "IsoWeek", "IsOpen", "IsCustomerWork", "ActivityTypeId", "DurationMinutes" });

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
                name: "IX_AuditEntries_CustomerId_At",
                table: "AuditEntries",
                columns: new[] { "CustomerId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeedTokens_TokenHash",
                table: "CalendarFeedTokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CampaignMailings_CampaignId_CreatedAtUtc",
                table: "CampaignMailings",
                columns: new[] { "CampaignId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignMembers_CampaignId_ContactId",
                table: "CampaignMembers",
                columns: new[] { "CampaignId", "ContactId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CampaignMembers_CampaignId_Step",
                table: "CampaignMembers",
                columns: new[] { "CampaignId", "Step" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignMembers_ContactId_Step",
                table: "CampaignMembers",
                columns: new[] { "ContactId", "Step" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignMembers_CustomerId",
                table: "CampaignMembers",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_OwnerUserId",
                table: "Campaigns",
                column: "OwnerUserId");

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
                name: "IX_Contacts_CustomerId_HasLeft_NoMarketingEmail",
                table: "Contacts",
                columns: new[] { "CustomerId", "HasLeft", "NoMarketingEmail" });

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
                name: "IX_Customers_MunicipalityCode_ComparableName",
                table: "Customers",
                columns: new[] { "MunicipalityCode", "ComparableName" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_MunicipalityCode_SizeClass_IsPassive_Segment",
                table: "Customers",
                columns: new[] { "MunicipalityCode", "SizeClass", "IsPassive", "Segment" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_NameSearch",
                table: "Customers",
                column: "NameSearch");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Segment_IsPassive_NameSearch",
                table: "Customers",
                columns: new[] { "Segment", "IsPassive", "NameSearch" });

            migrationBuilder.CreateIndex(
                name: "IX_ExportJobs_OwnerUserId_CreatedAtUtc",
                table: "ExportJobs",
                columns: new[] { "OwnerUserId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ExternalNumbers_CustomerId",
                table: "ExternalNumbers",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_ExternalNumbers_Number",
                table: "ExternalNumbers",
                column: "Number");

            migrationBuilder.CreateIndex(
                name: "IX_ExternalNumbers_System_Number",
                table: "ExternalNumbers",
                columns: new[] { "System", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportChanges_RunId_Line",
                table: "ImportChanges",
                columns: new[] { "RunId", "Line" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportFieldMappings_Source_Field",
                table: "ImportFieldMappings",
                columns: new[] { "Source", "Field" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportRowErrors_RunId_Line",
                table: "ImportRowErrors",
                columns: new[] { "RunId", "Line" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportRuns_QueuedAt",
                table: "ImportRuns",
                column: "QueuedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ImportRuns_Source_Id",
                table: "ImportRuns",
                columns: new[] { "Source", "Id" });

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
                name: "IX_MailingDeliveries_MailingId_MemberId",
                table: "MailingDeliveries",
                columns: new[] { "MailingId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MailingDeliveries_MailingId_State",
                table: "MailingDeliveries",
                columns: new[] { "MailingId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_MailingDeliveries_MemberId",
                table: "MailingDeliveries",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_OfferAttachments_OfferId",
                table: "OfferAttachments",
                column: "OfferId");

            migrationBuilder.CreateIndex(
                name: "IX_OfferAttachments_StoredName",
                table: "OfferAttachments",
                column: "StoredName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OfferLines_OfferId",
                table: "OfferLines",
                column: "OfferId");

            migrationBuilder.CreateIndex(
                name: "IX_OfferLines_ProductId",
                table: "OfferLines",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_OfferResponsibles_UserId",
                table: "OfferResponsibles",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Offers_AccountManagerId_State",
                table: "Offers",
                columns: new[] { "AccountManagerId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Offers_ActivityId",
                table: "Offers",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_Offers_ContactId",
                table: "Offers",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_Offers_CustomerId_State",
                table: "Offers",
                columns: new[] { "CustomerId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Offers_OfferedOn",
                table: "Offers",
                column: "OfferedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Offers_State_DecidedOn",
                table: "Offers",
                columns: new[] { "State", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Offers_State_ValidUntil",
                table: "Offers",
                columns: new[] { "State", "ValidUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_AccountManagerId_OrderedOn",
                table: "Orders",
                columns: new[] { "AccountManagerId", "OrderedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_CustomerId_State",
                table: "Orders",
                columns: new[] { "CustomerId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_InvoicedOn",
                table: "Orders",
                column: "InvoicedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_OfferId",
                table: "Orders",
                column: "OfferId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Orders_OrderedOn",
                table: "Orders",
                column: "OrderedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_State_DeliveryStartedOn",
                table: "Orders",
                columns: new[] { "State", "DeliveryStartedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ProductResponsibles_UserId",
                table: "ProductResponsibles",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Products_ProductGroupId",
                table: "Products",
                column: "ProductGroupId");

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
                name: "IX_SalesTargets_UserId_Year",
                table: "SalesTargets",
                columns: new[] { "UserId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScorecardTargets_CustomerId_Year_Measure",
                table: "ScorecardTargets",
                columns: new[] { "CustomerId", "Year", "Measure" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SegmentChanges_ChangedAt",
                table: "SegmentChanges",
                column: "ChangedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SegmentChanges_CustomerId",
                table: "SegmentChanges",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_SelectionFavourites_SelectionId",
                table: "SelectionFavourites",
                column: "SelectionId");

            migrationBuilder.CreateIndex(
                name: "IX_Selections_IsShared",
                table: "Selections",
                column: "IsShared");

            migrationBuilder.CreateIndex(
                name: "IX_Selections_OwnerUserId_Name",
                table: "Selections",
                columns: new[] { "OwnerUserId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceOrderDeliverers_UserId",
                table: "ServiceOrderDeliverers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceOrders_ContactId",
                table: "ServiceOrders",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceOrders_CustomerId_StartsAtUtc",
                table: "ServiceOrders",
                columns: new[] { "CustomerId", "StartsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceOrders_Date_StartsAtUtc",
                table: "ServiceOrders",
                columns: new[] { "Date", "StartsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceOrderSendings_RetryOfId",
                table: "ServiceOrderSendings",
                column: "RetryOfId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceOrderSendings_ServiceOrderId_Id",
                table: "ServiceOrderSendings",
                columns: new[] { "ServiceOrderId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SignInRecords_LocalDate_UserId",
                table: "SignInRecords",
                columns: new[] { "LocalDate", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_SignInRecords_UserId",
                table: "SignInRecords",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Suggestions_CustomerId_Kind_Code",
                table: "Suggestions",
                columns: new[] { "CustomerId", "Kind", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_Suggestions_ResolvedAt",
                table: "Suggestions",
                column: "ResolvedAt");

            migrationBuilder.CreateIndex(
                name: "IX_UserActiveDays_Date",
                table: "UserActiveDays",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_Users_Email",
                table: "Users",
                column: "Email",
                unique: true);

            // What SQLite's migrations add in raw SQL, in PostgreSQL's terms (docs/postgresql.md).
            ActivityParticipantCopies.CreatePostgreSql(migrationBuilder);
            PostgreSqlSearch.Create(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""DROP FUNCTION IF EXISTS {PostgreSqlSearch.Fold}(text) CASCADE;""");
            migrationBuilder.Sql("""DROP FUNCTION IF EXISTS "ActivityParticipants_copy_insert"() CASCADE;""");
            migrationBuilder.Sql("""DROP FUNCTION IF EXISTS "Activities_participant_copy_update"() CASCADE;""");

            migrationBuilder.DropTable(
                name: "ActivityContacts");

            migrationBuilder.DropTable(
                name: "ActivityParticipants");

            migrationBuilder.DropTable(
                name: "ActivityTemplates");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "CalendarFeedTokens");

            migrationBuilder.DropTable(
                name: "CarePlanBreaches");

            migrationBuilder.DropTable(
                name: "CarePlanContactTypes");

            migrationBuilder.DropTable(
                name: "CarePlanRequirements");

            migrationBuilder.DropTable(
                name: "CompanyProfiles");

            migrationBuilder.DropTable(
                name: "ContactClassifications");

            migrationBuilder.DropTable(
                name: "CustomerClassifications");

            migrationBuilder.DropTable(
                name: "CustomerMerges");

            migrationBuilder.DropTable(
                name: "CustomerResponsibles");

            migrationBuilder.DropTable(
                name: "ExportJobs");

            migrationBuilder.DropTable(
                name: "ExternalNumbers");

            migrationBuilder.DropTable(
                name: "Favourites");

            migrationBuilder.DropTable(
                name: "ImportChanges");

            migrationBuilder.DropTable(
                name: "ImportFieldMappings");

            migrationBuilder.DropTable(
                name: "ImportRowErrors");

            migrationBuilder.DropTable(
                name: "KeyAccountProposals");

            migrationBuilder.DropTable(
                name: "MailingDeliveries");

            migrationBuilder.DropTable(
                name: "Municipalities");

            migrationBuilder.DropTable(
                name: "OfferAttachments");

            migrationBuilder.DropTable(
                name: "OfferLines");

            migrationBuilder.DropTable(
                name: "OfferResponsibles");

            migrationBuilder.DropTable(
                name: "Orders");

            migrationBuilder.DropTable(
                name: "ProductResponsibles");

            migrationBuilder.DropTable(
                name: "ProjectNetworkMembers");

            migrationBuilder.DropTable(
                name: "RecentCustomers");

            migrationBuilder.DropTable(
                name: "RfmScores");

            migrationBuilder.DropTable(
                name: "RoleDesktops");

            migrationBuilder.DropTable(
                name: "SalesTargets");

            migrationBuilder.DropTable(
                name: "ScorecardTargets");

            migrationBuilder.DropTable(
                name: "SegmentChanges");

            migrationBuilder.DropTable(
                name: "SelectionExportMembers");

            migrationBuilder.DropTable(
                name: "SelectionFavourites");

            migrationBuilder.DropTable(
                name: "ServiceOrderDeliverers");

            migrationBuilder.DropTable(
                name: "ServiceOrderSendings");

            migrationBuilder.DropTable(
                name: "SignInRecords");

            migrationBuilder.DropTable(
                name: "StaticListMembers");

            migrationBuilder.DropTable(
                name: "Suggestions");

            migrationBuilder.DropTable(
                name: "UserActiveDays");

            migrationBuilder.DropTable(
                name: "UserDesktops");

            migrationBuilder.DropTable(
                name: "CarePlanCheckRuns");

            migrationBuilder.DropTable(
                name: "CarePlanVersions");

            migrationBuilder.DropTable(
                name: "ImportRuns");

            migrationBuilder.DropTable(
                name: "CampaignMailings");

            migrationBuilder.DropTable(
                name: "CampaignMembers");

            migrationBuilder.DropTable(
                name: "Offers");

            migrationBuilder.DropTable(
                name: "Products");

            migrationBuilder.DropTable(
                name: "ServiceOrders");

            migrationBuilder.DropTable(
                name: "Selections");

            migrationBuilder.DropTable(
                name: "CarePlans");

            migrationBuilder.DropTable(
                name: "Campaigns");

            migrationBuilder.DropTable(
                name: "Activities");

            migrationBuilder.DropTable(
                name: "ProductGroups");

            migrationBuilder.DropTable(
                name: "Contacts");

            migrationBuilder.DropTable(
                name: "ClassificationNodes");

            migrationBuilder.DropTable(
                name: "ActivityKeywords");

            migrationBuilder.DropTable(
                name: "Projects");

            migrationBuilder.DropTable(
                name: "Customers");

            migrationBuilder.DropTable(
                name: "ActivityTypes");

            migrationBuilder.DropTable(
                name: "Users");
        }
    }
}
