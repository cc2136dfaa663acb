using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.Sqlite;

/// <summary>SQLite, the embedded default: one file, WAL so readers never wait for the writer.</summary>
public static class SqliteWorkflowDatabase
{
    public static string ConnectionStringFor(string file) => $"Data Source={file};Pooling=True";

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString, SqliteSynchronous synchronous = SqliteSynchronous.Normal) =>
        options
            .UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(SqliteWorkflowDatabase).Assembly.GetName().Name))
            .AddInterceptors(SqlitePragmas.For(synchronous));
}
