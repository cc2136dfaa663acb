namespace JcStar.Workflow.Runtime.Backups;

/// <summary>One file in a backup archive: its path inside the archive ('/' separated), size and SHA-256 (lower-case hex).</summary>
public sealed record BackupFileEntry(string Path, long Size, string Sha256);
