using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace JcStar.Workflow.Persistence.SqlServer;

/// <summary>For `dotnet ef migrations add … --project src/JcStar.Workflow.Persistence.SqlServer`; needs no server.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<WorkflowDbContext>
{
    public WorkflowDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<WorkflowDbContext>();
        SqlServerWorkflowDatabase.Configure(options, "Server=localhost;Database=design_time;Trusted_Connection=True;TrustServerCertificate=True");
        return new WorkflowDbContext(options.Options);
    }
}
