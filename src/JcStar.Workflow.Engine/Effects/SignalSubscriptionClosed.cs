namespace JcStar.Workflow.Engine;

public sealed record SignalSubscriptionClosed(string SubscriptionId, string ElementId) : EngineEffect;
