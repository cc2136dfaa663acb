namespace JcStar.Workflow.Runtime.Incidents;

public interface IIncidentStore
{
    Task<Incident?> FindAsync(string incidentId, CancellationToken cancellationToken);

    /// <summary>Open incidents (optionally of one instance), oldest first.</summary>
    Task<Page<Incident>> QueryOpenAsync(string? instanceId, PageRequest page, CancellationToken cancellationToken);
}
