using JcStar.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Server.Hosting;

/// <summary>Registered first, so the schema exists before the deployment, the sweeps and Hangfire start.</summary>
public sealed class DatabaseMigration(IDbContextFactory<WorkflowDbContext> factory, ResolvedDatabase database, ILogger<DatabaseMigration> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!database.MigrateAtStart)
            return;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
            return;
        logger.LogInformation("applying {Count} migrations to the {Provider} database", pending.Count, database.Provider);
        await db.Database.MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
