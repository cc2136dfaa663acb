using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Xunit;

namespace JcStar.Workflow.Backup.Tests;

/// <summary>What a restore refuses, and that it leaves nothing behind when it does.</summary>
public sealed class RestoreRefusalTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("jcstar-refusal-").FullName;

    private string Archive => Path.Combine(_root, "backup.zip");

    private string Target => Path.Combine(_root, "restored");

    public async ValueTask InitializeAsync()
    {
        var data = Directory.CreateDirectory(Path.Combine(_root, "data")).FullName;
        Assert.Equal(0, (await Cli.Db("migrate", "--connection", $"Data Source={Path.Combine(data, "workflow.db")}")).Exit);
        Directory.CreateDirectory(Path.Combine(data, "documents", "documents", "ab"));
        await File.WriteAllTextAsync(Path.Combine(data, "documents", "documents", "ab", "letter-ab.bin"), "a letter", TestContext.Current.CancellationToken);
        var (exit, _, error) = await Cli.Db("backup", "--out", Archive, "--data", data);
        Assert.True(exit == 0, error);
    }

    [Fact]
    public async Task A_sound_archive_restores_into_a_new_folder()
    {
        var (exit, output, error) = await Cli.Db("restore", Archive, "--to", Target);
        Assert.True(exit == 0, error);
        Assert.Contains("counts match the manifest", output);
        Assert.Equal("a letter", await File.ReadAllTextAsync(Path.Combine(Target, "documents", "documents", "ab", "letter-ab.bin"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_restore_into_a_folder_that_holds_anything_is_refused_and_the_folder_is_left_alone()
    {
        Directory.CreateDirectory(Target);
        await File.WriteAllTextAsync(Path.Combine(Target, "workflow.db"), "live data", TestContext.Current.CancellationToken);
        var (exit, _, error) = await Cli.Db("restore", Archive, "--to", Target);
        Assert.Equal(1, exit);
        Assert.Contains("is not empty", error);
        Assert.Equal("live data", await File.ReadAllTextAsync(Path.Combine(Target, "workflow.db"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_truncated_archive_is_refused_as_truncated()
    {
        var bytes = await File.ReadAllBytesAsync(Archive, TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Archive, bytes[..(bytes.Length / 2)], TestContext.Current.CancellationToken);
        var (exit, _, error) = await Cli.Db("restore", Archive, "--to", Target);
        Assert.Equal(1, exit);
        Assert.Contains("is truncated or is not a backup archive", error);
        Assert.False(Directory.Exists(Target));
    }

    [Fact]
    public async Task A_file_whose_bytes_changed_is_refused_naming_the_file_and_its_checksums()
    {
        using (var zip = ZipFile.Open(Archive, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("documents/documents/ab/letter-ab.bin")!;
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("documents/documents/ab/letter-ab.bin").Open());
            writer.Write("a forged letter");
        }
        var (exit, _, error) = await Cli.Db("restore", Archive, "--to", Target);
        Assert.Equal(1, exit);
        Assert.Contains("'documents/documents/ab/letter-ab.bin' does not match its checksum", error);
        Assert.Contains("corrupted", error);
        Assert.False(Directory.Exists(Target));
    }

    [Fact]
    public async Task Damaged_compressed_bytes_are_refused_as_a_corrupted_archive()
    {
        var offset = new FileInfo(Archive).Length / 2;
        await using (var file = File.Open(Archive, FileMode.Open))
        {
            file.Position = offset;
            var buffer = new byte[64];
            await file.ReadExactlyAsync(buffer, TestContext.Current.CancellationToken);
            for (var i = 0; i < buffer.Length; i++)
                buffer[i] ^= 0x5A;
            file.Position = offset;
            await file.WriteAsync(buffer, TestContext.Current.CancellationToken);
        }
        var (exit, _, error) = await Cli.Db("restore", Archive, "--to", Target);
        Assert.Equal(1, exit);
        Assert.Contains("corrupted", error);
        Assert.False(Directory.Exists(Target));
    }

    [Fact]
    public async Task A_backup_from_a_newer_schema_is_refused_with_the_migration_it_needs()
    {
        using (var zip = ZipFile.Open(Archive, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("manifest.json")!;
            JsonObject manifest;
            using (var stream = entry.Open())
                manifest = JsonNode.Parse(stream)!.AsObject();
            manifest["schemaMigration"] = "29991231000000_FromTheFuture";
            entry.Delete();
            using var writer = zip.CreateEntry("manifest.json").Open();
            JsonSerializer.Serialize(writer, manifest);
        }
        var (exit, _, error) = await Cli.Db("restore", Archive, "--to", Target);
        Assert.Equal(1, exit);
        Assert.Contains("is from a newer schema (migration 29991231000000_FromTheFuture", error);
        Assert.False(Directory.Exists(Target));
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
        return ValueTask.CompletedTask;
    }
}
