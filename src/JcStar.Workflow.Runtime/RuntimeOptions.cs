namespace JcStar.Workflow.Runtime;

/// <summary>How the runtime runs jobs and resolves races. Bound from the "Runtime" configuration section.</summary>
public sealed class RuntimeOptions
{
    public const string Section = "Runtime";

    /// <summary>Run synchronous activities right after the commit that invoked them, in the caller's request; async ones always go to the background.</summary>
    public bool RunSyncActivitiesInline { get; set; } = true;

    /// <summary>Retries of a failing activity when the model does not say (jc:retries).</summary>
    public int DefaultRetries { get; set; } = 3;

    /// <summary>First retry delay; doubles per attempt up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long one run holds a job; a node that dies mid-run frees it when this passes, and the next sweep
    /// (every <c>Hangfire:SweepInterval</c>) takes it over. A live run renews it every third of this
    /// (<see cref="Activities.LeaseHeartbeat"/>), so a slow activity is never taken over while its node lives.
    /// </summary>
    public TimeSpan JobLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The periodic sweep leaves timers and jobs younger than this to their scheduled wake-up.</summary>
    public TimeSpan SweepGrace { get; set; } = TimeSpan.FromSeconds(30);

    public int SweepBatchSize { get; set; } = 200;

    /// <summary>The longest business key a caller may give a new case.</summary>
    public int MaxBusinessKeyLength { get; set; } = 200;

    /// <summary>The most a caller may send as a new case's variables (JSON text, names included).</summary>
    public int MaxStartVariablesBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Arm process-level timer start events when a version is deployed, so the process starts by itself.
    /// The CLI's simulation turns it off: it starts the one instance it reports on itself.
    /// </summary>
    public bool ArmStartTimers { get; set; } = true;

    /// <summary>How often a command that lost a race on its instance is re-read and re-tried before the caller gets a 409.</summary>
    public int MaxConflictRetries { get; set; } = 20;

    /// <summary>Names this process in job leases; unique per process by default.</summary>
    public string NodeId { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
}
