using JcStar.Workflow.Persistence.Hosting;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Hosting;
using JcStar.Workflow.Runtime.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace JcStar.Workflow.Runtime.Tests.Support;

/// <summary>The runtime wired as a host wires it, on a chosen store, with a fake clock and recorded wake-ups.</summary>
public sealed class TestRuntime : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly TestDatabase? _database;

    private TestRuntime(ServiceProvider services, TestDatabase? database)
    {
        _services = services;
        _database = database;
    }

    public static readonly DateTimeOffset T0 = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time => _services.GetRequiredService<FakeTimeProvider>();
    public WorkflowRuntime Runtime => _services.GetRequiredService<WorkflowRuntime>();
    public WorkflowQueries Queries => _services.GetRequiredService<WorkflowQueries>();
    public DefinitionDeployment Deployment => _services.GetRequiredService<DefinitionDeployment>();
    public WorkflowStores Stores => _services.GetRequiredService<WorkflowStores>();
    public InMemoryWorkQueue Queue => _services.GetRequiredService<InMemoryWorkQueue>();
    public IServiceProvider Services => _services;

    /// <summary>The database under the stores; null on the in-memory stores.</summary>
    public TestDatabase? Database => _database;

    public static async Task<TestRuntime> CreateAsync(string provider, Action<IServiceCollection>? configure = null, Action<RuntimeOptions>? options = null)
    {
        var database = provider == TestDatabase.InMemory ? null : await TestDatabase.CreateAsync(provider);
        var services = new ServiceCollection();
        services.AddLogging();
        var time = new FakeTimeProvider(T0);
        services.AddSingleton(time);
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<InMemoryWorkQueue>();
        services.AddSingleton<IJobDispatcher>(sp => sp.GetRequiredService<InMemoryWorkQueue>());
        services.AddSingleton<Timers.ITimerScheduler>(sp => sp.GetRequiredService<InMemoryWorkQueue>());
        if (database is null)
            services.AddInMemoryWorkflowStores();
        else
            services.AddWorkflowEfStores(database.Configure);
        services.AddSingleton<JcStar.Workflow.Runtime.Access.IActorDirectory, KnownActors>();
        services.AddWorkflowRuntime(options);
        services.AddSingleton<EchoActivity>();
        services.AddSingleton<IActivityHandler>(sp => sp.GetRequiredService<EchoActivity>());
        services.AddSingleton<FlakyActivity>();
        services.AddSingleton<IActivityHandler>(sp => sp.GetRequiredService<FlakyActivity>());
        configure?.Invoke(services);
        return new TestRuntime(services.BuildServiceProvider(), database);
    }

    /// <summary>For <see cref="CreateAsync"/>'s configure: the runtime sees the stores as <paramref name="decorate"/> wraps them (a race, a crash).</summary>
    public static void DecorateStores(IServiceCollection services, Func<WorkflowStores, WorkflowStores> decorate) =>
        services.AddSingleton(sp => decorate(ActivatorUtilities.CreateInstance<WorkflowStores>(sp)));

    public async Task<string> DeployAsync(string xml, string name = "test.bpmn")
    {
        var result = await Deployment.DeployAsync(xml, name, Actors.Admin);
        return result.Processes.Single().Definition.Id;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
