using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.Stores;

/// <summary>
/// Long-lived SQLite connections that keep their prepared statements, for the hot path (read an
/// instance or a task, commit a step). Microsoft.Data.Sqlite compiles a command's SQL again for every
/// new command, and EF opens a pooled connection (registering its SQL functions) for every context:
/// together that was half of a step's time. A session is one open connection and its commands by SQL
/// text, used by one caller at a time. Other providers get no session and keep EF's path (Npgsql
/// prepares statements itself).
/// </summary>
public sealed class SqliteSessions(IDbContextFactory<WorkflowDbContext> factory) : IAsyncDisposable
{
    /// <summary>Idle sessions kept; more are closed when returned.</summary>
    private const int MaxIdle = 8;

    private readonly ConcurrentBag<Session> _idle = [];
    private volatile bool _notSqlite;
    private volatile bool _disposed;

    /// <summary>A session, or null when the database is not SQLite. Return it with <see cref="Session.Return"/>; dispose it instead after a failure.</summary>
    internal async ValueTask<Session?> RentAsync(CancellationToken ct)
    {
        if (_notSqlite || _disposed)
            return null;
        if (_idle.TryTake(out var idle))
            return idle;
        var db = await factory.CreateDbContextAsync(ct);
        if (db.Database.ProviderName != ProviderNames.Sqlite)
        {
            _notSqlite = true;
            await db.DisposeAsync();
            return null;
        }
        try
        {
            // Opened through EF so the connection interceptor sets the pragmas (WAL, busy timeout).
            await db.Database.OpenConnectionAsync(ct);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
        return new Session(this, db);
    }

    /// <summary>
    /// Runs a SELECT of <typeparamref name="TRow"/> rows on a session: null when the database is not
    /// SQLite (the caller reads with EF). <paramref name="statement"/> gives the SQL and its values.
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
        while (_idle.TryTake(out var session))
            await session.DisposeAsync();
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
