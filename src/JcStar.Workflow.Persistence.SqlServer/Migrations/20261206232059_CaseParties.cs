using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JcStar.Workflow.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CaseParties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_parties",
                columns: table => new
                {
                    InstanceId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ApplicantOrganizationId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    FacilityId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_parties", x => x.InstanceId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_parties_ApplicantOrganizationId",
                table: "case_parties",
                column: "ApplicantOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_case_parties_FacilityId",
                table: "case_parties",
                column: "FacilityId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_parties");
        }
    }
}
