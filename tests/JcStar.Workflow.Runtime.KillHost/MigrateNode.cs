using System.Data.Common;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace JcStar.Workflow.Runtime.KillHost;

/// <summary>
/// The interrupted-migration test's child: migrates the SQLite workflow database at <c>--db</c> to the latest
/// version, through <see cref="SqliteMigrationGuard"/> when <c>--guard true</c>. With <c>--pause-at TEXT</c> it
/// prints "paused" and stops for good just before the first command containing TEXT (a statement of a table
/// rebuild), so the test can kill it there. Prints "migrated" when done.
/// </summary>
public static class MigrateNode
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var connection = args["db"];
        var pauseAt = args.Optional("pause-at");
        var options = new DbContextOptionsBuilder<WorkflowDbContext>();
        SqliteWorkflowDatabase.Configure(options, connection);
        if (pauseAt is not null)
            options.AddInterceptors(new PauseAtRebuild(pauseAt));
        async Task<bool> MigrateAsync(CancellationToken ct)
        {
            await using var db = new WorkflowDbContext(options.Options);
            await db.Database.MigrateAsync(ct);
            return true;
        }
        async Task<bool> AnyPendingAsync(CancellationToken ct)
        {
            await using var db = new WorkflowDbContext(options.Options);
            return (await db.Database.GetPendingMigrationsAsync(ct)).Any();
        }
        if (args["guard"] == "true")
            await SqliteMigrationGuard.RunAsync(connection, AnyPendingAsync, MigrateAsync, NullLogger.Instance, CancellationToken.None);
        else
            await MigrateAsync(CancellationToken.None);
        Console.WriteLine("migrated");
        return 0;
    }

    private sealed class PauseAtRebuild(string text) : DbCommandInterceptor
    {
        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Pause(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Pause(command);
            return ValueTask.FromResult(result);
        }

        private void Pause(DbCommand command)
        {
            if (!command.CommandText.Contains(text, StringComparison.OrdinalIgnoreCase))
                return;
            Console.WriteLine("paused");
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
