using JcStar.Workflow.Persistence.Hosting;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Hosting;
using JcStar.Workflow.Runtime.InMemory;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Runtime.Tests.Support;
using JcStar.Workflow.Runtime.Timers;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace JcStar.Workflow.Runtime.Tests;

/// <summary>
/// Two nodes (two runtimes with their own connection pools, caches and node ids) on one PostgreSQL
/// database race for the same work.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class TwoNodeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_nodes_racing_to_complete_the_same_2000_tasks_complete_each_exactly_once_and_the_losers_get_conflicts()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.PostgreSql);
        await using var nodeA = Node(database, "node-a");
        await using var nodeB = Node(database, "node-b");
        await nodeA.GetRequiredService<DefinitionDeployment>().DeployAsync(Processes.Approval(), "approval.bpmn", Actors.Admin, Ct);
        const int count = 2000;
        var starter = nodeA.GetRequiredService<WorkflowRuntime>();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct }, async (i, ct) =>
            await starter.StartAsync("Approval", $"JC-{i}", null, Actors.Admin, ct));
        var taskIds = new List<string>();
        for (var page = 1; ; page++)
        {
            var batch = await nodeA.GetRequiredService<ITaskStore>().QueryAsync(new TaskQuery { Page = new PageRequest(page, PageRequest.MaxSize) }, Ct);
            taskIds.AddRange(batch.Items.Select(t => t.Id));
            if (!batch.HasMore)
                break;
        }
        Assert.Equal(count, taskIds.Count);

        var completions = 0;
        var conflicts = 0;
        async Task Race(IServiceProvider node, IEnumerable<string> order)
        {
            var runtime = node.GetRequiredService<WorkflowRuntime>();
            foreach (var taskId in order)
            {
                try
                {
                    await runtime.CompleteTaskAsync(taskId, null, Actors.Reviewer, Ct);
                    Interlocked.Increment(ref completions);
                }
                catch (WorkflowConflictException)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        }
        // Several workers per node over the same list so every task is fought over at the same moment.
        await Task.WhenAll(Enumerable.Range(0, 4).SelectMany(w => new[]
        {
            Task.Run(() => Race(nodeA, taskIds.Where((_, i) => i % 4 == w)), Ct),
            Task.Run(() => Race(nodeB, taskIds.Where((_, i) => i % 4 == w)), Ct),
        }));

        Assert.Equal(count, completions);
        Assert.Equal(count, conflicts);
        var audit = nodeB.GetRequiredService<IAuditLog>();
        foreach (var taskId in taskIds.Take(200))
        {
            var history = await audit.ListByInstanceAsync(taskId[..taskId.IndexOf('.')], Ct);
            Assert.Single(history, e => e.Action == AuditActions.TaskCompleted);
            Assert.Single(history, e => e.Action == AuditActions.InstanceEnded);
        }
        Assert.Empty((await nodeB.GetRequiredService<ITaskStore>().QueryAsync(new TaskQuery(), Ct)).Items);
    }

    private static ServiceProvider Node(TestDatabase database, string nodeId)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<InMemoryWorkQueue>();
        services.AddSingleton<IJobDispatcher>(sp => sp.GetRequiredService<InMemoryWorkQueue>());
        services.AddSingleton<ITimerScheduler>(sp => sp.GetRequiredService<InMemoryWorkQueue>());
        services.AddWorkflowEfStores(database.Configure);
        services.AddWorkflowRuntime(o => o.NodeId = nodeId);
        return services.BuildServiceProvider();
    }
}
