using JcStar.Workflow.Mail;

namespace JcStar.Workflow.Server.Hosting;

/// <summary>
/// Delivers due outbox messages every few seconds. Leases in the outbox keep two nodes (or a second run)
/// from sending one message twice; a failed pass is logged and tried again on the next tick.
/// </summary>
public sealed class MailDispatchService(MailDispatcher dispatcher, IConfiguration configuration, ILogger<MailDispatchService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Mail:DispatchInterval", TimeSpan.FromSeconds(5));
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                var summary = await dispatcher.DispatchDueAsync(stoppingToken);
                if (summary.Sent + summary.Failed + summary.Retrying > 0)
                    logger.LogInformation("Mail: {Sent} sent, {Retrying} to retry, {Failed} failed", summary.Sent, summary.Retrying, summary.Failed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Mail dispatch failed; retrying on the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
