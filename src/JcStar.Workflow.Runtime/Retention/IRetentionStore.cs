namespace JcStar.Workflow.Runtime.Retention;

/// <summary>What retention reads and writes beyond the ordinary stores: the closed cases by age, and one case's records rewritten at once.</summary>
public interface IRetentionStore
{
    /// <summary>Ids of cases that ended (completed, terminated, failed) before <paramref name="endedBefore"/>, oldest first.</summary>
    Task<IReadOnlyList<string>> ListEndedBeforeAsync(DateTimeOffset endedBefore, CancellationToken cancellationToken);

    /// <summary>The case with everything retention may rewrite; null when it does not exist.</summary>
    Task<RetainedCase?> LoadAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Writes the change and its audit record in one transaction, only while the case is still at <see cref="RetentionChange.ExpectedVersion"/>.</summary>
    /// <exception cref="WorkflowConflictException">The case changed since it was loaded: nothing was written.</exception>
    Task ApplyAsync(RetentionChange change, CancellationToken cancellationToken);
}
