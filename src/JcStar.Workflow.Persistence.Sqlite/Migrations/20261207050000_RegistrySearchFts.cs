using JcStar.Workflow.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JcStar.Workflow.Persistence.Sqlite.Migrations
{
    /// <summary>
    /// The public registry's substring search on SQLite: an FTS5 table with the trigram tokenizer over the search
    /// columns (SqliteRegistryTextIndex reads it), filled from the entries already there and kept in step by triggers,
    /// so no code path can forget it. Keyed by registration number, not rowid: VACUUM may renumber registry_entries'
    /// rowids. SQLite's own feature: the model knows nothing of it, so this migration changes no model and the other
    /// providers have none (PostgreSQL has its trigram indexes).
    /// </summary>
    [DbContext(typeof(WorkflowDbContext))]
    [Migration("20261207050000_RegistrySearchFts")]
    public partial class RegistrySearchFts : Migration
    {
        private const string Columns = "registration_number, supplier, products, models, number";

        private static string Values(string row) =>
            $"{row}.\"RegistrationNumber\", {row}.\"SearchSupplier\", {row}.\"SearchProducts\", {row}.\"SearchModels\", {row}.\"SearchNumber\"";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE VIRTUAL TABLE registry_search USING fts5(registration_number UNINDEXED, supplier, products, models, number, tokenize = 'trigram');");
            migrationBuilder.Sql($"INSERT INTO registry_search ({Columns}) SELECT {Values("e")} FROM registry_entries AS e;");
            migrationBuilder.Sql($"CREATE TRIGGER registry_search_insert AFTER INSERT ON registry_entries BEGIN INSERT INTO registry_search ({Columns}) VALUES ({Values("new")}); END;");
            // Search texts change rarely (a correction of what is published); the delete reads the FTS table's keys.
            migrationBuilder.Sql("CREATE TRIGGER registry_search_update AFTER UPDATE OF \"RegistrationNumber\", \"SearchSupplier\", \"SearchProducts\", \"SearchModels\", \"SearchNumber\" ON registry_entries BEGIN " +
                $"DELETE FROM registry_search WHERE registration_number = old.\"RegistrationNumber\"; INSERT INTO registry_search ({Columns}) VALUES ({Values("new")}); END;");
            migrationBuilder.Sql("CREATE TRIGGER registry_search_delete AFTER DELETE ON registry_entries BEGIN DELETE FROM registry_search WHERE registration_number = old.\"RegistrationNumber\"; END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS registry_search_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS registry_search_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS registry_search_insert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS registry_search;");
        }
    }
}
