using JcStar.Workflow.Identity;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.PostgreSql;

/// <summary>The user register on the same database and connection settings as the workflow tables, with its own migration history.</summary>
public static class PostgreSqlAccessDatabase
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString)
    {
        PostgreSqlWorkflowDatabase.Configure(options, connectionString);
        // The same connection settings as the workflow tables (the second UseNpgsql replaces the first one's connection string).
        return options.UseNpgsql(PostgreSqlWorkflowDatabase.ConnectionString(connectionString), o => o.MigrationsHistoryTable(AccessDbContext.HistoryTable));
    }
}
