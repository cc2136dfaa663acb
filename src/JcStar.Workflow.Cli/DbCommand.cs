using System.CommandLine;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.PostgreSql;
using JcStar.Workflow.Persistence.Sqlite;
using JcStar.Workflow.Persistence.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace JcStar.Workflow.Cli;

/// <summary>
/// <c>jcstar db migrate --provider PostgreSql --connection "…"</c> applies pending migrations;
/// <c>jcstar db script --provider SqlServer</c> prints the idempotent SQL for a DBA to run instead.
/// Without --connection the "Database" settings come from JCSTAR_DATABASE__PROVIDER / __CONNECTIONSTRING
/// (the same keys as appsettings.json), and SQLite defaults to ./data/workflow.db.
/// </summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var provider = new Option<DatabaseProvider?>("--provider") { Description = "Sqlite, PostgreSql or SqlServer" };
        var connection = new Option<string?>("--connection") { Description = "connection string (SQLite: Data Source=FILE)" };

        var migrate = new Command("migrate", "apply pending migrations to the workflow database");
        migrate.Options.Add(provider);
        migrate.Options.Add(connection);
        migrate.SetAction(async (parse, ct) =>
        {
            await using var db = Open(parse.GetValue(provider), parse.GetValue(connection));
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            await db.Database.MigrateAsync(ct);
            parse.InvocationConfiguration.Output.WriteLine(pending.Count == 0 ? "up to date" : $"applied {string.Join(", ", pending)}");
            return 0;
        });

        var script = new Command("script", "print the idempotent migration SQL (no database needed)");
        script.Options.Add(provider);
        script.SetAction(parse =>
        {
            using var db = Open(parse.GetValue(provider), "Data Source=unused");
            parse.InvocationConfiguration.Output.WriteLine(db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent));
            return 0;
        });

        var command = new Command("db", "create, upgrade, back up or restore the workflow database");
        command.Subcommands.Add(migrate);
        command.Subcommands.Add(script);
        command.Subcommands.Add(Backups.BackupCommand.Create());
        command.Subcommands.Add(Backups.RestoreCommand.Create());
        return command;
    }

    private static WorkflowDbContext Open(DatabaseProvider? provider, string? connection)
    {
        var kind = provider
            ?? (Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("JCSTAR_DATABASE__PROVIDER"), true, out var p) ? p : DatabaseProvider.Sqlite);
        var connectionString = connection ?? Environment.GetEnvironmentVariable("JCSTAR_DATABASE__CONNECTIONSTRING");
        var options = new DbContextOptionsBuilder<WorkflowDbContext>();
        switch (kind)
        {
            case DatabaseProvider.PostgreSql:
                PostgreSqlWorkflowDatabase.Configure(options, Require(connectionString, kind));
                break;
            case DatabaseProvider.SqlServer:
                SqlServerWorkflowDatabase.Configure(options, connectionString ?? "Server=unused;TrustServerCertificate=True");
                break;
            default:
                Directory.CreateDirectory("data");
                SqliteWorkflowDatabase.Configure(options, connectionString ?? SqliteWorkflowDatabase.ConnectionStringFor(Path.GetFullPath("data/workflow.db")));
                break;
        }
        return new WorkflowDbContext(options.Options);
    }

    private static string Require(string? connection, DatabaseProvider provider) =>
        connection ?? throw new InvalidOperationException($"--connection is required for {provider}");
}
