using System.Collections.Concurrent;
using JcStar.Workflow.Persistence.Hosting;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Hosting;
using JcStar.Workflow.Runtime.InMemory;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Runtime.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Runtime.KillHost;

/// <summary>
/// One node of the two-node race: completes every task in the file, in the file's order, with
/// <c>--workers</c> loops over interleaved shares of it. The other node walks the same list at the same
/// time, so every task is fought over. Reports which tasks this node completed and how every other
/// attempt ended.
/// </summary>
public static class CompleteNode
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var node = args["node"];
        var taskIds = File.ReadAllLines(args["tasks"]).Where(l => l.Length > 0).ToArray();
        var workers = args.Int("workers", 4);
        var errors = new ErrorLog();

        var services = new ServiceCollection();
        services.AddLogging(l => NodeSetup.Logging(l, errors));
        services.AddSingleton<InMemoryWorkQueue>();
        services.AddSingleton<IJobDispatcher>(sp => sp.GetRequiredService<InMemoryWorkQueue>());
        services.AddSingleton<ITimerScheduler>(sp => sp.GetRequiredService<InMemoryWorkQueue>());
        services.AddWorkflowEfStores(NodeSetup.Database(args));
        services.AddWorkflowRuntime(o => o.NodeId = node);
        await using var provider = services.BuildServiceProvider();
        var runtime = provider.GetRequiredService<WorkflowRuntime>();
        // Both nodes complete as members of the task's group; the user id tells the rows apart.
        var actor = new WorkflowActor($"reviewer-{node}", ["reviewers"]);

        // Warm the model and the definition cache so neither node starts the race cold.
        var first = await provider.GetRequiredService<ITaskStore>().FindAsync(taskIds[0], CancellationToken.None)
            ?? throw new InvalidOperationException($"task {taskIds[0]} does not exist");
        await provider.GetRequiredService<DefinitionCatalog>().GetAsync(first.DefinitionId, CancellationToken.None);
        await NodeSetup.WaitForGoAsync();

        var completed = new ConcurrentQueue<string>();
        var conflicts = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentQueue<string>();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            for (var i = w; i < taskIds.Length; i += workers)
            {
                try
                {
                    await runtime.CompleteTaskAsync(taskIds[i], null, actor);
                    completed.Enqueue(taskIds[i]);
                }
                catch (WorkflowConflictException e)
                {
                    conflicts.AddOrUpdate(e.Reason.ToString(), 1, (_, n) => n + 1);
                }
                catch (Exception e)
                {
                    failures.Enqueue($"{taskIds[i]}: {FailureText.Of(e)}");
                }
            }
        })));

        NodeSetup.Report(new
        {
            node,
            completed = completed.ToArray(),
            conflicts,
            failures = failures.ToArray(),
            loggedErrors = errors.Errors.ToArray(),
        });
        return 0;
    }
}
