namespace JcStar.Workflow.Engine;

public sealed record UserTaskClosed(string TaskId, string ElementId, UserTaskCloseReason Reason) : EngineEffect;
