namespace JcStar.Workflow.Engine;

public enum SubscriptionKind
{
    Message,
    Signal,
}
