using JcStar.Workflow.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace JcStar.Workflow.Persistence.PostgreSql;

/// <summary>For `dotnet ef migrations add … --context AccessDbContext --project src/JcStar.Workflow.Persistence.PostgreSql`; never used at run time.</summary>
public sealed class PostgreSqlAccessDesignTimeFactory : IDesignTimeDbContextFactory<AccessDbContext>
{
    public AccessDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AccessDbContext>();
        PostgreSqlAccessDatabase.Configure(options, "Host=localhost;Database=design_time");
        return new AccessDbContext(options.Options);
    }
}
