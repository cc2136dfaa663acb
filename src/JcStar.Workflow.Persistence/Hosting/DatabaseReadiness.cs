namespace JcStar.Workflow.Persistence.Hosting;

/// <summary>
/// Whether this start has brought the database's schema up to date (<see cref="DatabaseMigration"/>): what may use the
/// database before the host has started (the server's requests, once it listens beside the start) waits for it. Ready as
/// soon as the migration service has run when the host does not migrate at start (the schema is then migrated beforehand).
/// </summary>
public sealed class DatabaseReadiness
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the schema is up to date; faults with the migration's error when it failed.</summary>
    public Task Ready => ready.Task;

    /// <summary>Called by the migration service when the schema is up to date.</summary>
    public void MarkReady() => ready.TrySetResult();

    /// <summary>Called by the migration service when the migration failed (and with it the start).</summary>
    public void MarkFailed(Exception error) => ready.TrySetException(error);
}
