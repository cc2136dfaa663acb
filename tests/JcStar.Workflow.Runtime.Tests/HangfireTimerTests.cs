using System.Diagnostics;
using JcStar.Workflow.Hangfire;
using JcStar.Workflow.Hangfire.Hosting;
using JcStar.Workflow.Persistence.Hosting;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Hosting;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Runtime.Tests.Support;
using JcStar.Workflow.Runtime.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace JcStar.Workflow.Runtime.Tests;

/// <summary>
/// Integration: real clock, real Hangfire server and storage beside the EF stores in one process
/// (on SQLite this also proves Hangfire.Storage.SQLite's sqlite-net and EF's Microsoft.Data.Sqlite
/// coexist). They assert what happens (fired, not before its due time, the path taken), not how fast: waits are
/// bounded generously for a busy machine, and no latency is asserted (a unit test holds no timing threshold).
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class HangfireTimerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task A_boundary_timer_due_in_two_seconds_fires_through_hangfire_not_before_its_due_time(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var host = BuildHost(database, provider);
        await host.StartAsync(Ct);
        try
        {
            var services = host.Services;
            await services.GetRequiredService<DefinitionDeployment>().DeployAsync(Processes.Deadline("PT2S"), "deadline.bpmn", Actors.Admin, Ct);
            var instance = await services.GetRequiredService<WorkflowRuntime>().StartAsync("Deadline", "JC-T", null, Actors.Admin, Ct);
            var timer = (await services.GetRequiredService<ITimerStore>().ListByInstanceAsync(instance.Id, Ct)).Single();

            var fired = await WaitAsync(async () => (await services.GetRequiredService<ITimerStore>().FindAsync(timer.Id, Ct))!.FiredAt, TimeSpan.FromSeconds(60));

            Assert.NotNull(fired);
            var late = fired.Value - timer.DueAt;
            Assert.True(late >= TimeSpan.Zero, $"fired {-late.TotalMilliseconds:F0} ms before its due time");
            var open = await services.GetRequiredService<ITaskStore>().QueryAsync(new TaskQuery { InstanceId = instance.Id }, Ct);
            Assert.Equal("Escalate", open.Items.Single().ElementId);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task A_timer_that_fell_due_while_no_server_ran_fires_once_a_server_starts(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string instanceId;
        using (var down = BuildHost(database, provider, server: false))
        {
            // No Hangfire server and no scheduler wake-up: as if the process died right after the commit.
            await down.Services.GetRequiredService<DefinitionDeployment>().DeployAsync(Processes.Deadline("PT1S"), "deadline.bpmn", Actors.Admin, Ct);
            instanceId = (await down.Services.GetRequiredService<WorkflowRuntime>().StartAsync("Deadline", "JC-D", null, Actors.Admin, Ct)).Id;
        }
        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);

        using var host = BuildHost(database, provider);
        await host.StartAsync(Ct);
        try
        {
            var tasks = host.Services.GetRequiredService<ITaskStore>();
            var escalated = await WaitAsync(async () =>
                (await tasks.QueryAsync(new TaskQuery { InstanceId = instanceId }, Ct)).Items.SingleOrDefault(t => t.ElementId == "Escalate"), TimeSpan.FromSeconds(60));
            Assert.NotNull(escalated);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task A_timer_start_event_armed_at_deployment_starts_one_instance_through_hangfire(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var host = BuildHost(database, provider);
        await host.StartAsync(Ct);
        try
        {
            var services = host.Services;
            await services.GetRequiredService<DefinitionDeployment>().DeployAsync(StartEventTests.Ticker("timeDuration", "PT2S"), "ticker.bpmn", Actors.Admin, Ct);
            var timer = (await services.GetRequiredService<ITimerStore>().ListStartTimersAsync("Ticker", Ct)).Single();

            var fired = await WaitAsync(async () => (await services.GetRequiredService<ITimerStore>().FindAsync(timer.Id, Ct))!.FiredAt, TimeSpan.FromSeconds(60));

            Assert.NotNull(fired);
            var late = fired.Value - timer.DueAt;
            Assert.True(late >= TimeSpan.Zero, $"fired {-late.TotalMilliseconds:F0} ms before its due time");
            var instances = await services.GetRequiredService<Instances.IInstanceStore>().QueryAsync(new Instances.InstanceQuery("Ticker"), Ct);
            Assert.Equal(RuntimeIds.StartedByTimer(timer.Id), instances.Items.Single().Id);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static IHost BuildHost(TestDatabase database, string provider, bool server = true)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddWorkflowEfStores(database.Configure);
        builder.Services.AddWorkflowRuntime();
        var options = new WorkflowHangfireOptions { Server = server, WorkerCount = 4, Dashboard = false };
        if (provider == TestDatabase.Sqlite)
            builder.Services.AddWorkflowHangfire(options, HangfireStorageKind.Sqlite, Path.Combine(Path.GetTempPath(), "jcstar-runtime-tests", $"hangfire-{Guid.NewGuid():N}.db"));
        else
            builder.Services.AddWorkflowHangfire(options, HangfireStorageKind.PostgreSql, database.ConnectionString);
        if (!server)
            builder.Services.AddSingleton<ITimerScheduler, DroppedWakeUps>();
        return builder.Build();
    }

    private static async Task<T?> WaitAsync<T>(Func<Task<T?>> probe, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (await probe() is { } value)
                return value;
            await Task.Delay(50, Ct);
        }
        return default;
    }

    private sealed class DroppedWakeUps : ITimerScheduler
    {
        public Task ScheduleAsync(string timerId, DateTimeOffset dueAt, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
