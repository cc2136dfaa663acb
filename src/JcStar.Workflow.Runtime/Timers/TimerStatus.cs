namespace JcStar.Workflow.Runtime.Timers;

public enum TimerStatus
{
    Pending,
    Fired,
    Cancelled,
}
