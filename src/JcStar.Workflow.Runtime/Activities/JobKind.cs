namespace JcStar.Workflow.Runtime.Activities;

public enum JobKind
{
    /// <summary>Run a registered <see cref="IActivityHandler"/> and answer the engine.</summary>
    Activity,

    /// <summary>Correlate a message the instance threw to whoever waits for it.</summary>
    ThrowMessage,

    /// <summary>Broadcast a signal the instance threw to every other instance subscribed.</summary>
    ThrowSignal,
}
