namespace JcStar.Workflow.Runtime.Mail;

public enum OutboxStatus
{
    /// <summary>Waiting for its next attempt at <see cref="OutboxMessage.NextAttemptAt"/>.</summary>
    Queued,

    /// <summary>A dispatcher holds the lease and may already have handed the message to the server.</summary>
    Sending,

    /// <summary>The server accepted it (250 after DATA); terminal.</summary>
    Sent,

    /// <summary>Rejected permanently or out of attempts; stays until staff retry it.</summary>
    Failed,
}
