using JcStar.Workflow.Persistence.Hosting;

namespace JcStar.Workflow.Server.Hosting;

/// <summary>
/// The server listens from early in the start (<see cref="ServerStartBeside"/>: right after the SQLite node lock, beside
/// the migration and every service after it), so a connection made while the start runs is accepted, its TLS handshake
/// made and its endpoint matched (routing builds its table of every endpoint at the first request) beside the rest of the
/// start. Its request then waits twice: before authentication until the database is migrated
/// (<see cref="UseDatabaseGate"/>; the caller's token and cookie are checked against it), and before its endpoint until the
/// host has started (<see cref="UseStartupGate"/>: the workflow files deployed, the first administrator made, and
/// the other work that runs beside the start, <see cref="Runtime.Hosting.StartWorkBeside"/>). Once started, each costs one check.
/// </summary>
public static class StartupGate
{
    /// <summary>Holds a request until the database is migrated (placed before authentication); a failed migration fails it.</summary>
    public static WebApplication UseDatabaseGate(this WebApplication app)
    {
        var readiness = app.Services.GetRequiredService<DatabaseReadiness>();
        app.Use(async (context, next) =>
        {
            var ready = readiness.Ready;
            if (!ready.IsCompletedSuccessfully)
                await ready.WaitAsync(context.RequestAborted);
            await next(context);
        });
        return app;
    }

    /// <summary>Holds a request before its endpoint until the host has started (placed after authorization).</summary>
    public static WebApplication UseStartupGate(this WebApplication app)
    {
        var started = app.Lifetime.ApplicationStarted;
        app.Use(async (context, next) =>
        {
            if (!started.IsCancellationRequested)
                await WhenStartedAsync(started, context.RequestAborted);
            await next(context);
        });
        return app;
    }

    private static async Task WhenStartedAsync(CancellationToken started, CancellationToken requestAborted)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (started.Register(() => signal.TrySetResult()))
            await signal.Task.WaitAsync(requestAborted);
    }
}

/// <summary>
/// ASP.NET Core's web host service (the server: Kestrel binding its addresses, the request pipeline built) moved from the
/// end of the start to its beginning, right after the SQLite node lock (<see cref="StartOrder"/>), and started on another
/// thread beside the rest:
/// requests are held by <see cref="StartupGate"/> until what they need is ready. The host still reports started only after
/// the server listens (a server that cannot bind still stops the start), and the server still stops before every other
/// service (in <see cref="StoppingAsync"/>), as it did when it was the last to start.
/// </summary>
public sealed class ServerStartBeside(IHostedService server) : IHostedLifecycleService
{
    private Task? running;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        running = Task.Run(() => server.StartAsync(cancellationToken), cancellationToken);
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => running ?? Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        if (running is null)
            return;
        try
        {
            await running;
        }
        catch
        {
            // It did not start; stopping it still releases what it took.
        }
        await server.StopAsync(cancellationToken);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
