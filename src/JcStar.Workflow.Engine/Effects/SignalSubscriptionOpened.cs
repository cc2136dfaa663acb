namespace JcStar.Workflow.Engine;

public sealed record SignalSubscriptionOpened(string SubscriptionId, string ElementId, string SignalName) : EngineEffect;
