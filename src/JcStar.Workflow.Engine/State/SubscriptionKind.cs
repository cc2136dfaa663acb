namespace JcStar.Workflow.Engine;

public enum SubscriptionKind
{
    Message,
    Signal,

    /// <summary>A conditional event; the engine checks it itself, the host never sees it.</summary>
    Condition,
}
