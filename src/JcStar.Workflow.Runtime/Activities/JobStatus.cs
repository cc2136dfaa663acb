namespace JcStar.Workflow.Runtime.Activities;

public enum JobStatus
{
    /// <summary>Waiting to run at <see cref="ActivityJob.NextAttemptAt"/> (or running under a lease).</summary>
    Pending,
    Completed,

    /// <summary>Out of retries; an incident holds the instance until staff retry it.</summary>
    Failed,

    /// <summary>No longer awaited (boundary event, instance ended).</summary>
    Cancelled,
}
