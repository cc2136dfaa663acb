namespace JcStar.Workflow.Engine;

public enum InstanceStatus
{
    /// <summary>Has at least one token waiting (task, timer, message, activity).</summary>
    Waiting,
    Completed,
    /// <summary>Ended by a terminate end event.</summary>
    Terminated,
    /// <summary>Stopped by an incident nobody can catch, or by an uncaught BPMN error.</summary>
    Failed,
    Cancelled,
}
