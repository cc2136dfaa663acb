using JcStar.Workflow.Testing;

namespace JcStar.Workflow.Server.Tests.Access;

/// <summary>The authorization matrix on PostgreSQL: the policy's scoped queries run as SQL there, not in memory.</summary>
public sealed class PostgresAuthorizationMatrixTests(PostgresMatrixServer server) : IClassFixture<PostgresMatrixServer>
{
    [Fact]
    public async Task Every_endpoint_gives_every_role_its_exact_status_and_never_another_organizations_data_on_PostgreSQL()
    {
        RequiredComponent.SkipOrFailWhenAbsent(server.HasDatabase, "PostgreSQL", "set JCSTAR_TEST_POSTGRES to a connection string");
        await AuthorizationMatrixTests.RunAsync(server);
    }
}
