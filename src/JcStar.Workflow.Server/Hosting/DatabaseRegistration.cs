using JcStar.Workflow.Identity;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Hosting;
using JcStar.Workflow.Persistence.PostgreSql;
using JcStar.Workflow.Persistence.SqlServer;
using JcStar.Workflow.Persistence.Sqlite;
using JcStar.Workflow.Scheme.Persistence.Hosting;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Server.Hosting;

public static class DatabaseRegistration
{
    /// <summary>EF Core stores on the configured provider; the schema is migrated before anything else starts (always for SQLite).</summary>
    public static WebApplicationBuilder AddWorkflowDatabase(this WebApplicationBuilder builder)
    {
        var database = Resolve(builder.Configuration);
        builder.Services.AddSingleton(database);
        builder.Services.AddWorkflowEfStores(options => Configure(options, database)).AddSchemeEfStores();
        builder.Services.AddHostedService<SqliteSingleNode>();
        builder.Services.AddWorkflowDatabaseMigration(database.MigrateAtStart, new MigratedContext("user register", typeof(AccessDbContext)));
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    public static ResolvedDatabase Resolve(IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var data = configuration.GetSection(DataOptions.Section).Get<DataOptions>() ?? new DataOptions();
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(data.FullRoot);
            var connection = string.IsNullOrWhiteSpace(options.ConnectionString)
                ? SqliteWorkflowDatabase.ConnectionStringFor(Path.Combine(data.FullRoot, "workflow.db"))
                : options.ConnectionString;
            var sqlite = configuration.GetSection(SqliteOptions.Section).Get<SqliteOptions>() ?? new SqliteOptions();
            return new ResolvedDatabase(DatabaseProvider.Sqlite, connection, MigrateAtStart: true, sqlite.Synchronous);
        }
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            throw new InvalidOperationException($"Database:ConnectionString is required for {options.Provider}");
        return new ResolvedDatabase(options.Provider, options.ConnectionString, options.MigrateAtStart);
    }

    public static void Configure(DbContextOptionsBuilder options, ResolvedDatabase database)
    {
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                SqliteWorkflowDatabase.Configure(options, database.ConnectionString, database.SqliteSynchronous);
                break;
            case DatabaseProvider.PostgreSql:
                PostgreSqlWorkflowDatabase.Configure(options, database.ConnectionString);
                break;
            case DatabaseProvider.SqlServer:
                SqlServerWorkflowDatabase.Configure(options, database.ConnectionString);
                break;
        }
    }
}
