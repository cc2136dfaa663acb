using JcStar.Workflow.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JcStar.Workflow.Persistence.PostgreSql.Migrations
{
    /// <summary>
    /// A GIN index normally takes new rows into a pending list that every search reads whole until VACUUM merges it
    /// into the index. The registry is read far more often than labels are published, and a freshly published batch
    /// made each search read hundreds of pending pages: 10.6 ms instead of 0.35 ms for one model number over 100,000
    /// labels, which under tests/bench/web.sh's twenty connections put the registry's p95 at 210-770 ms until
    /// autovacuum happened to run. Without the pending list (fastupdate off) a new label goes straight into the
    /// index: publishing costs a little more, every search after it costs nothing extra. What is pending now is
    /// merged here. PostgreSQL's own feature: no model change, no migration for the other providers.
    /// </summary>
    [DbContext(typeof(WorkflowDbContext))]
    [Migration("20261207110000_RegistryTrigramIndexesWithoutPendingList")]
    public partial class RegistryTrigramIndexesWithoutPendingList : Migration
    {
        private static readonly string[] Columns = ["SearchSupplier", "SearchProducts", "SearchModels", "SearchNumber"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var column in Columns)
            {
                migrationBuilder.Sql($"ALTER INDEX \"IX_registry_entries_{column}_trgm\" SET (fastupdate = off);");
                migrationBuilder.Sql($"SELECT gin_clean_pending_list('\"IX_registry_entries_{column}_trgm\"'::regclass);");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var column in Columns)
                migrationBuilder.Sql($"ALTER INDEX \"IX_registry_entries_{column}_trgm\" RESET (fastupdate);");
        }
    }
}
