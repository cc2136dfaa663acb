using Hangfire;
using JcStar.Workflow.Hangfire.Jobs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace JcStar.Workflow.Hangfire.Hosting;

/// <summary>Registers (or updates) the recurring sweep once the host starts; every node does it, Hangfire keeps one.</summary>
public sealed class RecurringSweepRegistration(IRecurringJobManager recurring, IOptions<WorkflowHangfireOptions> options) : IHostedService
{
    public const string JobId = "jcstar-sweep";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<SweepJob>(JobId, j => j.RunAsync(CancellationToken.None), options.Value.SweepCron);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
