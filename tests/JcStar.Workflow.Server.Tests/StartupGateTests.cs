using JcStar.Workflow.Persistence.Hosting;
using JcStar.Workflow.Runtime.Hosting;
using JcStar.Workflow.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace JcStar.Workflow.Server.Tests;

/// <summary>
/// The server listens while the workflow files are still being deployed beside the rest of the start; a request that
/// comes then must wait for the start to finish, not be answered from a half-started server.
/// </summary>
public sealed class StartupGateTests
{
    [Fact]
    public async Task A_request_made_while_start_work_runs_waits_until_the_host_has_started()
    {
        var work = new HeldStartWork();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddHostedService(_ => work);
        await using var app = builder.Build();
        app.Use((context, next) => { arrived.TrySetResult(); return next(context); });
        app.UseStartupGate();
        app.MapGet("/", () => work.Finished ? "after the start work" : "before the start work");

        var starting = app.StartAsync(TestContext.Current.CancellationToken);
        await work.Running.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        // The test server is up (Kestrel's place in the start), the host has not started: the request goes in and waits.
        var client = app.GetTestClient();
        var answer = client.GetStringAsync("/", TestContext.Current.CancellationToken);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.False(answer.IsCompleted, "the request was answered while the start work was still running");

        work.Finish();
        await starting;
        Assert.Equal("after the start work", await answer);
        // Once started, requests pass straight through.
        Assert.Equal("after the start work", await client.GetStringAsync("/", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_request_made_before_the_database_is_migrated_waits_before_authentication_and_a_failed_migration_fails_it()
    {
        var readiness = new DatabaseReadiness();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton(readiness);
        await using var app = builder.Build();
        var passed = 0;
        app.UseDatabaseGate();
        app.Use((context, next) => { Interlocked.Increment(ref passed); return next(context); });
        app.MapGet("/", () => "answered");
        await app.StartAsync(TestContext.Current.CancellationToken);
        var client = app.GetTestClient();

        var answer = client.GetStringAsync("/", TestContext.Current.CancellationToken);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.False(answer.IsCompleted, "the request was answered before the database was migrated");
        Assert.Equal(0, passed);
        readiness.MarkReady();
        Assert.Equal("answered", await answer);
        Assert.Equal(1, passed);

        var failed = new DatabaseReadiness();
        failed.MarkFailed(new InvalidOperationException("the migration failed"));
        var failing = WebApplication.CreateBuilder();
        failing.WebHost.UseTestServer();
        failing.Services.AddSingleton(failed);
        await using var broken = failing.Build();
        broken.UseDatabaseGate();
        broken.MapGet("/", () => "answered");
        await broken.StartAsync(TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => broken.GetTestClient().GetStringAsync("/", TestContext.Current.CancellationToken));
        Assert.Equal("the migration failed", error.Message);
    }

    [Fact]
    public async Task The_server_starts_right_after_the_node_lock_and_stops_before_every_other_service()
    {
        await using var factory = new WorkflowServerFactory();
        var hosted = factory.Services.GetServices<IHostedService>().ToList();
        var server = Assert.Single(hosted.OfType<ServerStartBeside>());
        var nodeLock = hosted.FindIndex(s => s is SqliteSingleNode);
        Assert.Equal(nodeLock + 1, hosted.IndexOf(server));
        Assert.True(hosted.IndexOf(server) < hosted.FindIndex(s => s is DatabaseMigration));
        Assert.DoesNotContain(hosted, s => s.GetType().FullName is StartOrder.WebHostService or StartOrder.KeyRingLoader);
        Assert.Contains(hosted, s => s is HostedServiceBeside { Inner: var inner } && inner.GetType().FullName == StartOrder.KeyRingLoader);
        // The host stops lifecycle services' StoppingAsync before any StopAsync: the server goes first, as it did when last to start.
        Assert.IsAssignableFrom<IHostedLifecycleService>(server);
    }

    /// <summary>Start work like the workflow files' deployment: begun in StartAsync, finished before the host reports started.</summary>
    private sealed class HeldStartWork : IHostedLifecycleService
    {
        private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Running { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool Finished { get; private set; }

        public void Finish() => release.TrySetResult();

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StartedAsync(CancellationToken cancellationToken)
        {
            Running.TrySetResult();
            await release.Task.WaitAsync(cancellationToken);
            Finished = true;
        }

        public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
