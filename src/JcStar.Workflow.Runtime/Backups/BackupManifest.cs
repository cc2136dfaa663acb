namespace JcStar.Workflow.Runtime.Backups;

/// <summary>manifest.json at the root of a backup archive: what it holds and how to check it.</summary>
public sealed record BackupManifest
{
    /// <summary>The archive layout; a reader refuses a format it does not know.</summary>
    public const int CurrentFormat = 1;

    public const string FileName = "manifest.json";

    public required int Format { get; init; }

    /// <summary>The jcstar build that wrote it (informational).</summary>
    public required string ProductVersion { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string Provider { get; init; }
    public required string SchemaMigration { get; init; }
    public required IReadOnlyDictionary<string, long> Counts { get; init; }
    public required IReadOnlyList<BackupFileEntry> Files { get; init; }
    public IReadOnlyList<string> Notes { get; init; } = [];
}
