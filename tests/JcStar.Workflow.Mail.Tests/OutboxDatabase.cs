using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Hosting;
using JcStar.Workflow.Persistence.PostgreSql;
using JcStar.Workflow.Persistence.Sqlite;
using JcStar.Workflow.Persistence.Stores;
using JcStar.Workflow.Runtime.Mail;
using JcStar.Workflow.Scheme.Persistence.Hosting;
using JcStar.Workflow.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace JcStar.Workflow.Mail.Tests;

/// <summary>
/// The production outbox (<see cref="EfOutbox"/>) on a real, migrated database: a new SQLite file per test, or
/// the PostgreSQL database jcstar_mailcrash (ours alone, so other suites never reset it) with its outbox emptied.
/// Each <see cref="StartProcess"/> is one process's view of it: its own services and connection pool, as the server registers them.
/// </summary>
public sealed class OutboxDatabase : IAsyncDisposable
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";
    private const string PostgresDatabase = "jcstar_mailcrash";

    private readonly string _provider;
    private readonly string _connectionString;
    private readonly string? _sqliteFile;

    private OutboxDatabase(string provider, string connectionString, string? sqliteFile)
    {
        _provider = provider;
        _connectionString = connectionString;
        _sqliteFile = sqliteFile;
    }

    public static TheoryData<string> Providers => new(Sqlite, PostgreSql);

    public static async Task<OutboxDatabase> CreateAsync(string provider)
    {
        OutboxDatabase database;
        if (provider == Sqlite)
        {
            var file = Path.Combine(Directory.CreateTempSubdirectory("jcstar-mail-outbox-").FullName, "workflow.db");
            database = new OutboxDatabase(Sqlite, SqliteWorkflowDatabase.ConnectionStringFor(file), file);
        }
        else
        {
            database = new OutboxDatabase(PostgreSql, await PostgresConnectionStringAsync(), null);
        }
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
        if (provider == PostgreSql)
            await db.MailOutbox.ExecuteDeleteAsync();
        return database;
    }

    /// <summary>A process that uses this database; disposing it is the process going away.</summary>
    public OutboxProcess StartProcess()
    {
        var services = new ServiceCollection();
        services.AddWorkflowEfStores(Configure).AddSchemeEfStores();
        return new OutboxProcess(services.BuildServiceProvider(), _provider == Sqlite);
    }

    public ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(_sqliteFile)!, recursive: true);
        }
        return ValueTask.CompletedTask;
    }

    private void Configure(DbContextOptionsBuilder options)
    {
        if (_provider == Sqlite)
            SqliteWorkflowDatabase.Configure(options, _connectionString);
        else
            PostgreSqlWorkflowDatabase.Configure(options, _connectionString);
    }

    private WorkflowDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<WorkflowDbContext>();
        Configure(options);
        return new WorkflowDbContext(options.Options);
    }

    private static async Task<string> PostgresConnectionStringAsync()
    {
        var baseConnection = Environment.GetEnvironmentVariable("JCSTAR_TEST_POSTGRES");
        RequiredComponent.SkipOrFailWhenAbsent(!string.IsNullOrWhiteSpace(baseConnection), "PostgreSQL", "set JCSTAR_TEST_POSTGRES (source .ci/postgres.sh)");
        var builder = new NpgsqlConnectionStringBuilder(baseConnection);
        await using (var admin = new NpgsqlConnection(builder.ConnectionString))
        {
            await admin.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", admin);
            exists.Parameters.AddWithValue("n", PostgresDatabase);
            if (await exists.ExecuteScalarAsync() is null)
            {
                try
                {
                    await using var create = new NpgsqlCommand($"CREATE DATABASE \"{PostgresDatabase}\"", admin);
                    await create.ExecuteNonQueryAsync();
                }
                catch (PostgresException e) when (e.SqlState == "42P04")
                {
                    // Another test run created it first.
                }
            }
        }
        builder.Database = PostgresDatabase;
        return builder.ConnectionString;
    }
}

/// <summary>One process's services on an <see cref="OutboxDatabase"/>; the outbox is the one the server would resolve.</summary>
public sealed class OutboxProcess(ServiceProvider services, bool sqlite) : IAsyncDisposable
{
    public IOutbox Outbox { get; } = services.GetRequiredService<IOutbox>();

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        // Pooled connections outlive the provider; a new process starts with none of them.
        if (sqlite)
            SqliteConnection.ClearAllPools();
        else
            NpgsqlConnection.ClearAllPools();
    }
}
