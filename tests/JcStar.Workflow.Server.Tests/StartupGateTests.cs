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
