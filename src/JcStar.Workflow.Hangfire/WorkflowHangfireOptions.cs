namespace JcStar.Workflow.Hangfire;

/// <summary>Bound from the "Hangfire" configuration section. Storage defaults to the workflow database's provider.</summary>
public sealed class WorkflowHangfireOptions
{
    public const string Section = "Hangfire";

    public HangfireStorageKind? Storage { get; set; }

    /// <summary>For SQLite a file path (default hangfire.db under the data root); otherwise a connection string (default: the workflow database's).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Run a Hangfire server (workers) in this process.</summary>
    public bool Server { get; set; } = true;

    public int WorkerCount { get; set; } = Math.Max(4, Environment.ProcessorCount * 2);

    /// <summary>How often due scheduled jobs (timers) are moved to the queue; with <see cref="QueuePollInterval"/> this bounds timer latency.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Cron of the sweep that fires what lost its wake-up.</summary>
    public string SweepCron { get; set; } = "* * * * *";

    public bool Dashboard { get; set; } = true;

    /// <summary>
    /// Every node also sweeps this often in-process (the cron sweep's finest step is a minute): with the job lease
    /// (<c>Runtime:JobLease</c>, 30 s) this bounds how long work held by a node that died waits to be taken over
    /// (45 s by default). Null leaves only the cron sweep.
    /// </summary>
    public TimeSpan? SweepInterval { get; set; } = TimeSpan.FromSeconds(15);
}
