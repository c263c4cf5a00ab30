using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portaali.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReferenceDataInEnglish : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReasonMessage",
                table: "Suggestions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameEn",
                table: "ClassificationNodes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameEn",
                table: "ActivityTypes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BodyEn",
                table: "ActivityTemplates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameEn",
                table: "ActivityTemplates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameEn",
                table: "ActivityKeywords",
                type: "TEXT",
                nullable: true);

            // The system nodes of an existing database get their English names (a renamed one keeps it to its administrator).
            migrationBuilder.Sql("UPDATE ClassificationNodes SET NameEn = 'Customer groups' WHERE SystemKey = 'customer-groups' AND NameEn IS NULL;");
            migrationBuilder.Sql("UPDATE ClassificationNodes SET NameEn = 'Suppliers of goods and services' WHERE SystemKey = 'group.suppliers' AND NameEn IS NULL;");
            migrationBuilder.Sql("UPDATE ClassificationNodes SET NameEn = 'Authorities' WHERE SystemKey = 'group.authorities' AND NameEn IS NULL;");
            migrationBuilder.Sql("UPDATE ClassificationNodes SET NameEn = 'Organisations in further training (partners)' WHERE SystemKey = 'group.partners' AND NameEn IS NULL;");
            migrationBuilder.Sql("UPDATE ClassificationNodes SET NameEn = 'Further-training organisations' WHERE SystemKey = 'group.training-organisations' AND NameEn IS NULL;");
            migrationBuilder.Sql("UPDATE ClassificationNodes SET NameEn = 'Partner institutions' WHERE SystemKey = 'group.partner-institutions' AND NameEn IS NULL;");
            migrationBuilder.Sql("UPDATE ClassificationNodes SET NameEn = 'Work-placement sites' WHERE SystemKey = 'group.work-placement' AND NameEn IS NULL;");
            migrationBuilder.Sql("UPDATE ClassificationNodes SET NameEn = 'Field (Omnia''s classification)' WHERE SystemKey = 'work-placement.field' AND NameEn IS NULL;");
            migrationBuilder.Sql("UPDATE ClassificationNodes SET NameEn = 'Work-placement intensity' WHERE SystemKey = 'work-placement.intensity' AND NameEn IS NULL;");
            migrationBuilder.Sql("UPDATE ClassificationNodes SET NameEn = 'Framework agreement' WHERE SystemKey = 'work-placement.framework-agreement' AND NameEn IS NULL;");
            migrationBuilder.Sql("UPDATE ClassificationNodes SET NameEn = 'Demonstration site (trained assessor)' WHERE SystemKey = 'work-placement.demonstration-site' AND NameEn IS NULL;");
            migrationBuilder.Sql("UPDATE ClassificationNodes SET NameEn = 'Omnia''s industry classification' WHERE SystemKey = 'own-industry' AND NameEn IS NULL;");
            migrationBuilder.Sql("UPDATE ClassificationNodes SET NameEn = 'Marketing' WHERE SystemKey = 'marketing' AND NameEn IS NULL;");
            migrationBuilder.Sql("UPDATE ClassificationNodes SET NameEn = 'Contact''s role' WHERE SystemKey = 'contact-roles' AND NameEn IS NULL;");
            migrationBuilder.Sql("UPDATE ClassificationNodes SET NameEn = 'Decision-maker' WHERE SystemKey = 'contact-role.decision-maker' AND NameEn IS NULL;");
            migrationBuilder.Sql("UPDATE ClassificationNodes SET NameEn = 'Expert' WHERE SystemKey = 'contact-role.expert' AND NameEn IS NULL;");
            migrationBuilder.Sql("UPDATE ClassificationNodes SET NameEn = 'Influencer' WHERE SystemKey = 'contact-role.influencer' AND NameEn IS NULL;");
            migrationBuilder.Sql("UPDATE ClassificationNodes SET NameEn = 'Marketing lists' WHERE SystemKey = 'contact-marketing' AND NameEn IS NULL;");
            migrationBuilder.Sql("UPDATE ClassificationNodes SET NameEn = 'Industry (Business Information System)' WHERE SystemKey = 'imported-industry' AND NameEn IS NULL;");
            migrationBuilder.Sql("UPDATE ClassificationNodes SET NameEn = 'Placement instructor' WHERE SystemKey = 'contact-role.placement-instructor' AND NameEn IS NULL;");

            migrationBuilder.UpdateData(
                table: "ActivityKeywords",
                keyColumn: "Id",
                keyValue: 1,
                column: "NameEn",
                value: "Positive");

            migrationBuilder.UpdateData(
                table: "ActivityKeywords",
                keyColumn: "Id",
                keyValue: 2,
                column: "NameEn",
                value: "Negative");

            migrationBuilder.UpdateData(
                table: "ActivityKeywords",
                keyColumn: "Id",
                keyValue: 3,
                column: "NameEn",
                value: "Sales visit");

            migrationBuilder.UpdateData(
                table: "ActivityKeywords",
                keyColumn: "Id",
                keyValue: 4,
                column: "NameEn",
                value: "Account care");

            migrationBuilder.UpdateData(
                table: "ActivityKeywords",
                keyColumn: "Id",
                keyValue: 5,
                column: "NameEn",
                value: "Training need");

            migrationBuilder.UpdateData(
                table: "ActivityKeywords",
                keyColumn: "Id",
                keyValue: 6,
                column: "NameEn",
                value: "Offer follow-up");

            migrationBuilder.UpdateData(
                table: "ActivityTemplates",
                keyColumn: "Id",
                keyValue: 1,
                columns: new[] { "BodyEn", "NameEn" },
                values: new object[] { "Goal\n\n\nAgreed\n", "Visit report" });

            migrationBuilder.UpdateData(
                table: "ActivityTemplates",
                keyColumn: "Id",
                keyValue: 2,
                columns: new[] { "BodyEn", "NameEn" },
                values: new object[] { "What the feedback says\n\n\nActions\n", "Feedback" });

            migrationBuilder.UpdateData(
                table: "ActivityTemplates",
                keyColumn: "Id",
                keyValue: 3,
                columns: new[] { "BodyEn", "NameEn" },
                values: new object[] { "Agenda\n\n\nDecisions\n", "Meeting notes" });

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: 1,
                column: "NameEn",
                value: "Customer feedback");

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: 2,
                column: "NameEn",
                value: "Customer work");

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: 3,
                column: "NameEn",
                value: "Meeting (international or national)");

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: 4,
                column: "NameEn",
                value: "Training");

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: 5,
                column: "NameEn",
                value: "Visit");

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: 6,
                column: "NameEn",
                value: "Memo");

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: 7,
                column: "NameEn",
                value: "Steering group");

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: 8,
                column: "NameEn",
                value: "Project work");

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: 9,
                column: "NameEn",
                value: "Seminar");

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: 10,
                column: "NameEn",
                value: "Internal meeting");

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: 11,
                column: "NameEn",
                value: "Call");

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: 12,
                column: "NameEn",
                value: "Planning");

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: 13,
                column: "NameEn",
                value: "Email");

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: 14,
                column: "NameEn",
                value: "Working group");

            migrationBuilder.UpdateData(
                table: "ActivityTypes",
                keyColumn: "Id",
                keyValue: 15,
                column: "NameEn",
                value: "Lead");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReasonMessage",
                table: "Suggestions");

            migrationBuilder.DropColumn(
                name: "NameEn",
                table: "ClassificationNodes");

            migrationBuilder.DropColumn(
                name: "NameEn",
                table: "ActivityTypes");

            migrationBuilder.DropColumn(
                name: "BodyEn",
                table: "ActivityTemplates");

            migrationBuilder.DropColumn(
                name: "NameEn",
                table: "ActivityTemplates");

            migrationBuilder.DropColumn(
                name: "NameEn",
                table: "ActivityKeywords");
        }
    }
}
