using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace JcStar.Workflow.Persistence.PostgreSql;

/// <summary>For `dotnet ef migrations add … --project src/JcStar.Workflow.Persistence.PostgreSql`; needs no server.</summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<WorkflowDbContext>
{
    public WorkflowDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<WorkflowDbContext>();
        PostgreSqlWorkflowDatabase.Configure(options, "Host=localhost;Database=design_time");
        return new WorkflowDbContext(options.Options);
    }
}
