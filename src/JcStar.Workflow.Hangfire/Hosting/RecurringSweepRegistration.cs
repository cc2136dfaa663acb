using Hangfire;
using JcStar.Workflow.Hangfire.Jobs;
using JcStar.Workflow.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JcStar.Workflow.Hangfire.Hosting;

/// <summary>
/// Registers (or updates) the recurring sweep once the host starts, beside the rest of the start
/// (<see cref="StartWorkBeside"/>); every node does it, Hangfire keeps one.
/// </summary>
public sealed class RecurringSweepRegistration(IServiceProvider services, IOptions<WorkflowHangfireOptions> options) : StartWorkBeside(services)
{
    public const string JobId = "jcstar-sweep";
    // Resolved with the host's services, as the host builds them: Hangfire's clients in this graph take its process-wide
    // logger, which a test process hosting several servers must not reach from a later thread.
    private readonly IRecurringJobManager recurring = services.GetRequiredService<IRecurringJobManager>();

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<SweepJob>(JobId, j => j.RunAsync(CancellationToken.None), options.Value.SweepCron);
        return Task.CompletedTask;
    }
}
