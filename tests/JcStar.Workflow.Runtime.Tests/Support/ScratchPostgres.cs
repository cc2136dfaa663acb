using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace JcStar.Workflow.Runtime.Tests.Support;

/// <summary>
/// A PostgreSQL database of its own, migrated, for tests whose child processes share it: named
/// <c>{prefix}_{random}</c> so no other suite, and no other run of this one, ever touches it; dropped
/// (with whatever the children left, Hangfire's schema included) when disposed. Skips, or fails under
/// JCSTAR_REQUIRE_ALL, when JCSTAR_TEST_POSTGRES is unset.
/// </summary>
public sealed class ScratchPostgres : IAsyncDisposable
{
    private ScratchPostgres(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<ScratchPostgres> CreateAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)];
        var database = new ScratchPostgres(name, TestDatabase.PostgresConnectionString(name));
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public void Configure(DbContextOptionsBuilder options) => PostgreSqlWorkflowDatabase.Configure(options, ConnectionString);

    public WorkflowDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<WorkflowDbContext>();
        Configure(options);
        return new WorkflowDbContext(options.Options);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        var admin = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("JCSTAR_TEST_POSTGRES")) { Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        // FORCE: a child process killed mid-run may still hold a connection the server has not noticed closing.
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        // DROP DATABASE checkpoints: on a loaded machine that outlasts Npgsql's default 30 s command timeout.
        drop.CommandTimeout = 300;
        await drop.ExecuteNonQueryAsync();
    }
}
