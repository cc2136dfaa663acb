using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit;

namespace JcStar.Workflow.Cli.Tests.Access;

/// <summary>A fresh SQLite file in a temporary folder per test: each command migrates it first, as on a fresh clone.</summary>
public sealed class SqliteRegisterCommandsTests : RegisterCommandsContract
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"jcstar-cli-{Guid.NewGuid():N}");

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string ConnectionString => SqliteWorkflowDatabase.ConnectionStringFor(Path.Combine(_folder, "workflow.db"));

    public override ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return ValueTask.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task The_first_command_on_a_database_that_does_not_exist_yet_creates_and_migrates_it()
    {
        Assert.False(File.Exists(Path.Combine(_folder, "workflow.db")));

        var run = await Jcstar("orgs", "list");

        Assert.Equal(0, run.Exit);
        Assert.True(File.Exists(Path.Combine(_folder, "workflow.db")));
        Assert.Equal("up to date", (await Jcstar("db", "migrate")).LastLine);
    }
}
