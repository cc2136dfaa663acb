using JcStar.Workflow.Persistence;
using JcStar.Workflow.Testing;
using Npgsql;
using Xunit;

namespace JcStar.Workflow.Cli.Tests.Access;

/// <summary>
/// The same commands on the PostgreSQL database JCSTAR_TEST_POSTGRES names, emptied before each test and created
/// with <c>jcstar db migrate</c>, as an operator would (PostgreSQL is not migrated by the commands themselves).
/// </summary>
public sealed class PostgreSqlRegisterCommandsTests : RegisterCommandsContract
{
    private static readonly string? Configured = Environment.GetEnvironmentVariable("JCSTAR_TEST_POSTGRES");

    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    protected override string ConnectionString => Configured!;

    public override async ValueTask InitializeAsync()
    {
        RequiredComponent.SkipOrFailWhenAbsent(!string.IsNullOrWhiteSpace(Configured), "PostgreSQL", "set JCSTAR_TEST_POSTGRES to a connection string of a database the tests may empty");
        await using (var connection = new NpgsqlConnection(Configured))
        {
            await connection.OpenAsync();
            await using var reset = new NpgsqlCommand("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;", connection);
            await reset.ExecuteNonQueryAsync();
        }
        NpgsqlConnection.ClearAllPools();
        var migrate = await Jcstar("db", "migrate");
        Assert.True(migrate.Exit == 0, migrate.Error);
        Assert.StartsWith("applied ", migrate.LastLine);
    }
}
