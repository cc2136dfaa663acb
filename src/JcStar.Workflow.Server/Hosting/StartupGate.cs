namespace JcStar.Workflow.Server.Hosting;

/// <summary>
/// Holds every request before its endpoint until the host has started. Kestrel binds its addresses while work that
/// requests must not overtake is still running beside it (the workflow files' deployment: <see cref="WorkflowFileDeployment"/>),
/// so a connection made then is accepted, its TLS handshake made, its endpoint matched and its caller authenticated and
/// authorized (all of which need only the migrated database), and it then waits here for
/// <see cref="IHostApplicationLifetime.ApplicationStarted"/> (or its own end). Placed after authorization, so the first
/// request's share of the start overlaps the deployment. Once started, this costs one flag check.
/// </summary>
public static class StartupGate
{
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
