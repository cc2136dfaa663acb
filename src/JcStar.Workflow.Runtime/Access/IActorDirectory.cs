namespace JcStar.Workflow.Runtime.Access;

/// <summary>The people a task may be handed to, as the runtime sees them (groups, organization, facility); null for an unknown or disabled user.</summary>
public interface IActorDirectory
{
    Task<WorkflowActor?> FindAsync(string userId, CancellationToken cancellationToken);
}
