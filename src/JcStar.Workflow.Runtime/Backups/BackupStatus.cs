namespace JcStar.Workflow.Runtime.Backups;

/// <summary>last-backup.json in the backup folder: the last attempt and the last success (time, file, size).</summary>
public sealed record BackupStatus
{
    public DateTimeOffset? LastAttemptAt { get; init; }
    public DateTimeOffset? LastSucceededAt { get; init; }
    public string? LastFile { get; init; }
    public long? LastSize { get; init; }

    /// <summary>Set when the last attempt failed: why.</summary>
    public string? LastError { get; init; }
}
