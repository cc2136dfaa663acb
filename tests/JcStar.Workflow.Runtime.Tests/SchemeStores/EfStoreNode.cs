using JcStar.Workflow.Persistence.Hosting;
using JcStar.Workflow.Runtime.Tests.Support;
using JcStar.Workflow.Scheme.Persistence.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Runtime.Tests.SchemeStores;

/// <summary>
/// One server's view of a test database: its own DbContext factory (its own connection pool) and the
/// EF scheme and outbox stores, as the server registers them. Two nodes on one PostgreSQL database stand for
/// two servers. On SQLite they are two service providers in one process sharing its writer queue: SQLite
/// serves one server process (a second one refuses to start, see SqliteSingleNodeTests), so there the
/// "two nodes" tests check the stores' own guarantees (transactions, unique indexes) under concurrent
/// callers, not two servers; two server processes race in TwoNodeTests, on PostgreSQL.
/// </summary>
public sealed class EfStoreNode : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public EfStoreNode(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddWorkflowEfStores(database.Configure).AddSchemeEfStores();
        _services = services.BuildServiceProvider();
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
