using Npgsql;

namespace JcStar.Workflow.Testing;

/// <summary>
/// A fresh PostgreSQL database beside the one JCSTAR_TEST_POSTGRES names (same server and user), dropped
/// afterwards; named after that database, or after JCSTAR_TEST_POSTGRES_SCRATCH_PREFIX when set.
/// </summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string _admin;

    private ScratchDatabase(string admin, string connectionString, string name)
    {
        _admin = admin;
        ConnectionString = connectionString;
        Name = name;
    }

    public string ConnectionString { get; }

    public string Name { get; }

    /// <summary>The server JCSTAR_TEST_POSTGRES names, and (for backups) its client tools; skips or fails as <see cref="RequiredComponent"/> says.</summary>
    public static string RequireServer(bool withClientTools = true)
    {
        var configured = Environment.GetEnvironmentVariable("JCSTAR_TEST_POSTGRES");
        RequiredComponent.SkipOrFailWhenAbsent(!string.IsNullOrEmpty(configured), "PostgreSQL", "set JCSTAR_TEST_POSTGRES to a connection string");
        if (withClientTools)
            RequiredComponent.SkipOrFailWhenAbsent(RequiredComponent.IsOnPath("pg_dump") && RequiredComponent.IsOnPath("pg_restore"), "pg_dump and pg_restore", "install the PostgreSQL client tools");
        return configured!;
    }

    /// <summary>The server JCSTAR_TEST_POSTGRES names, or null when unset (the caller skips or fails).</summary>
    public static string? Configured => Environment.GetEnvironmentVariable("JCSTAR_TEST_POSTGRES") is { Length: > 0 } c ? c : null;

    public static async Task<ScratchDatabase> CreateAsync(string server, string suffix)
    {
        var builder = new NpgsqlConnectionStringBuilder(server);
        var prefix = Environment.GetEnvironmentVariable("JCSTAR_TEST_POSTGRES_SCRATCH_PREFIX") is { Length: > 0 } p ? p : builder.Database;
        var name = $"{prefix}_{suffix}".ToLowerInvariant();
        var admin = builder.ConnectionString;
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        builder.Database = name;
        return new ScratchDatabase(admin, builder.ConnectionString, name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
