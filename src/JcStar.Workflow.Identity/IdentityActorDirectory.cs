using JcStar.Workflow.Identity.Model;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Identity;

/// <summary>The user register behind the runtime's <see cref="IActorDirectory"/>: who a task may be handed to.</summary>
public sealed class IdentityActorDirectory(IServiceScopeFactory scopes) : IActorDirectory
{
    public async Task<WorkflowActor?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkflowUser>>();
        var user = await users.FindByNameAsync(userId);
        if (user is null || user.IsDisabled)
            return null;
        return await scope.ServiceProvider.GetRequiredService<WorkflowActors>().ActorOfAsync(user, cancellationToken);
    }
}
