namespace JcStar.Workflow.Persistence.Backups;

/// <summary>
/// Copies the files of a data folder or documents store into a backup's staging folder. Runs after the
/// database snapshot: the file store writes a document before the commit that references it, so every
/// document the snapshot knows is already on disk (a later, unreferenced one may come along harmlessly).
/// </summary>
public static class DataFolderCopy
{
    private static readonly string[] SqliteSidecars = ["-wal", "-shm", "-journal", ".node-lock"];

    /// <param name="skip">
    /// Full paths of files and folders to leave out (the databases backed up on their own, the backup folder); beside a
    /// skipped database, its sidecars go too: the log, the shared memory, the journal, and the single-node lock the
    /// running server holds (which belongs to that server, not to the data).
    /// </param>
    public static async Task CopyAsync(string from, string to, IReadOnlyCollection<string> skip, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(from))
            return;
        var skipped = skip.Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var full = Path.GetFullPath(file);
            if (skipped.Contains(full) || skipped.Any(s => full.StartsWith(s + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                || SqliteSidecars.Any(s => full.EndsWith(s, StringComparison.Ordinal) && skipped.Contains(full[..^s.Length]))
                || Path.GetFileName(full).Contains(".staging-", StringComparison.Ordinal))
                continue;
            var destination = Path.Combine(to, Path.GetRelativePath(from, full));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            try
            {
                await using var source = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                await using var target = File.Create(destination);
                await source.CopyToAsync(target, cancellationToken);
            }
            catch (FileNotFoundException)
            {
                // A temporary file the store removed between listing and copying: it was never part of the data.
                File.Delete(destination);
            }
        }
    }

    /// <summary>Documents in a file store copy: one <c>.bin</c> per document under its documents/ folder.</summary>
    public static long CountStoredDocuments(string storeCopy) =>
        Directory.Exists(Path.Combine(storeCopy, "documents"))
            ? Directory.EnumerateFiles(Path.Combine(storeCopy, "documents"), "*.bin", SearchOption.AllDirectories).LongCount()
            : 0;
}
