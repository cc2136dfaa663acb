using JcStar.Workflow.Persistence.Databases;
using JcStar.Workflow.Persistence.Providers;
using JcStar.Workflow.Scheme.Persistence;
using JcStar.Workflow.Scheme.Persistence.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Persistence.Sqlite;

/// <summary>SQLite, the embedded default: one file, WAL so readers never wait for the writer.</summary>
public static class SqliteWorkflowDatabase
{
    public static string ConnectionStringFor(string file) => $"Data Source={file};Pooling=True";

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString, SqliteSynchronous synchronous = SqliteSynchronous.Normal) =>
        options
            .UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(SqliteWorkflowDatabase).Assembly.GetName().Name))
            .UseWorkflowDialect(SqliteDialect.Instance)
            .AddWorkflowModel(SchemeModel.Instance)
            .AddInterceptors(SqlitePragmas.For(synchronous))
            // EF warns that a table rebuild's PRAGMA runs outside a transaction and may leave a half-applied migration:
            // the server and the CLI migrate through SqliteMigrationGuard, which puts the file back when that happens.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning))
            .UseWorkflowProviderServices();

    private static DbContextOptionsBuilder UseWorkflowProviderServices(this DbContextOptionsBuilder options) =>
        WorkflowProviderServices.Add(options, "Sqlite", services => services.AddSingleton<IRegistryTextIndex, SqliteRegistryTextIndex>());
}
