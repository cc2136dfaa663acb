using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace JcStar.Workflow.Runtime.Backups;

/// <summary>
/// The scheduled backup: a new archive in <see cref="BackupOptions.Folder"/>, the oldest beyond
/// <see cref="BackupOptions.Keep"/> deleted, and the outcome kept in last-backup.json so every node (and
/// /health) sees when the last one ran, how big it was, or why it failed.
/// </summary>
public sealed class ScheduledBackup(IBackupSource source, BackupOptions options, TimeProvider clock, ILogger<ScheduledBackup> logger)
{
    public const string StatusFile = "last-backup.json";
    private const string Prefix = "jcstar-";

    public string Folder => Path.GetFullPath(options.Folder);

    public async Task<BackupManifest> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var previous = ReadStatus();
        var archive = Path.Combine(Folder, $"{Prefix}{now:yyyyMMdd'T'HHmmss'Z'}.zip");
        try
        {
            var manifest = await BackupArchive.CreateAsync(source, archive, clock, cancellationToken);
            var size = new FileInfo(archive).Length;
            WriteStatus(new BackupStatus { LastAttemptAt = manifest.CreatedAt, LastSucceededAt = manifest.CreatedAt, LastFile = archive, LastSize = size });
            foreach (var old in Directory.EnumerateFiles(Folder, $"{Prefix}*.zip").Order(StringComparer.Ordinal).Reverse().Skip(Math.Max(1, options.Keep)))
                File.Delete(old);
            logger.LogInformation("Backup written to {File} ({Size} bytes)", archive, size);
            return manifest;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            WriteStatus(previous with { LastAttemptAt = now, LastError = e.Message });
            logger.LogError(e, "Backup to {File} failed", archive);
            throw;
        }
    }

    public BackupStatus ReadStatus()
    {
        var file = Path.Combine(Folder, StatusFile);
        try
        {
            return File.Exists(file) ? JsonSerializer.Deserialize<BackupStatus>(File.ReadAllText(file), BackupArchive.Json) ?? new BackupStatus() : new BackupStatus();
        }
        catch (JsonException)
        {
            return new BackupStatus { LastError = $"{file} cannot be read" };
        }
    }

    /// <summary>Logs a warning when the last backup failed, or none succeeded within <see cref="BackupOptions.WarnAfter"/>; returns the warning or null.</summary>
    public string? CheckFreshness()
    {
        var status = ReadStatus();
        string? warning = null;
        if (status.LastError is { } error)
            warning = $"the last backup (at {status.LastAttemptAt:O}) failed: {error}";
        else if (status.LastSucceededAt is not { } at)
            warning = $"no backup has been made yet into {Folder}";
        else if (clock.GetUtcNow() - at > options.WarnAfter)
            warning = $"the last backup is from {at:O}, older than Backup:WarnAfter ({options.WarnAfter})";
        if (warning is not null)
            logger.LogWarning("Backup: {Warning}", warning);
        return warning;
    }

    private void WriteStatus(BackupStatus status)
    {
        Directory.CreateDirectory(Folder);
        var file = Path.Combine(Folder, StatusFile);
        File.WriteAllText(file + ".tmp", JsonSerializer.Serialize(status, BackupArchive.Json));
        File.Move(file + ".tmp", file, overwrite: true);
    }
}
