using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JcStar.Workflow.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PublicComplaints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "PublicationDate",
                table: "registry_entries",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "SearchModels",
                table: "registry_entries",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchNumber",
                table: "registry_entries",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchProducts",
                table: "registry_entries",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchSupplier",
                table: "registry_entries",
                type: "nvarchar(max)",
                nullable: true);

            // Rows written before this migration: the publication date and the searchable number and supplier
            // (lower case; products and model numbers are filled when the entry is next written).
            migrationBuilder.Sql("""
                UPDATE registry_entries SET
                    "PublicationDate" = CASE WHEN "PreferredPublicationDate" IS NOT NULL AND "PreferredPublicationDate" > "GrantDate" THEN "PreferredPublicationDate" ELSE "GrantDate" END,
                    "SearchNumber" = LOWER("RegistrationNumber"),
                    "SearchSupplier" = CASE WHEN "PublishedFieldsJson" LIKE '%"Supplier"%' THEN LOWER("SupplierName") ELSE NULL END
                """);

            migrationBuilder.CreateTable(
                name: "public_complaints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TokenHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    Email = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    InstanceId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ReceiptNumber = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_public_complaints", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_registry_entries_PublicationDate_RegistrationNumber",
                table: "registry_entries",
                columns: new[] { "PublicationDate", "RegistrationNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_public_complaints_TokenHash",
                table: "public_complaints",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "public_complaints");

            migrationBuilder.DropIndex(
                name: "IX_registry_entries_PublicationDate_RegistrationNumber",
                table: "registry_entries");

            migrationBuilder.DropColumn(
                name: "PublicationDate",
                table: "registry_entries");

            migrationBuilder.DropColumn(
                name: "SearchModels",
                table: "registry_entries");

            migrationBuilder.DropColumn(
                name: "SearchNumber",
                table: "registry_entries");

            migrationBuilder.DropColumn(
                name: "SearchProducts",
                table: "registry_entries");

            migrationBuilder.DropColumn(
                name: "SearchSupplier",
                table: "registry_entries");
        }
    }
}
