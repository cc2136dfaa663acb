using JcStar.Workflow.Persistence.Stores;

namespace JcStar.Workflow.Persistence.Databases;

/// <summary>The commit strategy of a database with nothing of its own: every read and commit goes through EF.</summary>
public sealed class TrackedCommits : ICommitStrategy
{
    public static readonly TrackedCommits Instance = new();

    private TrackedCommits()
    {
    }

    public ValueTask<List<TRow>?> ReadAsync<TRow>(
        string[] properties,
        Func<SqlRowReader<TRow>, (string Sql, SqlRowBatch.BoundValue[] Values)> statement,
        CancellationToken cancellationToken,
        bool planOnce = false)
        where TRow : class, new() => ValueTask.FromResult<List<TRow>?>(null);

    public Task<bool> TryCommitRowsAsync(RowsOnlyCommit commit, CancellationToken cancellationToken) => Task.FromResult(false);

    public ValueTask<IDisposable?> EnterWriterAsync(WorkflowDbContext db, CancellationToken cancellationToken) => ValueTask.FromResult<IDisposable?>(null);
}
