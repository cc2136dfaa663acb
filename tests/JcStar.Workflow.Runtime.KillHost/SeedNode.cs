using JcStar.Workflow.Persistence.Hosting;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Hosting;
using JcStar.Workflow.Runtime.InMemory;
using JcStar.Workflow.Runtime.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Runtime.KillHost;

public static class SeedNode
{
    /// <summary>
    /// Deploys the Kill process and starts JC-0..JC-(count-1) whose wake-ups go nowhere (recorded in memory,
    /// then dropped): only a sweep can find their jobs.
    /// </summary>
    public static async Task SeedAsync(Action<DbContextOptionsBuilder> database, int count)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => NodeSetup.Logging(l, new ErrorLog()));
        services.AddSingleton<InMemoryWorkQueue>();
        services.AddSingleton<IJobDispatcher>(sp => sp.GetRequiredService<InMemoryWorkQueue>());
        services.AddSingleton<ITimerScheduler>(sp => sp.GetRequiredService<InMemoryWorkQueue>());
        services.AddWorkflowEfStores(database);
        services.AddWorkflowRuntime();
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DefinitionDeployment>().DeployAsync(KillProcess.Xml, "kill.bpmn", WorkflowActor.System);
        var runtime = provider.GetRequiredService<WorkflowRuntime>();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
            await runtime.StartAsync("Kill", $"JC-{i}", null, WorkflowActor.System, ct));
    }
}
