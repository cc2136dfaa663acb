using Microsoft.Extensions.Hosting;

namespace JcStar.Workflow.Runtime.Hosting;

/// <summary>
/// A hosted service whose start work runs on another thread beside the rest of the start (the services registered after
/// it, Kestrel binding its addresses), and which the host awaits before it reports started: nothing waiting for
/// <see cref="IHostApplicationLifetime.ApplicationStarted"/> (the server's requests, held by its StartupGate) comes before
/// the work has finished, and work that throws still stops the start. For work that no service after it needs during its
/// own start. <see cref="RunAsync"/> gets the provider, for work that may resolve its services there (none that reach
/// Hangfire's process-wide logger: see the Hangfire registrations).
/// </summary>
public abstract class StartWorkBeside(IServiceProvider services) : IHostedLifecycleService
{
    private Task running = Task.CompletedTask;

    protected abstract Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        running = Task.Run(() => RunAsync(services, cancellationToken), cancellationToken);
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => running;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Another hosted service (one a library registers) whose start runs beside the rest of the start as
/// <see cref="StartWorkBeside"/>'s work does: begun in StartAsync on another thread, awaited before the host reports started.
/// </summary>
public sealed class HostedServiceBeside(IHostedService inner) : IHostedLifecycleService
{
    private Task running = Task.CompletedTask;

    public IHostedService Inner => inner;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        running = Task.Run(() => inner.StartAsync(cancellationToken), cancellationToken);
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => running;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => inner.StopAsync(cancellationToken);

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
