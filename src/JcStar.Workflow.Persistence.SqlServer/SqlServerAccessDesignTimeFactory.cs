using JcStar.Workflow.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace JcStar.Workflow.Persistence.SqlServer;

/// <summary>For `dotnet ef migrations add … --context AccessDbContext --project src/JcStar.Workflow.Persistence.SqlServer`; never used at run time.</summary>
public sealed class SqlServerAccessDesignTimeFactory : IDesignTimeDbContextFactory<AccessDbContext>
{
    public AccessDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AccessDbContext>();
        SqlServerAccessDatabase.Configure(options, "Server=localhost;Database=design_time;Trusted_Connection=True;TrustServerCertificate=True");
        return new AccessDbContext(options.Options);
    }
}
