using JcStar.Workflow.Identity;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Server.Hosting;

/// <summary>Registered first, so the schema (workflow tables and the user register) exists before the deployment, the sweeps and Hangfire start.</summary>
public sealed class DatabaseMigration(IDbContextFactory<WorkflowDbContext> factory, IServiceScopeFactory scopes, ResolvedDatabase database, ILogger<DatabaseMigration> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!database.MigrateAtStart)
            return;
        if (database.Provider == DatabaseProvider.Sqlite)
            await SqliteMigrationGuard.RunAsync(database.ConnectionString, AnyPendingAsync, MigrateAllAsync, logger, cancellationToken);
        else
            await MigrateAllAsync(cancellationToken);
    }

    private async Task<bool> MigrateAllAsync(CancellationToken cancellationToken)
    {
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
            await MigrateAsync(db, "workflow", cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        await MigrateAsync(scope.ServiceProvider.GetRequiredService<AccessDbContext>(), "user register", cancellationToken);
        return true;
    }

    private async Task<bool> AnyPendingAsync(CancellationToken cancellationToken)
    {
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
                return true;
        }
        await using var scope = scopes.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<AccessDbContext>().Database.GetPendingMigrationsAsync(cancellationToken)).Any();
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
