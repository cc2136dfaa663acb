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
    ValueTask<List<TRow>?> ReadAsync<TRow>(
        string[] properties,
        Func<SqlRowReader<TRow>, (string Sql, SqlRowBatch.BoundValue[] Values)> statement,
        CancellationToken cancellationToken)
        where TRow : class, new();

    /// <summary>Writes a rows-only commit its own way; false when the caller should commit through the change tracker.</summary>
    Task<bool> TryCommitRowsAsync(RowsOnlyCommit commit, CancellationToken cancellationToken);

    /// <summary>Held around a commit through the change tracker; null when the database needs no such turn.</summary>
    ValueTask<IDisposable?> EnterWriterAsync(WorkflowDbContext db, CancellationToken cancellationToken);
}
