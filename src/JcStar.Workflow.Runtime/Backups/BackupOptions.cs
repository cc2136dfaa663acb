namespace JcStar.Workflow.Runtime.Backups;

/// <summary>Bound from the "Backup" configuration section: the scheduled backups.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>Register the recurring backup job.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When, as a Hangfire cron expression (UTC).</summary>
    public string Cron { get; set; } = "0 3 * * *";

    /// <summary>Where the archives go; relative to the current directory. Put it on another disk than the data root.</summary>
    public string Folder { get; set; } = "backups";

    /// <summary>How many scheduled archives to keep; older ones are deleted after a successful backup.</summary>
    public int Keep { get; set; } = 14;

    /// <summary>A warning is logged when the last backup failed or succeeded longer ago than this.</summary>
    public TimeSpan WarnAfter { get; set; } = TimeSpan.FromHours(26);

    /// <summary>How often the age of the last backup is checked.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(1);
}
