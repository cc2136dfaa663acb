using JcStar.Workflow.Persistence.Hosting;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Hosting;
using JcStar.Workflow.Runtime.InMemory;
using JcStar.Workflow.Runtime.Retention;
using JcStar.Workflow.Runtime.Tests.Support;
using JcStar.Workflow.Scheme.Persistence.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace JcStar.Workflow.Runtime.Tests.Retention;

/// <summary>
/// The runtime on a real database with retention wired as the server wires it. PostgreSQL gets a database of its
/// own ({JCSTAR_TEST_POSTGRES_SCRATCH_PREFIX or jcstar_retention}_{random}), dropped afterwards, so no other suite resets it.
/// </summary>
public sealed class RetentionHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly IAsyncDisposable _database;

    private RetentionHost(ServiceProvider services, IAsyncDisposable database)
    {
        _services = services;
        _database = database;
    }

    public FakeTimeProvider Time => _services.GetRequiredService<FakeTimeProvider>();
    public WorkflowRuntime Runtime => _services.GetRequiredService<WorkflowRuntime>();
    public WorkflowStores Stores => _services.GetRequiredService<WorkflowStores>();
    public CaseRetention Retention => _services.GetRequiredService<CaseRetention>();
    public IServiceProvider Services => _services;

    public static async Task<RetentionHost> CreateAsync(string provider, RetentionOptions options)
    {
        IAsyncDisposable database;
        Action<DbContextOptionsBuilder> configure;
        if (provider == TestDatabase.Sqlite)
        {
            var sqlite = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
            (database, configure) = (sqlite, sqlite.Configure);
        }
        else
        {
            var prefix = Environment.GetEnvironmentVariable("JCSTAR_TEST_POSTGRES_SCRATCH_PREFIX") is { Length: > 0 } p ? p : "jcstar_retention";
            var postgres = await ScratchPostgres.CreateAsync(prefix);
            (database, configure) = (postgres, postgres.Configure);
        }
        var services = new ServiceCollection();
        services.AddLogging();
        var time = new FakeTimeProvider(TestRuntime.T0);
        services.AddSingleton(time);
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<InMemoryWorkQueue>();
        services.AddSingleton<IJobDispatcher>(sp => sp.GetRequiredService<InMemoryWorkQueue>());
        services.AddSingleton<Timers.ITimerScheduler>(sp => sp.GetRequiredService<InMemoryWorkQueue>());
        services.AddWorkflowEfStores(configure).AddSchemeEfStores();
        services.AddSingleton<Access.IActorDirectory, KnownActors>();
        services.AddWorkflowRuntime();
        services.AddSingleton<EchoActivity>();
        services.AddSingleton<IActivityHandler>(sp => sp.GetRequiredService<EchoActivity>());
        services.AddSingleton(options);
        services.AddSingleton<CaseRetention>();
        var host = new RetentionHost(services.BuildServiceProvider(), database);
        var deployment = host._services.GetRequiredService<Definitions.DefinitionDeployment>();
        await deployment.DeployAsync(Processes.Approval(), "approval.bpmn", Actors.Admin);
        await deployment.DeployAsync(Processes.SyncService, "sync-service.bpmn", Actors.Admin);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}
