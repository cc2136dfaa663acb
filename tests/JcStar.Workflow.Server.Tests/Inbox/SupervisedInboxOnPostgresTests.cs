using JcStar.Workflow.Testing;

namespace JcStar.Workflow.Server.Tests.Inbox;

/// <summary>The supervised inbox on PostgreSQL, where the step filter and the priority order run as its SQL.</summary>
public sealed class SupervisedInboxOnPostgresTests(PostgresSupervisionServer server) : SupervisedInboxTests(server), IClassFixture<PostgresSupervisionServer>
{
    protected override void SkipUnlessAvailable() =>
        RequiredComponent.SkipOrFailWhenAbsent(server.HasDatabase, "PostgreSQL", "set JCSTAR_TEST_POSTGRES to a connection string");
}
