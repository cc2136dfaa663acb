using JcStar.Workflow.Testing;
using Microsoft.AspNetCore.Hosting;

namespace JcStar.Workflow.Server.Tests.Access;

/// <summary>The matrix's server on a PostgreSQL database of its own (skipped without one, unless JCSTAR_REQUIRE_ALL).</summary>
public sealed class PostgresMatrixServer : AuthorizationMatrixTests.MatrixServer
{
    private readonly ScratchDatabase? database;

    public PostgresMatrixServer()
    {
        if (ScratchDatabase.Configured is { } server)
            database = ScratchDatabase.CreateAsync(server, "matrix").GetAwaiter().GetResult();
    }

    public bool HasDatabase => database is not null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (database is null)
            return;
        builder.UseSetting("Database:Provider", "PostgreSql");
        builder.UseSetting("Database:ConnectionString", database.ConnectionString);
        builder.UseSetting("Database:MigrateAtStart", "true");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (database is not null)
            await database.DisposeAsync();
    }
}
