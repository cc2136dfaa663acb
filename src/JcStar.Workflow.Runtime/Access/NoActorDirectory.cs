namespace JcStar.Workflow.Runtime.Access;

/// <summary>The default where no user register is wired: nobody is known, so a task can be handed to no one.</summary>
public sealed class NoActorDirectory : IActorDirectory
{
    public Task<WorkflowActor?> FindAsync(string userId, CancellationToken cancellationToken) => Task.FromResult<WorkflowActor?>(null);
}
