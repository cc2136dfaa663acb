using JcStar.Workflow.Testing;

namespace JcStar.Workflow.Server.Tests.Inbox;

/// <summary>The supervision server on a PostgreSQL database of its own (skipped without one, unless JCSTAR_REQUIRE_ALL).</summary>
public sealed class PostgresSupervisionServer : SupervisionServer
{
    private readonly ScratchDatabase? database;

    public PostgresSupervisionServer()
    {
        if (ScratchDatabase.Configured is { } server)
            database = ScratchDatabase.CreateAsync(server, "supervision").GetAwaiter().GetResult();
    }

    public bool HasDatabase => database is not null;

    protected override ScratchDatabase? Database => database;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (database is not null)
            await database.DisposeAsync();
    }
}
