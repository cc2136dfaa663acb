using System.Collections.Concurrent;
using System.Data.Common;
using JcStar.Workflow.Persistence.Databases;
using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Persistence.Stores;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace JcStar.Workflow.Persistence.Sqlite;

/// <summary>
/// SQLite's commit strategy: one writer, so the writers of this process queue at a gate per database
/// and the rows-only commits that queue meanwhile are written together (group commit) on a session
/// whose statements stay prepared; reads of single rows use the sessions too.
/// </summary>
internal sealed class SqliteCommitStrategy(IDbContextFactory<WorkflowDbContext> factory, ILoggerFactory loggers) : ICommitStrategy, IAsyncDisposable
{
    private readonly SqliteSessions _sessions = new(factory, loggers.CreateLogger<SqliteSessions>());

    public ValueTask<List<TRow>?> ReadAsync<TRow>(
        string[] properties,
        Func<SqlRowReader<TRow>, (string Sql, SqlRowBatch.BoundValue[] Values)> statement,
        CancellationToken cancellationToken,
        bool planOnce = false)
        where TRow : class, new() => _sessions.ReadAsync(properties, statement, cancellationToken); // SQLite plans a prepared statement once anyway

    public async Task<bool> TryCommitRowsAsync(RowsOnlyCommit commit, CancellationToken cancellationToken)
    {
        if (await _sessions.RentAsync(cancellationToken) is not { } session)
            return false;
        await CommitOnSessionAsync(session, commit);
        return true;
    }

    /// <summary>
    /// SQLite has one writer: writers of this process queue here and hand over at once, instead of
    /// meeting in BEGIN IMMEDIATE where SQLite's busy handler sleeps for milliseconds between tries.
    /// </summary>
    public async ValueTask<IDisposable?> EnterWriterAsync(WorkflowDbContext db, CancellationToken cancellationToken)
    {
        var gate = QueueOf(db).Gate;
        await gate.WaitAsync(cancellationToken);
        return new Turn(gate);
    }

    public ValueTask DisposeAsync() => _sessions.DisposeAsync();

