using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace JcStar.Workflow.Runtime.Backups;

/// <summary>
/// The archive format: a zip whose first entry is manifest.json, then every file the source staged,
/// each listed in the manifest with its size and SHA-256. Written under a temporary name and moved into
/// place, so an archive with the final name is always complete.
/// </summary>
public static class BackupArchive
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Captures <paramref name="source"/> into <paramref name="archivePath"/> and returns the manifest written into it.</summary>
    public static async Task<BackupManifest> CreateAsync(IBackupSource source, string archivePath, TimeProvider clock, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(archivePath);
        if (File.Exists(target))
            throw new BackupRejectedException($"{target} already exists; choose a new file name for the backup");
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var staging = Path.Combine(folder, $".{Path.GetFileName(target)}.staging-{Guid.NewGuid():N}");
        var partial = target + ".partial";
        Directory.CreateDirectory(staging);
        try
        {
            var createdAt = clock.GetUtcNow();
            var capture = await source.CaptureAsync(staging, cancellationToken);
            var files = new List<BackupFileEntry>();
            foreach (var file in Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                await using var stream = File.OpenRead(file);
                var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
                files.Add(new BackupFileEntry(Path.GetRelativePath(staging, file).Replace('\\', '/'), stream.Length, hash));
            }
            var manifest = new BackupManifest
            {
                Format = BackupManifest.CurrentFormat,
                ProductVersion = typeof(BackupArchive).Assembly.GetName().Version?.ToString() ?? "0.0.0",
                CreatedAt = createdAt,
                Provider = capture.Provider,
                SchemaMigration = capture.SchemaMigration,
                Counts = capture.Counts,
                Files = files,
                Notes = capture.Notes,
            };
            await using (var output = File.Create(partial))
            await using (var zip = new ZipArchive(output, ZipArchiveMode.Create))
            {
                var entry = zip.CreateEntry(BackupManifest.FileName, CompressionLevel.Optimal);
                await using (var manifestStream = await entry.OpenAsync(cancellationToken))
                    await JsonSerializer.SerializeAsync(manifestStream, manifest, Json, cancellationToken);
                foreach (var file in files)
                {
                    var fileEntry = zip.CreateEntry(file.Path, CompressionLevel.Optimal);
                    await using var to = await fileEntry.OpenAsync(cancellationToken);
                    await using var from = File.OpenRead(Path.Combine(staging, file.Path));
                    await from.CopyToAsync(to, cancellationToken);
                }
            }
            File.Move(partial, target);
            return manifest;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
            File.Delete(partial);
        }
    }

    /// <summary>Reads and checks the manifest only (no file is extracted); refuses what is not a usable archive.</summary>
    public static BackupManifest ReadManifest(string archivePath)
    {
        using var zip = Open(archivePath);
        return ReadManifest(zip, archivePath);
    }

    /// <summary>
    /// Extracts the archive into <paramref name="targetFolder"/>, which must be new or empty, checking every
    /// file's size and SHA-256 against the manifest and the schema against <paramref name="knownMigrations"/>
    /// (the migrations this build can open, oldest first). On any refusal nothing stays in the target.
    /// </summary>
    public static async Task<BackupManifest> ExtractAsync(string archivePath, string targetFolder, IReadOnlyList<string> knownMigrations, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(targetFolder);
        if (File.Exists(target))
            throw new BackupRejectedException($"{target} is a file; restore into a new or empty folder");
        var existed = Directory.Exists(target);
        if (existed && Directory.EnumerateFileSystemEntries(target).Any())
            throw new BackupRejectedException($"{target} is not empty; restore only into a new or empty folder, never over live data");

        using var zip = Open(archivePath);
        var manifest = ReadManifest(zip, archivePath);
        CheckSchema(manifest, knownMigrations, archivePath);
        var listed = manifest.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName != BackupManifest.FileName && !entry.FullName.EndsWith('/') && !listed.ContainsKey(entry.FullName))
                throw new BackupRejectedException($"{archivePath}: entry '{entry.FullName}' is not in the manifest; the archive was altered");
        }

        Directory.CreateDirectory(target);
        try
        {
            foreach (var file in manifest.Files)
            {
                var entry = zip.GetEntry(file.Path)
                    ?? throw new BackupRejectedException($"{archivePath}: '{file.Path}' is listed in the manifest but missing from the archive");
                var destination = Path.GetFullPath(Path.Combine(target, file.Path));
                if (!destination.StartsWith(target + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    throw new BackupRejectedException($"{archivePath}: '{file.Path}' points outside the restore folder");
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                string hash;
                long size;
                try
                {
                    await using var from = await entry.OpenAsync(cancellationToken);
                    await using var to = File.Create(destination);
                    using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                    var buffer = new byte[81920];
                    int read;
                    while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
                    {
                        sha.AppendData(buffer, 0, read);
                        await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    }
                    size = to.Length;
                    hash = Convert.ToHexStringLower(sha.GetHashAndReset());
                }
                catch (InvalidDataException e)
                {
                    throw new BackupRejectedException($"{archivePath}: '{file.Path}' cannot be read ({e.Message}); the archive is corrupted", e);
                }
                if (size != file.Size || hash != file.Sha256)
                    throw new BackupRejectedException($"{archivePath}: '{file.Path}' does not match its checksum (manifest: {file.Size} bytes, SHA-256 {file.Sha256}; archive: {size} bytes, SHA-256 {hash}); the archive is corrupted");
            }
            return manifest;
        }
        catch
        {
            if (existed)
            {
                foreach (var dir in Directory.EnumerateDirectories(target))
                    Directory.Delete(dir, recursive: true);
                foreach (var file in Directory.EnumerateFiles(target))
                    File.Delete(file);
            }
            else
            {
                Directory.Delete(target, recursive: true);
            }
            throw;
        }
    }

    private static ZipArchive Open(string archivePath)
    {
        if (!File.Exists(archivePath))
            throw new BackupRejectedException($"{archivePath} does not exist");
        var stream = File.OpenRead(archivePath);
        try
        {
            return new ZipArchive(stream, ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            stream.Dispose();
            throw new BackupRejectedException($"{archivePath} is truncated or is not a backup archive ({e.Message})", e);
        }
    }

    private static BackupManifest ReadManifest(ZipArchive zip, string archivePath)
    {
        var entry = zip.GetEntry(BackupManifest.FileName)
            ?? throw new BackupRejectedException($"{archivePath} has no {BackupManifest.FileName}; it is not a jcstar backup");
        BackupManifest? manifest;
        try
        {
            using var stream = entry.Open();
            manifest = JsonSerializer.Deserialize<BackupManifest>(stream, Json);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            throw new BackupRejectedException($"{archivePath}: {BackupManifest.FileName} cannot be read ({e.Message}); the archive is corrupted", e);
        }
        if (manifest is null)
            throw new BackupRejectedException($"{archivePath}: {BackupManifest.FileName} is empty");
        if (manifest.Format > BackupManifest.CurrentFormat)
            throw new BackupRejectedException($"{archivePath}: archive format {manifest.Format} is newer than this jcstar reads ({BackupManifest.CurrentFormat}); use the jcstar version {manifest.ProductVersion} or newer");
        return manifest;
    }

    private static void CheckSchema(BackupManifest manifest, IReadOnlyList<string> knownMigrations, string archivePath)
    {
        if (knownMigrations.Contains(manifest.SchemaMigration, StringComparer.Ordinal))
            return;
        var newest = knownMigrations.Count == 0 ? "(none)" : knownMigrations[^1];
        if (knownMigrations.Count == 0 || string.CompareOrdinal(manifest.SchemaMigration, newest) > 0)
            throw new BackupRejectedException(
                $"{archivePath} is from a newer schema (migration {manifest.SchemaMigration}, written by jcstar {manifest.ProductVersion}); this jcstar knows migrations up to {newest}. Restore it with that version of jcstar or a newer one.");
        throw new BackupRejectedException($"{archivePath}: schema migration {manifest.SchemaMigration} is unknown to this jcstar (it knows up to {newest})");
    }
}
