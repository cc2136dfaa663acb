using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Sqlite;
using JcStar.Workflow.Runtime.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Xunit;

namespace JcStar.Workflow.Runtime.Tests;

/// <summary>
/// SQLite changes a column by rebuilding the table, and EF Core runs part of a rebuild outside a transaction: a
/// migration killed there leaves the file half-migrated. A child process (KillHost's migrate mode) migrates a
/// database holding data from an early version and is SIGKILLed inside a table rebuild; without the guard the file
/// is left half-applied, with it the next start puts the file back and migrates it whole, keeping every row.
/// </summary>
public sealed class SqliteMigrationInterruptionTests
{
    /// <summary>The version before the first migration that rebuilds a table (StartEventTimers rebuilds timers).</summary>
    private const string Before = "20261125204003_CaseDocuments";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_migration_killed_inside_a_table_rebuild_without_the_guard_leaves_the_file_half_applied()
    {
        var file = await EarlyDatabaseAsync();
        await KillInsideRebuildAsync(file, guard: false, "PRAGMA foreign_keys = 0");

        await using var connection = Open(file);
        var applied = await StringsAsync(connection, "SELECT MigrationId FROM __EFMigrationsHistory");
        Assert.DoesNotContain(applied, m => m.EndsWith("_StartEventTimers", StringComparison.Ordinal));
        var leftovers = await StringsAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE 'ef_temp_%' OR name = '__EFMigrationsLock')");
        var locks = leftovers.Contains("__EFMigrationsLock") ? await StringsAsync(connection, "SELECT Id FROM __EFMigrationsLock") : [];
        Assert.True(leftovers.Any(t => t.StartsWith("ef_temp_", StringComparison.Ordinal)) || locks.Count > 0,
            "the kill left nothing half-done, so this test shows nothing: tables " + string.Join(", ", leftovers));
    }

    [Theory]
    [InlineData("PRAGMA foreign_keys = 0")]
    [InlineData("DROP TABLE \"timers\"")]
    [InlineData("RENAME TO \"timers\"")]
    [InlineData("PRAGMA foreign_keys = 1")]
    public async Task A_migration_killed_inside_a_table_rebuild_is_put_back_and_applied_whole_at_the_next_start(string killedBefore)
    {
        var file = await EarlyDatabaseAsync();
        await KillInsideRebuildAsync(file, guard: true, killedBefore);
        Assert.True(File.Exists(file + SqliteMigrationGuard.Suffix), "the guard kept no copy of the database before migrating");

        using (var again = KillHostProcess.Start("migrate", "--db", ConnectionString(file), "--guard", "true"))
            await again.WaitForLineAsync("migrated", Ct);

        Assert.False(File.Exists(file + SqliteMigrationGuard.Suffix));
        await using var connection = Open(file);
        var applied = await StringsAsync(connection, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId");
        await using (var db = new WorkflowDbContext(Options(file)))
            Assert.Equal(db.Database.GetMigrations().Order(StringComparer.Ordinal), applied);
        Assert.Empty(await StringsAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'ef_temp_%'"));
        Assert.Equal(["ok"], await StringsAsync(connection, "PRAGMA integrity_check"));
        Assert.Empty(await StringsAsync(connection, "PRAGMA foreign_key_check"));
        Assert.Equal(["T-1", "T-2", "T-3"], await StringsAsync(connection, "SELECT Id FROM timers ORDER BY Id"));
        Assert.Equal(["I-1", "I-2", "I-3"], await StringsAsync(connection, "SELECT InstanceId FROM timers ORDER BY Id"));
    }

    /// <summary>A database at <see cref="Before"/> with three timers in the table the next migration rebuilds.</summary>
    private static async Task<string> EarlyDatabaseAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "jcstar-migration-kill", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "workflow.db");
        await using (var db = new WorkflowDbContext(Options(file)))
            await db.GetService<IMigrator>().MigrateAsync(Before, Ct);
        await using (var connection = Open(file))
        {
            for (var i = 1; i <= 3; i++)
            {
                await using var insert = connection.CreateCommand();
                insert.CommandText = $"INSERT INTO timers (Id, EngineTimerId, InstanceId, ElementId, DueAt, Status, CreatedAt) VALUES ('T-{i}', 'E-{i}', 'I-{i}', 'Wait', {i}, 0, {i})";
                await insert.ExecuteNonQueryAsync(Ct);
            }
        }
        SqliteConnection.ClearAllPools();
        return file;
    }

    private static async Task KillInsideRebuildAsync(string file, bool guard, string killedBefore)
    {
        using var child = KillHostProcess.Start("migrate", "--db", ConnectionString(file), "--guard", guard ? "true" : "false", "--pause-at", killedBefore);
        await child.WaitForLineAsync("paused", Ct);
        await child.KillAsync();
    }

    private static string ConnectionString(string file) => $"Data Source={file};Pooling=False";

    private static DbContextOptions<WorkflowDbContext> Options(string file)
    {
        var options = new DbContextOptionsBuilder<WorkflowDbContext>();
        SqliteWorkflowDatabase.Configure(options, ConnectionString(file));
        return options.Options;
    }

    private static SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection(ConnectionString(file));
        connection.Open();
        return connection;
    }

    private static async Task<List<string>> StringsAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }
}
