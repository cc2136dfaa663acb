namespace JcStar.Workflow.Engine;

public sealed record CancelInstance(string? Reason = null) : EngineCommand;
