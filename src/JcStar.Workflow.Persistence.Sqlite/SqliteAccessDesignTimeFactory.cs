using JcStar.Workflow.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace JcStar.Workflow.Persistence.Sqlite;

/// <summary>For `dotnet ef migrations add … --context AccessDbContext --project src/JcStar.Workflow.Persistence.Sqlite`; never used at run time.</summary>
public sealed class SqliteAccessDesignTimeFactory : IDesignTimeDbContextFactory<AccessDbContext>
{
    public AccessDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AccessDbContext>();
        SqliteAccessDatabase.Configure(options, "Data Source=design-time.db");
        return new AccessDbContext(options.Options);
    }
}