    private static CommitQueue QueueOf(WorkflowDbContext db) =>
        SqliteQueues.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new CommitQueue());


    /// <summary>
    /// The rows-only commit on a SQLite session, as part of a group commit: commits that queue while
    /// another is writing are written together, each in its own savepoint, in one SQLite transaction.
    /// Each command stays atomic (a conflict rolls back its savepoint only) and nobody hears of a
    /// commit before the transaction holding it is durable; the group shares the cost of COMMIT and
    /// of writing the index pages they touch. The statements are built before queueing.
    /// </summary>
    private static async Task CommitOnSessionAsync(SqliteSessions.Session session, RowsOnlyCommit commit)
    {
        var pending = new PendingCommit(commit.Commit, commit.Statements(session.Db).Statements);
        var queue = QueueOf(session.Db);
        var file = new KeyValuePair<string, object?>("db.file", session.Connection.DataSource);
        queue.Pending.Enqueue(pending);
        PersistenceMetrics.GroupCommitQueue.Add(1, file);
        var sessionBroken = false;
        // Once queued, the commit may be written by whoever holds the gate: waiting is not cancellable,
        // so a caller never hears "cancelled" for a commit that was in fact written.
        await queue.Gate.WaitAsync(CancellationToken.None);
        try
        {
            if (!pending.Outcome.Task.IsCompleted)
            {
                var group = new List<PendingCommit>();
                while (group.Count < MaxGroup && queue.Pending.TryDequeue(out var next))
                    group.Add(next);
                PersistenceMetrics.GroupCommitQueue.Add(-group.Count, file);
                sessionBroken = !WriteGroup(session, group);
            }
        }
        finally
        {
            queue.Gate.Release();
        }
        if (sessionBroken)
            await session.DisposeAsync();
        else
            session.Return();
        await pending.Outcome.Task;
    }

    /// <summary>Writes the group in one transaction and settles every member's outcome; false when the connection should not be reused.</summary>
    private static bool WriteGroup(SqliteSessions.Session session, List<PendingCommit> group)
    {
        var single = group.Count == 1;
        var failures = new Exception?[group.Count];
        try
        {
            using var transaction = session.Connection.BeginTransaction();
            for (var i = 0; i < group.Count; i++)
            {
                if (!single)
                    Run(session, transaction, "SAVEPOINT jc_commit");
                try
                {
                    WriteOne(session, transaction, group[i]);
                }
                catch (Exception e) when (e is WorkflowConflictException or DbException)
                {
                    if (single)
                        transaction.Rollback();
                    else
                        Run(session, transaction, "ROLLBACK TO jc_commit");
                    failures[i] = e is DbException && group[i].Commit.ExpectedVersion is null && Exists(session, single ? null : transaction, group[i].Commit.Instance.Id)
                        ? new WorkflowConflictException(ConflictReason.ConcurrentUpdate, $"instance {group[i].Commit.Instance.Id} already exists")
                        : e;
                    if (single)
                        break;
                }
                if (!single)
                    Run(session, transaction, "RELEASE jc_commit");
            }
            if (!single || failures[0] is null)
                transaction.Commit();
            PersistenceMetrics.GroupCommitSize.Record(group.Count, new KeyValuePair<string, object?>("db.file", session.Connection.DataSource));
        }
        catch (Exception e)
        {
            // BEGIN, COMMIT or a savepoint failed: nothing of the group was written.
            foreach (var member in group)
                member.Outcome.TrySetException(e);
            return false;
        }
        for (var i = 0; i < group.Count; i++)
        {
            if (failures[i] is { } failure)
                group[i].Outcome.TrySetException(failure);
            else
                group[i].Outcome.TrySetResult();
        }
        return true;
    }

    private static void WriteOne(SqliteSessions.Session session, DbTransaction transaction, PendingCommit pending)
    {
        var statements = pending.Statements;
        for (var i = 0; i < statements.Count; i++)
        {
            var command = session.Command(statements[i].Sql, transaction);
            statements[i].Bind(command);
            if (i == 0 && pending.Commit.ExpectedVersion is not null)
            {
                using var reader = command.ExecuteReader();
                if (!reader.Read())
                    throw new WorkflowConflictException(ConflictReason.ConcurrentUpdate, $"instance {pending.Commit.Instance.Id} was changed by another command");
            }
            else
            {
                command.ExecuteNonQuery();
            }
        }
    }

    private static void Run(SqliteSessions.Session session, DbTransaction transaction, string sql) =>
        session.Command(sql, transaction).ExecuteNonQuery();

    /// <summary>Whether the instance row exists, as the group's transaction sees it (another member may have inserted it).</summary>
    private static bool Exists(SqliteSessions.Session session, DbTransaction? transaction, string instanceId)
    {
        var reader = SqlRowReader<InstanceRow>.For(session.Db, nameof(InstanceRow.Id));
        var id = reader.Value(nameof(InstanceRow.Id), instanceId, 0);
        var command = session.Command($"SELECT 1 FROM {reader.Table} WHERE {reader.Column(nameof(InstanceRow.Id))} = {id.Name}", transaction);
        id.AddTo(command, id.Name);
        return command.ExecuteScalar() is not null;
    }

    /// <summary>At most this many commits share one transaction, so no caller waits behind a long queue.</summary>
    private const int MaxGroup = 32;

    private static readonly ConcurrentDictionary<string, CommitQueue> SqliteQueues = new(StringComparer.Ordinal);

    /// <summary>The SQLite writer gate of one database (every writer of this process takes it) and the session commits waiting for it.</summary>
    private sealed class CommitQueue
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public ConcurrentQueue<PendingCommit> Pending { get; } = new();
    }

    private sealed record PendingCommit(InstanceCommit Commit, IReadOnlyList<SqlRowBatch.Statement> Statements)
    {
        public TaskCompletionSource Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>A writer's turn at the gate; disposing it lets the next writer in.</summary>
    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                gate.Release();
        }
    }
}
