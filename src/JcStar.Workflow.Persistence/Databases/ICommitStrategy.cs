using JcStar.Workflow.Persistence.Stores;

namespace JcStar.Workflow.Persistence.Databases;

/// <summary>
/// How one database takes the hot path its own way: reads of single rows on statements it keeps
/// prepared, the rows-only commit of a step, and the writer a tracked commit waits for. The shared
/// stores fall back to EF wherever the strategy declines (null or false).
/// </summary>
public interface ICommitStrategy
{
    /// <summary>
    /// Runs a SELECT of <typeparamref name="TRow"/> rows on a prepared statement; null when this database
    /// reads through EF. <paramref name="statement"/> gives the SQL and its values.
    /// </summary>
    /// <param name="planOnce">
    /// The statement is written to walk its indexes in the same order whatever its values: a database that plans a prepared
    /// statement for each set of values (PostgreSQL, while the plan for any values looks costlier) may plan it once and keep
    /// that plan. For statements whose planning costs as much as their reading (the inbox's).
    /// </param>
    ValueTask<List<TRow>?> ReadAsync<TRow>(
        string[] properties,
        Func<SqlRowReader<TRow>, (string Sql, SqlRowBatch.BoundValue[] Values)> statement,
        CancellationToken cancellationToken,
        bool planOnce = false)
        where TRow : class, new();

    /// <summary>Writes a rows-only commit its own way; false when the caller should commit through the change tracker.</summary>
    Task<bool> TryCommitRowsAsync(RowsOnlyCommit commit, CancellationToken cancellationToken);

    /// <summary>Held around a commit through the change tracker; null when the database needs no such turn.</summary>
    ValueTask<IDisposable?> EnterWriterAsync(WorkflowDbContext db, CancellationToken cancellationToken);
}
