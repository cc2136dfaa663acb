namespace JcStar.Workflow.Runtime;

/// <summary>The command lost a race or came too late; nothing was changed (the API answers 409).</summary>
public sealed class WorkflowConflictException(ConflictReason reason, string message) : Exception(message)
{
    public ConflictReason Reason { get; } = reason;
}
