namespace JcStar.Workflow.Bpmn.Validation;

/// <summary>Limits the validator enforces on behalf of the server; hosts fill them from their settings.</summary>
public sealed record BpmnValidationOptions
{
    /// <summary>A timer cycle that repeats more often than this is refused (a runaway cycle starts cases or tokens without end).</summary>
    public TimeSpan MinimumTimerCycle { get; init; } = TimeSpan.FromMinutes(1);

    public static BpmnValidationOptions Default { get; } = new();
}
