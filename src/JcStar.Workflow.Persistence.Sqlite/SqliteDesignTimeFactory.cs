using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace JcStar.Workflow.Persistence.Sqlite;

/// <summary>For `dotnet ef migrations add … --project src/JcStar.Workflow.Persistence.Sqlite`; never used at run time.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<WorkflowDbContext>
{
    public WorkflowDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<WorkflowDbContext>();
        SqliteWorkflowDatabase.Configure(options, "Data Source=design-time.db");
        return new WorkflowDbContext(options.Options);
    }
}
