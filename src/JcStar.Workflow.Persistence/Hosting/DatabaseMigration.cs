using Microsoft.Extensions.Hosting;

namespace JcStar.Workflow.Persistence.Hosting;

/// <summary>
/// Registered first, so the schema (workflow tables and the other contexts on the database, such as the user
/// register) exists before the deployment, the sweeps and Hangfire start. Does nothing unless the host migrates at start.
/// Says when it is done (<see cref="DatabaseReadiness"/>) to what runs beside the start.
/// </summary>
public sealed class DatabaseMigration(WorkflowDatabaseMigrator migrator, bool migrateAtStart, DatabaseReadiness readiness) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (migrateAtStart)
                await migrator.MigrateAsync(cancellationToken);
            readiness.MarkReady();
        }
        catch (Exception e)
        {
            readiness.MarkFailed(e);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
