namespace JcStar.Workflow.Engine;

/// <summary>What an element instance is doing between two commands.</summary>
public enum ElementWait
{
    /// <summary>Being executed inside the current command (never seen between commands).</summary>
    Active,
    /// <summary>A process, sub-process or event sub-process: waits for its children.</summary>
    Scope,
    /// <summary>A call activity: waits for the called process (its only child).</summary>
    Called,
    /// <summary>A multi-instance or standard-loop body: waits for its iterations.</summary>
    LoopBody,
    UserTask,
    /// <summary>A registered activity was invoked; waits for CompleteActivity or FailActivity.</summary>
    Job,
    /// <summary>Waits for a message, timer or signal it subscribed to (catch event, receive task).</summary>
    Event,
    EventGateway,
    /// <summary>A compensation throw event (or a transaction's cancel end event) waits while the handlers run, one after the other.</summary>
    Compensation,
    /// <summary>A compensation nobody waits for (waitForCompletion="false", or the inside of a compensated sub-process): it vanishes when done.</summary>
    CompensationRun,
    /// <summary>An ad-hoc sub-process: waits for someone to choose inner activities (ActivateAdHocActivity) and for its completion condition.</summary>
    AdHoc,
    /// <summary>Stopped by an incident; RetryIncident executes it again.</summary>
    Incident,
}
