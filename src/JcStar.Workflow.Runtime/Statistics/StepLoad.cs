namespace JcStar.Workflow.Runtime.Statistics;

/// <summary>Open work at one step of one procedure, and how long that step took lately.</summary>
public sealed record StepLoad(string ProcessId, string ElementId, string? Name, int Open, int Overdue, TimeSpan? MedianDuration, int CompletedRecently);
