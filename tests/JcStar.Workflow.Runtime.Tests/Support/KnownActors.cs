using JcStar.Workflow.Runtime.Access;

namespace JcStar.Workflow.Runtime.Tests.Support;

/// <summary>The test people as the runtime's user register: a task can be handed to them and to no one else.</summary>
public sealed class KnownActors : IActorDirectory
{
    private static readonly WorkflowActor[] People = [Actors.Admin, Actors.Reviewer, Actors.OtherReviewer, Actors.Outsider];

    public Task<WorkflowActor?> FindAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult(People.FirstOrDefault(p => p.Id == userId));
}
