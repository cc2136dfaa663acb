namespace JcStar.Workflow.Runtime.Backups;

/// <summary>
/// Copies the workflow database, the documents store and the Hangfire state, consistently and while
/// the server runs, into a staging folder; every file it leaves there goes into the archive.
/// </summary>
public interface IBackupSource
{
    Task<BackupCapture> CaptureAsync(string stagingFolder, CancellationToken cancellationToken);
}
