namespace JcStar.Workflow.Server.Tests.Inbox;

/// <summary>The supervised inbox on the embedded default, SQLite.</summary>
public sealed class SupervisedInboxOnSqliteTests(SupervisionServer server) : SupervisedInboxTests(server), IClassFixture<SupervisionServer>;
