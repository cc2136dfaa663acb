using System.Buffers.Binary;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit;

namespace JcStar.Workflow.Runtime.Tests;

/// <summary>What the SQLite sessions promise beyond the store contract (which every store test checks on them).</summary>
[Collection(DatabaseCollection.Name)]
public sealed class SqliteSessionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Commits leave their pages in the write-ahead log; with sessions in use a background checkpointer copies them
    /// into the database file, so no commit has to (SQLite's own threshold on session connections is 8,000 pages,
    /// far above this burst). Read from the WAL index's header: frames written (mxFrame) and copied (nBackfill).
    /// </summary>
    [Fact]
    public async Task The_log_is_checkpointed_in_the_background_while_sessions_are_in_use()
    {
        await using var host = await TestRuntime.CreateAsync(TestDatabase.Sqlite);
        var file = new SqliteConnectionStringBuilder(host.Database!.ConnectionString).DataSource;
        for (var i = 0; i < 40; i++)
        {
            await host.Stores.Instances.CommitAsync(new InstanceCommit
            {
                Instance = new WorkflowInstance
                {
                    Id = $"i{i}", DefinitionId = "P:1", ProcessId = "P", DefinitionVersion = 1, BusinessKey = $"JC-{i}",
                    Status = InstanceStatus.Waiting, StateJson = "{}", Version = 1, StartedAt = TestRuntime.T0, UpdatedAt = TestRuntime.T0,
                },
                Audit = [new AuditEntry { At = TestRuntime.T0, Actor = "x", Action = "started", InstanceId = $"i{i}" }],
            }, Ct);
        }

        var (written, copied) = WalIndex(file);
        for (var waited = 0; copied < written && waited < 100; waited++)
        {
            await Task.Delay(100, Ct);
            (written, copied) = WalIndex(file);
        }

        Assert.True(written > 0, "the commits wrote no log frames");
        Assert.Equal(written, copied);
    }

    /// <summary>mxFrame (offset 16 of the first header copy) and nBackfill (offset 96, the checkpoint info after both copies), in the machine's byte order.</summary>
    private static (uint Written, uint Copied) WalIndex(string databaseFile)
    {
        using var shm = new FileStream(databaseFile + "-shm", FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var header = new byte[136];
        shm.ReadExactly(header);
        return BitConverter.IsLittleEndian
            ? (BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(16)), BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(96)))
            : (BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(16)), BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(96)));
    }
}
