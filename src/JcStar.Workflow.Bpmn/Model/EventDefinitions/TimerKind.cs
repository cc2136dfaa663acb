namespace JcStar.Workflow.Bpmn.Model;

public enum TimerKind
{
    /// <summary>ISO 8601 duration, e.g. P30D.</summary>
    Duration,
    /// <summary>ISO 8601 date-time.</summary>
    Date,
    /// <summary>ISO 8601 repeating interval, e.g. R3/PT10M or R/2026-01-01T00:00:00Z/P1D.</summary>
    Cycle,
}
