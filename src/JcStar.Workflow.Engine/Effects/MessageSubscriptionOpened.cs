namespace JcStar.Workflow.Engine;

public sealed record MessageSubscriptionOpened(string SubscriptionId, string ElementId, string MessageName, string? CorrelationKey) : EngineEffect;
