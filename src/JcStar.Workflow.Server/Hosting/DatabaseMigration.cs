using JcStar.Workflow.Identity;
using JcStar.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Server.Hosting;

/// <summary>Registered first, so the schema (workflow tables and the user register) exists before the deployment, the sweeps and Hangfire start.</summary>
public sealed class DatabaseMigration(IDbContextFactory<WorkflowDbContext> factory, IServiceScopeFactory scopes, ResolvedDatabase database, ILogger<DatabaseMigration> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!database.MigrateAtStart)
            return;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
            await MigrateAsync(db, "workflow", cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        await MigrateAsync(scope.ServiceProvider.GetRequiredService<AccessDbContext>(), "user register", cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task MigrateAsync(DbContext db, string what, CancellationToken ct)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count == 0)
            return;
        logger.LogInformation("applying {Count} {What} migrations to the {Provider} database", pending.Count, what, database.Provider);
        await db.Database.MigrateAsync(ct);
    }
}
