using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.PostgreSql;
using JcStar.Workflow.Persistence.Sqlite;
using JcStar.Workflow.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Respawn;
using Respawn.Graph;

namespace JcStar.Workflow.Runtime.Tests.Support;

/// <summary>
/// A clean, migrated database per test: a new SQLite file, or the PostgreSQL test database emptied
/// with Respawn. PostgreSQL tests use their own database, named after JCSTAR_TEST_POSTGRES's with
/// "_runtime" appended (<see cref="RuntimeDatabaseName"/>), so the server's tests, running in another
/// process, never reset ours, and two runs given different databases (CI and a developer) never meet.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string InMemory = "InMemory";
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";

    private static readonly SemaphoreSlim PostgresGate = new(1, 1);
    private static Respawner? _respawner;
    private readonly string? _sqliteFile;

    private TestDatabase(string provider, string connectionString, string? sqliteFile)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public void Configure(DbContextOptionsBuilder options)
    {
        if (Provider == Sqlite)
            SqliteWorkflowDatabase.Configure(options, ConnectionString);
        else
            PostgreSqlWorkflowDatabase.Configure(options, ConnectionString);
    }

    public WorkflowDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<WorkflowDbContext>();
        Configure(options);
        return new WorkflowDbContext(options.Options);
    }

    /// <summary>
    /// The database these tests reset: JCSTAR_TEST_POSTGRES's database name (its user's name when it
    /// names none, as PostgreSQL defaults) with "_runtime" appended, e.g. jcstar_test_runtime.
    /// </summary>
    public static string RuntimeDatabaseName()
    {
        var baseConnection = Environment.GetEnvironmentVariable("JCSTAR_TEST_POSTGRES");
        RequiredComponent.SkipOrFailWhenAbsent(!string.IsNullOrWhiteSpace(baseConnection), "PostgreSQL", "set JCSTAR_TEST_POSTGRES");
        var builder = new NpgsqlConnectionStringBuilder(baseConnection);
        var baseName = string.IsNullOrWhiteSpace(builder.Database) ? builder.Username : builder.Database;
        if (string.IsNullOrWhiteSpace(baseName))
            throw new InvalidOperationException("JCSTAR_TEST_POSTGRES names neither a Database nor a Username, so the runtime tests cannot name their database after it.");
        return baseName + "_runtime";
    }

    /// <summary>The PostgreSQL connection string for <paramref name="database"/>, or null (after skipping) when JCSTAR_TEST_POSTGRES is unset.</summary>
    public static string PostgresConnectionString(string database)
    {
        var baseConnection = Environment.GetEnvironmentVariable("JCSTAR_TEST_POSTGRES");
        RequiredComponent.SkipOrFailWhenAbsent(!string.IsNullOrWhiteSpace(baseConnection), "PostgreSQL", "set JCSTAR_TEST_POSTGRES");
        var builder = new NpgsqlConnectionStringBuilder(baseConnection);
        var admin = builder.ConnectionString;
        builder.Database = database;
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", connection);
            exists.Parameters.AddWithValue("n", database);
            if (exists.ExecuteScalar() is null)
            {
                try
                {
                    using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
                    create.ExecuteNonQuery();
                }
                catch (PostgresException e) when (e.SqlState == "42P04")
                {
                    // Another test process created it first.
                }
            }
        }
        return builder.ConnectionString;
    }

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        if (provider == Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "jcstar-runtime-tests");
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"{Guid.NewGuid():N}.db");
            var database = new TestDatabase(Sqlite, SqliteWorkflowDatabase.ConnectionStringFor(file), file);
            await using var db = database.NewContext();
            await db.Database.MigrateAsync();
            return database;
        }

        var connectionString = PostgresConnectionString(RuntimeDatabaseName());
        var postgres = new TestDatabase(PostgreSql, connectionString, null);
        await PostgresGate.WaitAsync();
        try
        {
            await using (var db = postgres.NewContext())
                await db.Database.MigrateAsync();
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
            {
                DbAdapter = DbAdapter.Postgres,
                SchemasToInclude = ["public"],
                TablesToIgnore = [new Table("__EFMigrationsHistory")],
            });
            await _respawner.ResetAsync(connection);
        }
        finally
        {
            PostgresGate.Release();
        }
        return postgres;
    }

    public ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(_sqliteFile + suffix);
        }
        return ValueTask.CompletedTask;
    }
}
