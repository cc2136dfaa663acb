using System.Collections.Concurrent;
using System.Data.Common;
using JcStar.Workflow.Persistence.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JcStar.Workflow.Persistence.Sqlite;

/// <summary>
/// Long-lived SQLite connections that keep their prepared statements, for the hot path (read an
/// instance or a task, commit a step). Microsoft.Data.Sqlite compiles a command's SQL again for every
/// new command, and EF opens a pooled connection (registering its SQL functions) for every context:
/// together that was half of a step's time. A session is one open connection and its commands by SQL
/// text, used by one caller at a time. Only SQLite's commit strategy rents them (Npgsql prepares
/// statements itself).
/// </summary>
/// <remarks>
/// While sessions are in use, a background checkpointer copies the write-ahead log into the database
/// file every <see cref="CheckpointInterval"/>. Otherwise the commit that crosses SQLite's
/// auto-checkpoint threshold does it, with its fsyncs, while every other writer waits: in the durable
/// benchmark that was a third of the time. Session connections raise their own threshold to
/// <see cref="AutoCheckpointPages"/>, a backstop should the checkpointer fall behind.
/// </remarks>
internal sealed class SqliteSessions(IDbContextFactory<WorkflowDbContext> factory, ILogger<SqliteSessions>? logger = null) : IAsyncDisposable
{
    /// <summary>Idle sessions kept; more are closed when returned.</summary>
    private const int MaxIdle = 8;

    /// <summary>How often the checkpointer runs while sessions are in use.</summary>
    public static readonly TimeSpan CheckpointInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>The checkpointer stops after this long without a session rented, and starts again with the next.</summary>
    private static readonly TimeSpan CheckpointerIdleStop = TimeSpan.FromSeconds(30);

    /// <summary>Session connections checkpoint by themselves only past this many log pages (SQLite's default is 1,000).</summary>
    public const int AutoCheckpointPages = 8000;

    private readonly ConcurrentBag<Session> _idle = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;
    private readonly object _checkpointerLock = new();
    private Task? _checkpointer;
    private long _lastRentTicks;
    private volatile bool _disposed;

    /// <summary>A session, or null once disposed. Return it with <see cref="Session.Return"/>; dispose it instead after a failure.</summary>
    internal async ValueTask<Session?> RentAsync(CancellationToken ct)
    {
        if (_disposed)
            return null;
        Volatile.Write(ref _lastRentTicks, Environment.TickCount64);
        if (_idle.TryTake(out var idle))
        {
            // The checkpointer stops when sessions sit idle; the next use of one starts it again.
            if (Volatile.Read(ref _checkpointer) is not { IsCompleted: false })
                EnsureCheckpointer();
            return idle;
        }
        var db = await factory.CreateDbContextAsync(ct);
        try
        {
            // Opened through EF so the connection interceptor sets the pragmas (WAL, busy timeout).
            await db.Database.OpenConnectionAsync(ct);
            await using var pragma = db.Database.GetDbConnection().CreateCommand();
            pragma.CommandText = $"PRAGMA wal_autocheckpoint={AutoCheckpointPages}";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
        EnsureCheckpointer();
        return new Session(this, db);
    }

    private void EnsureCheckpointer()
    {
        lock (_checkpointerLock)
        {
            if (_checkpointer is { IsCompleted: false } || _disposed)
                return;
            _checkpointer = Task.Run(() => CheckpointLoopAsync(_stopping.Token));
        }
    }

    /// <summary>PASSIVE checkpoints: they copy what no reader still needs and never wait for a reader or the writer.</summary>
    private async Task CheckpointLoopAsync(CancellationToken ct)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            await db.Database.OpenConnectionAsync(ct);
            await using var checkpoint = db.Database.GetDbConnection().CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(CheckpointInterval, ct);
                try
                {
                    await checkpoint.ExecuteNonQueryAsync(ct);
                }
                catch (DbException e)
                {
                    _logger.LogWarning(e, "SQLite checkpoint failed; the next one or a commit past the threshold copies the log");
                }
                if (Environment.TickCount64 - Volatile.Read(ref _lastRentTicks) > CheckpointerIdleStop.TotalMilliseconds)
                {
                    lock (_checkpointerLock)
                    {
                        // A rent after this re-checks and starts a new loop once this one has completed.
                        if (Environment.TickCount64 - Volatile.Read(ref _lastRentTicks) > CheckpointerIdleStop.TotalMilliseconds)
                            return;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "the SQLite checkpointer stopped; commits past the threshold copy the log themselves");
        }
    }

    /// <summary>
    /// Runs a SELECT of <typeparamref name="TRow"/> rows on a session: null once disposed (the caller
    /// reads with EF). <paramref name="statement"/> gives the SQL and its values.
    /// </summary>
    internal async ValueTask<List<TRow>?> ReadAsync<TRow>(
        string[] properties,
        Func<SqlRowReader<TRow>, (string Sql, SqlRowBatch.BoundValue[] Values)> statement,
        CancellationToken ct)
        where TRow : class, new()
    {
        var session = await RentAsync(ct);
        if (session is null)
            return null;
        try
        {
            var reader = SqlRowReader<TRow>.For(session.Db, properties);
            var (sql, values) = statement(reader);
            var command = session.Command(sql);
            foreach (var value in values)
                value.AddTo(command, value.Name);
            var rows = new List<TRow>();
            // Microsoft.Data.Sqlite runs its async methods synchronously; the plain calls skip the wrapping.
            using (var result = command.ExecuteReader())
            {
                while (result.Read())
                    rows.Add(reader.Read(result));
            }
            session.Return();
            return rows;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await _stopping.CancelAsync();
        Task? checkpointer;
        lock (_checkpointerLock)
            checkpointer = _checkpointer;
        if (checkpointer is not null)
            await checkpointer;
        while (_idle.TryTake(out var session))
            await session.DisposeAsync();
        _stopping.Dispose();
    }

    private void Return(Session session)
    {
        if (_disposed || _idle.Count >= MaxIdle)
            _ = session.DisposeAsync().AsTask();
        else
            _idle.Add(session);
    }

    /// <summary>One open connection and the statements prepared on it.</summary>
    internal sealed class Session(SqliteSessions owner, WorkflowDbContext db) : IAsyncDisposable
    {
        /// <summary>Statements kept per connection; SQLite's prepared statements hold memory, so the set stays small.</summary>
        private const int MaxStatements = 64;

        private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

        public WorkflowDbContext Db => db;

        public DbConnection Connection => db.Database.GetDbConnection();

        /// <summary>The command for <paramref name="sql"/>, prepared on first use and kept, with no parameters and no transaction.</summary>
        public DbCommand Command(string sql, DbTransaction? transaction = null)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                if (_commands.Count >= MaxStatements)
                    DisposeCommands();
                command = Connection.CreateCommand();
                command.CommandText = sql;
                _commands[sql] = command;
            }
            command.Parameters.Clear();
            command.Transaction = transaction;
            return command;
        }

        /// <summary>Back to the pool, for a session whose last use ended cleanly.</summary>
        public void Return() => owner.Return(this);

        public async ValueTask DisposeAsync()
        {
            DisposeCommands();
            await db.Database.CloseConnectionAsync();
            await db.DisposeAsync();
        }

        private void DisposeCommands()
        {
            foreach (var command in _commands.Values)
                command.Dispose();
            _commands.Clear();
        }
    }
}
