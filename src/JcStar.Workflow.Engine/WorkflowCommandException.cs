namespace JcStar.Workflow.Engine;

/// <summary>The command does not apply to the instance as it is (unknown or already completed task, instance ended, …). The state is unchanged.</summary>
public sealed class WorkflowCommandException(CommandRejection rejection, string message) : Exception(message)
{
    public CommandRejection Rejection { get; } = rejection;
}
