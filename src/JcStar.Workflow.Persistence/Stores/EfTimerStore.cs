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

    public async Task<IReadOnlyList<TimerRecord>> ListStartTimersAsync(string processId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Timers.AsNoTracking().Where(t => t.ProcessId == processId && t.DefinitionId != null)
            .OrderBy(t => t.DueAt).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task<StartTimerChange> ReplaceStartTimersAsync(string processId, string definitionId, IReadOnlyList<TimerRecord> timers, CancellationToken cancellationToken)
    {
        // Two nodes deploying the same file insert the same timer ids: the loser's insert fails, it looks again and finds them.
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var others = await db.Timers
                .Where(t => t.ProcessId == processId && t.DefinitionId != null && t.DefinitionId != definitionId && t.Status == (int)TimerStatus.Pending)
                .ToListAsync(cancellationToken);
            foreach (var row in others)
                row.Status = (int)TimerStatus.Cancelled;
            var armedBefore = await db.Timers.AnyAsync(t => t.DefinitionId == definitionId, cancellationToken);
            var armed = armedBefore ? [] : timers;
            db.Timers.AddRange(armed.Select(t => t.ToRow()));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                continue;
            }
            return new StartTimerChange(armed, others.Select(r => r.ToRecord()).ToList());
        }
    }
}
