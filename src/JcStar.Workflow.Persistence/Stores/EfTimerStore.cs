using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Runtime.Timers;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.Stores;

public sealed class EfTimerStore(IDbContextFactory<WorkflowDbContext> factory) : ITimerStore
{
    public async Task<TimerRecord?> FindAsync(string timerId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return (await db.Timers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == timerId, cancellationToken))?.ToRecord();
    }

    public async Task<IReadOnlyList<TimerRecord>> FindDueAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken)
    {
        var by = dueBy.ToUniversalTime();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Timers.AsNoTracking().Where(t => t.Status == (int)TimerStatus.Pending && t.DueAt <= by)
            .OrderBy(t => t.DueAt).Take(max).ToListAsync(cancellationToken);
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task<IReadOnlyList<TimerRecord>> ListByInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Timers.AsNoTracking().Where(t => t.InstanceId == instanceId).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);
        return rows.Select(r => r.ToRecord()).ToList();
    }
}
