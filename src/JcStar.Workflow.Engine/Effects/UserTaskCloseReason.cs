namespace JcStar.Workflow.Engine;

public enum UserTaskCloseReason
{
    Completed,
    Cancelled,
}
