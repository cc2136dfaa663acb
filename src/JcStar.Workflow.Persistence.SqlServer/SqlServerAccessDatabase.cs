using JcStar.Workflow.Identity;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.SqlServer;

/// <summary>The user register on the same database and connection settings as the workflow tables, with its own migration history.</summary>
public static class SqlServerAccessDatabase
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString)
    {
        SqlServerWorkflowDatabase.Configure(options, connectionString);
        return options.UseSqlServer(connectionString, o => o.MigrationsHistoryTable(AccessDbContext.HistoryTable));
    }
}
