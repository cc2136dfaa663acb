using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JcStar.Workflow.Persistence.Hosting;

/// <summary>
/// Applies the pending migrations of the workflow database, then of the other contexts on it
/// (<see cref="MigratedContext"/> registrations), under the database's own guard
/// (<see cref="Databases.IDatabaseDialect.GuardMigrationAsync"/>: SQLite puts the file back when a migration was interrupted).
/// </summary>
public sealed class WorkflowDatabaseMigrator(
    IDbContextFactory<WorkflowDbContext> factory,
    IServiceScopeFactory scopes,
    IEnumerable<MigratedContext> others,
    ILogger<WorkflowDatabaseMigrator> logger)
{
    /// <returns>The migrations applied, the workflow tables' first, then the others' in registration order.</returns>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Dialect.GuardMigrationAsync(db, AnyPendingAsync, MigrateAllAsync, logger, cancellationToken);
    }

    private async Task<bool> AnyPendingAsync(CancellationToken ct)
    {
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
                return true;
        }
        await using var scope = scopes.CreateAsyncScope();
        foreach (var other in others)
        {
            if ((await Context(scope, other).Database.GetPendingMigrationsAsync(ct)).Any())
                return true;
        }
        return false;
    }

    private async Task<IReadOnlyList<string>> MigrateAllAsync(CancellationToken ct)
    {
        var applied = new List<string>();
        await using (var db = await factory.CreateDbContextAsync(ct))
            applied.AddRange(await MigrateAsync(db, "workflow", ct));
        await using var scope = scopes.CreateAsyncScope();
        foreach (var other in others)
            applied.AddRange(await MigrateAsync(Context(scope, other), other.What, ct));
        return applied;
    }

    private static DbContext Context(AsyncServiceScope scope, MigratedContext other) =>
        (DbContext)scope.ServiceProvider.GetRequiredService(other.ContextType);

    private async Task<IReadOnlyList<string>> MigrateAsync(DbContext db, string what, CancellationToken ct)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count == 0)
            return [];
        logger.LogInformation("applying {Count} {What} migrations to the workflow database", pending.Count, what);
        await db.Database.MigrateAsync(ct);
        return pending;
    }
}
