namespace JcStar.Workflow.Engine;

public sealed record MessageSubscriptionClosed(string SubscriptionId, string ElementId) : EngineEffect;
