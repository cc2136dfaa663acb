using System.Runtime.CompilerServices;
using JcStar.Workflow.Identity.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace JcStar.Workflow.Identity.Administration;

/// <summary>
/// Empties <see cref="AccessTokenSessions"/> whenever the user register changes on this node: a user, their roles
/// or claims, an organization, a role, or a token (other than the note of when it was last used). Before the
/// change is saved and again after it, so a request that read the old register while the change was being
/// written cannot keep it.
/// </summary>
public sealed class AccessChangeInterceptor(AccessTokenSessions sessions) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Forget(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Saved(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return Task.CompletedTask;
    }

    // The contexts whose save under way changes the register (one interceptor serves every context of the node).
    private readonly ConditionalWeakTable<DbContext, object> _changing = new();

    private void Forget(DbContext? context)
    {
        if (context is null || !context.ChangeTracker.Entries().Any(ChangesAccess))
            return;
        _changing.AddOrUpdate(context, context);
        sessions.ForgetAll();
    }

    private void Saved(DbContext? context)
    {
        if (context is not null && _changing.Remove(context))
            sessions.ForgetAll();
    }

    private static bool ChangesAccess(EntityEntry entry) =>
        entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
        && entry.Entity switch
        {
            AccessToken => entry.State != EntityState.Modified
                || entry.Properties.Any(p => p.IsModified && p.Metadata.Name != nameof(AccessToken.LastUsedAt)),
            WorkflowUser or Organization or IdentityRole or IdentityUserRole<string> or IdentityUserClaim<string> or IdentityRoleClaim<string> => true,
            _ => false,
        };
}
