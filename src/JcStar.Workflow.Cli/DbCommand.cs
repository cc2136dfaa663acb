using System.CommandLine;
using JcStar.Workflow.Cli.Access;
using JcStar.Workflow.Identity;
using JcStar.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;

namespace JcStar.Workflow.Cli;

/// <summary>
/// <c>jcstar db migrate --provider PostgreSql --connection "…"</c> applies pending migrations of the workflow tables
/// and of the user register; <c>jcstar db script --provider SqlServer</c> prints both as idempotent SQL for a DBA
/// to run instead. Without the options the "Database" settings apply (appsettings.json, <c>Database__Provider</c> /
/// <c>JCSTAR_DATABASE__PROVIDER</c> and <c>__CONNECTIONSTRING</c>), and SQLite defaults to ./data/workflow.db.
/// </summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var database = new DatabaseSelection();

        var migrate = database.AddTo(new Command("migrate", "apply pending migrations to the workflow database (workflow tables and user register)"));
        migrate.SetAction(async (parse, ct) =>
        {
            var configuration = CliConfiguration.Load();
            CliDatabase resolved;
            try
            {
                resolved = CliDatabase.Resolve(configuration, parse.GetValue(database.Provider), parse.GetValue(database.Connection));
            }
            catch (CliUsageException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"jcstar db migrate: {e.Message}");
                return RegisterCommandAction.BadUsage;
            }
            await using var session = await RegisterSession.OpenAsync(configuration, resolved with { MigrateAtStart = false }, ct);
            var applied = await session.MigrateAsync(ct);
            parse.InvocationConfiguration.Output.WriteLine(applied.Count == 0 ? "up to date" : $"applied {string.Join(", ", applied)}");
            return 0;
        });

        var script = new Command("script", "print the idempotent migration SQL of the workflow tables and the user register (no database needed)");
        script.Options.Add(database.Provider);
        script.SetAction(parse =>
        {
            var provider = parse.GetValue(database.Provider)
                ?? CliConfiguration.Load().GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider
                ?? DatabaseProvider.Sqlite;
            if (provider == DatabaseProvider.Sqlite)
            {
                // EF Core cannot make SQLite scripts idempotent; SQLite is migrated by the server and every jcstar command instead.
                parse.InvocationConfiguration.Error.WriteLine("jcstar db script: --provider: SQLite has no idempotent script; it is migrated at start or by jcstar db migrate (scripts are for PostgreSql and SqlServer)");
                return RegisterCommandAction.BadUsage;
            }
            // Generating a script opens no connection: any well-formed connection string will do.
            var unused = new CliDatabase(provider, "Server=unused;Database=unused", MigrateAtStart: false);
            var workflow = new DbContextOptionsBuilder<WorkflowDbContext>();
            unused.ConfigureWorkflow(workflow);
            var access = new DbContextOptionsBuilder<AccessDbContext>();
            unused.ConfigureAccess(access);
            using (var db = new WorkflowDbContext(workflow.Options))
                parse.InvocationConfiguration.Output.WriteLine(db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent));
            using (var db = new AccessDbContext(access.Options))
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
}
