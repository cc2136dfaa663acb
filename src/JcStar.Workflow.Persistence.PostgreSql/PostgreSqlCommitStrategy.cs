using System.Data.Common;
using JcStar.Workflow.Persistence.Databases;
using JcStar.Workflow.Persistence.Stores;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace JcStar.Workflow.Persistence.PostgreSql;

/// <summary>
/// PostgreSQL's commit strategy: the rows-only commit goes as one batched command, one round trip in
/// its transaction; a store's own SELECT is run as given, on a pooled connection, without EF's translation
/// (Npgsql prepares it after a few uses; one asked to be planned once keeps its first plan); everything else through EF.
/// </summary>
internal sealed class PostgreSqlCommitStrategy(IDbContextFactory<WorkflowDbContext> factory) : ICommitStrategy
{
    private string? plannedOnce;

    public async ValueTask<List<TRow>?> ReadAsync<TRow>(
        string[] properties,
        Func<SqlRowReader<TRow>, (string Sql, SqlRowBatch.BoundValue[] Values)> statement,
        CancellationToken cancellationToken,
        bool planOnce = false)
        where TRow : class, new()
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var reader = SqlRowReader<TRow>.For(db, properties);
        var (sql, values) = statement(reader);
        // A statement planned once runs on connections of their own, whose sessions keep a prepared statement's first plan
        // (see PostgreSqlWorkflowDatabase.PlannedOnce); the others on EF's.
        await using var planned = planOnce ? new NpgsqlConnection(PlannedOnceConnectionString(db)) : null;
        var connection = planned ?? db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in values)
            value.AddTo(command, value.Name);
        if (planned is not null)
            await planned.OpenAsync(cancellationToken);
        else
            await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var rows = new List<TRow>();
            await using var result = await command.ExecuteReaderAsync(cancellationToken);
            while (await result.ReadAsync(cancellationToken))
                rows.Add(reader.Read(result));
            return rows;
        }
        finally
        {
            if (planned is null)
                await db.Database.CloseConnectionAsync();
        }
    }

    private string PlannedOnceConnectionString(WorkflowDbContext db) =>
        plannedOnce ??= PostgreSqlWorkflowDatabase.PlannedOnce(db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("the workflow database has no connection string"));

    public async Task<bool> TryCommitRowsAsync(RowsOnlyCommit commit, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await CommitWithSqlAsync(db, commit, cancellationToken);
        return true;
    }

    public ValueTask<IDisposable?> EnterWriterAsync(WorkflowDbContext db, CancellationToken cancellationToken) => ValueTask.FromResult<IDisposable?>(null);

    /// <summary>The rows-only commit as one batched command (PostgreSQL: one round trip).</summary>
    private async Task CommitWithSqlAsync(WorkflowDbContext db, RowsOnlyCommit rows, CancellationToken ct)
    {
        var commit = rows.Commit;
        await using var command = db.Database.GetDbConnection().CreateCommand();
        var sql = rows.Statements(db).Command(command);
        var instanceId = commit.Instance.Id;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await CommitBatchAsync(db, commit, sql, instanceId, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task CommitBatchAsync(WorkflowDbContext db, InstanceCommit commit, DbCommand sql, string instanceId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        sql.Transaction = transaction.GetDbTransaction();
        try
        {
            if (commit.ExpectedVersion is not null)
            {
                bool updated;
                await using (var reader = await sql.ExecuteReaderAsync(ct))
                {
                    updated = await reader.ReadAsync(ct);
                    while (await reader.NextResultAsync(ct))
                    {
                    }
                }
                // The other statements ran too; throwing before the commit rolls them back.
                if (!updated)
                    throw new WorkflowConflictException(ConflictReason.ConcurrentUpdate, $"instance {instanceId} was changed by another command");
            }
            else
            {
                await sql.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
        }
        catch (DbException) when (commit.ExpectedVersion is null)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            if (await ExistsAsync(instanceId))
                throw new WorkflowConflictException(ConflictReason.ConcurrentUpdate, $"instance {instanceId} already exists");
            throw;
        }
    }

    private async Task<bool> ExistsAsync(string instanceId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Instances.AnyAsync(i => i.Id == instanceId);
    }
}
