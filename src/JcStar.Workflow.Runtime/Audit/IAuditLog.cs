namespace JcStar.Workflow.Runtime.Audit;

/// <summary>Reads the history; entries are only ever written inside an <see cref="Instances.InstanceCommit"/> (or a deployment).</summary>
public interface IAuditLog
{
    /// <summary>The instance's history, oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListByInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Entries that belong to no instance (deployments), appended on their own.</summary>
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);
}
