using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.Databases;

/// <summary>
/// Entities another project keeps in the workflow database (the scheme's registry, for one): added to
/// the context options with <see cref="WorkflowDatabaseOptions.AddWorkflowModel"/>, configured into the
/// one model after the workflow's own tables, so one context and one migration history hold them all.
/// </summary>
public interface IWorkflowModelContribution
{
    void ConfigureModel(ModelBuilder model);

    /// <summary>Adds the row counts of this contribution's tables that a backup manifest records and a restore compares.</summary>
    Task AddBackupCountsAsync(WorkflowDbContext db, IDictionary<string, long> counts, CancellationToken cancellationToken) => Task.CompletedTask;
}
