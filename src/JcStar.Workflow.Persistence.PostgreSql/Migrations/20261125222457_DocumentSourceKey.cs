using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JcStar.Workflow.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class DocumentSourceKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SourceKey",
                table: "case_documents",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_documents_SourceKey",
                table: "case_documents",
                column: "SourceKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_case_documents_SourceKey",
                table: "case_documents");

            migrationBuilder.DropColumn(
                name: "SourceKey",
                table: "case_documents");
        }
    }
}
