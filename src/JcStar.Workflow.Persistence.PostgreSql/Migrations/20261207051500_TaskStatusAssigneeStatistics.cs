using JcStar.Workflow.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JcStar.Workflow.Persistence.PostgreSql.Migrations
{
    /// <summary>
    /// Open tasks are the unassigned ones and completed tasks the assigned ones, so "Status = open AND Assignee IS NULL"
    /// holds for far more rows than the two columns' separate statistics suggest (9,317 estimated, 100,001 found in
    /// tests/bench/web.sh). With that estimate PostgreSQL hashed every open task to count a group's inbox (0.8 s)
    /// instead of walking the group's candidate index and stopping at the count's limit (40 ms). Multivariate MCV
    /// statistics on the pair give it the real figure. PostgreSQL's own feature: the model knows nothing of it, so
    /// this migration changes no model and the other providers have none.
    /// </summary>
    [DbContext(typeof(WorkflowDbContext))]
    [Migration("20261207051500_TaskStatusAssigneeStatistics")]
    public partial class TaskStatusAssigneeStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE STATISTICS IF NOT EXISTS \"ST_tasks_Status_Assignee\" (mcv) ON \"Status\", \"Assignee\" FROM tasks;");
            migrationBuilder.Sql("ANALYZE tasks;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP STATISTICS IF EXISTS \"ST_tasks_Status_Assignee\";");
        }
    }
}
