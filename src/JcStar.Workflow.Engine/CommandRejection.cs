namespace JcStar.Workflow.Engine;

public enum CommandRejection
{
    /// <summary>The task, job, timer, subscription or process does not exist in this instance.</summary>
    NotFound,
    /// <summary>It existed but is no longer pending (already completed, instance ended): a retry or a race lost.</summary>
    NoLongerPending,
    /// <summary>The command is malformed for this definition.</summary>
    Invalid,
}
