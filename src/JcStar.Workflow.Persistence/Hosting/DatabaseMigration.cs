using Microsoft.Extensions.Hosting;

namespace JcStar.Workflow.Persistence.Hosting;

/// <summary>
/// Registered first, so the schema (workflow tables and the other contexts on the database, such as the user
/// register) exists before the deployment, the sweeps and Hangfire start. Does nothing unless the host migrates at start.
/// </summary>
public sealed class DatabaseMigration(WorkflowDatabaseMigrator migrator, bool migrateAtStart) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (migrateAtStart)
            await migrator.MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
