namespace JcStar.Workflow.Runtime.Statistics;

/// <summary>What managers watch: open and overdue tasks per step, the median time a step took over the last days, cases started and closed this month.</summary>
public sealed record WorkloadOverview(IReadOnlyList<StepLoad> Steps, int CasesStartedThisMonth, int CasesClosedThisMonth, int OpenIncidents, int FailedMail);
