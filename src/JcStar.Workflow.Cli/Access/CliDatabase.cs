using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.PostgreSql;
using JcStar.Workflow.Persistence.Sqlite;
using JcStar.Workflow.Persistence.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace JcStar.Workflow.Cli.Access;

/// <summary>
/// The workflow database the CLI works on, resolved as the server resolves it: <c>--provider</c> and
/// <c>--connection</c> win over the "Database" settings, and with neither, SQLite at <c>workflow.db</c> under the
/// "Data:Root" folder (<c>./data</c> of the repository root by default). SQLite is migrated before use, as at
/// the server's start; the other providers only when <c>Database:MigrateAtStart</c> says so.
/// </summary>
public sealed record CliDatabase(DatabaseProvider Provider, string ConnectionString, bool MigrateAtStart)
{
    public static CliDatabase Resolve(IConfiguration configuration, DatabaseProvider? provider, string? connection)
    {
        var settings = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var kind = provider ?? settings.Provider;
        // A connection string from the settings belongs to the configured provider, not to one named on the command line.
        var connectionString = !string.IsNullOrWhiteSpace(connection) ? connection
            : provider is null || provider == settings.Provider ? settings.ConnectionString
            : null;
        if (kind == DatabaseProvider.Sqlite)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                var root = DataRoot(configuration.GetValue<string>("Data:Root") ?? "./data");
                Directory.CreateDirectory(root);
                connectionString = SqliteWorkflowDatabase.ConnectionStringFor(Path.Combine(root, "workflow.db"));
            }
            return new CliDatabase(kind, connectionString, MigrateAtStart: true);
        }
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new CliUsageException($"--connection (or Database:ConnectionString) is required for {kind}");
        return new CliDatabase(kind, connectionString, settings.MigrateAtStart);
    }

    public void ConfigureWorkflow(DbContextOptionsBuilder options)
    {
        switch (Provider)
        {
            case DatabaseProvider.PostgreSql:
                PostgreSqlWorkflowDatabase.Configure(options, ConnectionString);
                break;
            case DatabaseProvider.SqlServer:
                SqlServerWorkflowDatabase.Configure(options, ConnectionString);
                break;
            default:
                SqliteWorkflowDatabase.Configure(options, ConnectionString);
                break;
        }
    }

    public void ConfigureAccess(DbContextOptionsBuilder options)
    {
        switch (Provider)
        {
            case DatabaseProvider.PostgreSql:
                PostgreSqlAccessDatabase.Configure(options, ConnectionString);
                break;
            case DatabaseProvider.SqlServer:
                SqlServerAccessDatabase.Configure(options, ConnectionString);
                break;
            default:
                SqliteAccessDatabase.Configure(options, ConnectionString);
                break;
        }
    }

    /// <summary>
    /// A relative data root resolves against the repository root when the CLI runs inside a checkout (as the
    /// server's does), so <c>jcstar</c> run from any folder of the clone finds the server's database.
    /// </summary>
    internal static string DataRoot(string root)
    {
        if (Path.IsPathRooted(root))
            return root;
        var current = Directory.GetCurrentDirectory();
        if (!Directory.Exists(Path.Combine(current, "workflows")))
        {
            for (var dir = Directory.GetParent(current); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "JcStar.Workflow.sln")) && Directory.Exists(Path.Combine(dir.FullName, "workflows")))
                    return Path.GetFullPath(Path.Combine(dir.FullName, root));
            }
        }
        return Path.GetFullPath(root);
    }
}
