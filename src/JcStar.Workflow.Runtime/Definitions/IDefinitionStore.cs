namespace JcStar.Workflow.Runtime.Definitions;

public interface IDefinitionStore
{
    Task<DeployedDefinition?> FindAsync(string definitionId, CancellationToken cancellationToken);

    /// <summary>The highest version of the process, or null when it was never deployed.</summary>
    Task<DeployedDefinition?> FindLatestAsync(string processId, CancellationToken cancellationToken);

    /// <summary>The latest version of every process, ordered by process id.</summary>
    Task<IReadOnlyList<DeployedDefinition>> ListLatestAsync(CancellationToken cancellationToken);

    /// <summary>The id of the latest version of every process, ordered by process id: <see cref="ListLatestAsync"/> without reading the XML.</summary>
    async Task<IReadOnlyList<string>> ListLatestIdsAsync(CancellationToken cancellationToken) =>
        [.. (await ListLatestAsync(cancellationToken)).Select(d => d.Id)];

    /// <summary>Every version of the process, newest first.</summary>
    Task<IReadOnlyList<DeployedDefinition>> ListVersionsAsync(string processId, CancellationToken cancellationToken);

    /// <exception cref="WorkflowConflictException">That process already has that version (another node published first).</exception>
    Task AddAsync(DeployedDefinition definition, CancellationToken cancellationToken);
}
