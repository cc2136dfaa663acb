using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JcStar.Workflow.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class StartEventTimers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "InstanceId",
                table: "timers",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ArmedAt",
                table: "timers",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DefinitionId",
                table: "timers",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Occurrence",
                table: "timers",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ProcessId",
                table: "timers",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_timers_ProcessId_Status",
                table: "timers",
                columns: new[] { "ProcessId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_timers_ProcessId_Status",
                table: "timers");

            migrationBuilder.DropColumn(
                name: "ArmedAt",
                table: "timers");

            migrationBuilder.DropColumn(
                name: "DefinitionId",
                table: "timers");

            migrationBuilder.DropColumn(
                name: "Occurrence",
                table: "timers");

            migrationBuilder.DropColumn(
                name: "ProcessId",
                table: "timers");

            migrationBuilder.AlterColumn<string>(
                name: "InstanceId",
                table: "timers",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200,
                oldNullable: true);
        }
    }
}
