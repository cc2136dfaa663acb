using JcStar.Workflow.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JcStar.Workflow.Persistence.PostgreSql.Migrations
{
    /// <summary>
    /// The public registry's search is a substring search (LIKE '%term%') over the published supplier, product
    /// names, model numbers and registration number; on PostgreSQL trigram GIN indexes serve it, so a search over
    /// 100,000 labels reads the matching rows, not the table. PostgreSQL's own feature: the model knows nothing of
    /// it, so this migration changes no model and the other providers have none. pg_trgm is a trusted extension:
    /// the database's owner may create it.
    /// </summary>
    [DbContext(typeof(WorkflowDbContext))]
    [Migration("20261207021500_RegistrySearchTrigramIndexes")]
    public partial class RegistrySearchTrigramIndexes : Migration
    {
        private static readonly string[] Columns = ["SearchSupplier", "SearchProducts", "SearchModels", "SearchNumber"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            foreach (var column in Columns)
                migrationBuilder.Sql($"CREATE INDEX \"IX_registry_entries_{column}_trgm\" ON registry_entries USING gin (\"{column}\" gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var column in Columns)
                migrationBuilder.Sql($"DROP INDEX IF EXISTS \"IX_registry_entries_{column}_trgm\";");
        }
    }
}
