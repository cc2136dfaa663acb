namespace JcStar.Workflow.Runtime.Statistics;

/// <summary>Aggregates over the stores, computed by the database (counts and durations, never rows to the caller).</summary>
public interface IWorkflowStatistics
{
    /// <param name="now">Tasks due before it are overdue.</param>
    /// <param name="recentSince">Completions since then give each step's median duration.</param>
    /// <param name="monthStart">Cases started or closed since then are this month's.</param>
    Task<WorkloadOverview> OverviewAsync(DateTimeOffset now, DateTimeOffset recentSince, DateTimeOffset monthStart, CancellationToken cancellationToken);

    /// <summary>How many cases still run (waiting) on each definition version, keyed by definition id; versions without any are absent.</summary>
    Task<IReadOnlyDictionary<string, int>> RunningByDefinitionAsync(CancellationToken cancellationToken);
}
