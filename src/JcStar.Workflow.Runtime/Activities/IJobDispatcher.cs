namespace JcStar.Workflow.Runtime.Activities;

/// <summary>
/// Hands a committed job to a background worker (Hangfire in the server). Called after commit; a
/// lost dispatch is harmless because the sweep runs every pending job whose time has passed.
/// </summary>
public interface IJobDispatcher
{
    Task DispatchAsync(string jobId, DateTimeOffset runAt, CancellationToken cancellationToken);
}
