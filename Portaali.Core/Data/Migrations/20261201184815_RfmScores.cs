using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portaali.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class RfmScores : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RfmScores");
        }
    }
}
