using JcStar.Workflow.Identity;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.Sqlite;

/// <summary>The user register on the same database and connection settings as the workflow tables, with its own migration history.</summary>
public static class SqliteAccessDatabase
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString)
    {
        SqliteWorkflowDatabase.Configure(options, connectionString);
        return options.UseSqlite(connectionString, o => o.MigrationsHistoryTable(AccessDbContext.HistoryTable));
    }
}
