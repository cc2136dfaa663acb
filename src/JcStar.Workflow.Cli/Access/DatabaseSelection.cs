using System.CommandLine;
using JcStar.Workflow.Persistence;

namespace JcStar.Workflow.Cli.Access;

/// <summary>The <c>--provider</c> and <c>--connection</c> options every command on the workflow database takes.</summary>
public sealed class DatabaseSelection
{
    public Option<DatabaseProvider?> Provider { get; } = new("--provider") { Description = "Sqlite, PostgreSql or SqlServer (default: Database:Provider, else Sqlite)" };

    public Option<string?> Connection { get; } = new("--connection") { Description = "connection string (default: Database:ConnectionString, else ./data/workflow.db)" };

    public T AddTo<T>(T command) where T : Command
    {
        command.Options.Add(Provider);
        command.Options.Add(Connection);
        return command;
    }
}
