using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portaali.Core.Data.Migrations
{
    /// <summary>Selections at 100,000 customers (issue 12): the candidates of a municipality or region criterion and the
    /// contacts of a customer are checked in the index, not in their rows. Each index replaces the one it extends.</summary>
    public partial class SelectionIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Customers_MunicipalityCode",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_CustomerId",
                table: "Contacts");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_MunicipalityCode_SizeClass_IsPassive_Segment",
                table: "Customers",
                columns: new[] { "MunicipalityCode", "SizeClass", "IsPassive", "Segment" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_CustomerId_HasLeft_NoMarketingEmail",
                table: "Contacts",
                columns: new[] { "CustomerId", "HasLeft", "NoMarketingEmail" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Customers_MunicipalityCode_SizeClass_IsPassive_Segment",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_CustomerId_HasLeft_NoMarketingEmail",
                table: "Contacts");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_MunicipalityCode",
                table: "Customers",
                column: "MunicipalityCode");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_CustomerId",
                table: "Contacts",
                column: "CustomerId");
        }
    }
}
