namespace JcStar.Workflow.Engine;

/// <summary>
/// A registered activity failed. With <see cref="BpmnErrorCode"/> it throws a BPMN error that
/// boundary and event sub-process error events can catch; without, it is a technical failure and
/// becomes an incident (the host decides when retries are exhausted).
/// </summary>
public sealed record FailActivity(
    string JobId,
    string Message,
    string? BpmnErrorCode = null) : EngineCommand;
