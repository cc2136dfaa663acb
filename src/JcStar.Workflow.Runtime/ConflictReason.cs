namespace JcStar.Workflow.Runtime;

public enum ConflictReason
{
    /// <summary>Another command changed the same instance between our read and our commit.</summary>
    ConcurrentUpdate,

    /// <summary>The task, timer or job was already completed, or the instance has ended.</summary>
    NoLongerPending,

    /// <summary>The task is claimed by someone else.</summary>
    AlreadyClaimed,
}
