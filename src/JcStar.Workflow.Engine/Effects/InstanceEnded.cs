namespace JcStar.Workflow.Engine;

public sealed record InstanceEnded(InstanceStatus Status, string? Reason) : EngineEffect;
