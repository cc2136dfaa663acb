using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Runtime.Activities;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.Stores;

public sealed class EfJobStore(IDbContextFactory<WorkflowDbContext> factory) : IJobStore
{
    private const int Pending = (int)JobStatus.Pending;

    public async Task<ActivityJob?> FindAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return (await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken))?.ToRecord();
    }

    public async Task<bool> TryLeaseAsync(string jobId, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var at = now.ToUniversalTime();
        var until = leaseUntil.ToUniversalTime();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // One conditional UPDATE: the database decides which node wins.
        var taken = await db.Jobs
            .Where(j => j.Id == jobId && j.Status == Pending && (j.LeaseUntil == null || j.LeaseUntil <= at))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseOwner, owner).SetProperty(j => j.LeaseUntil, until).SetProperty(j => j.Attempts, j => j.Attempts + 1), cancellationToken);
        return taken == 1;
    }

    public async Task<bool> RenewLeaseAsync(string jobId, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var until = leaseUntil.ToUniversalTime();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var renewed = await db.Jobs
            .Where(j => j.Id == jobId && j.Status == Pending && j.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, until), cancellationToken);
        return renewed == 1;
    }

    public async Task<bool> ReleaseForRetryAsync(string jobId, string owner, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken)
    {
        var next = nextAttemptAt.ToUniversalTime();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var released = await db.Jobs
            .Where(j => j.Id == jobId && j.Status == Pending && j.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(j => j.NextAttemptAt, next).SetProperty(j => j.LastError, error), cancellationToken);
        return released == 1;
    }

    public async Task FinishAsync(string jobId, JobStatus status, DateTimeOffset at, string? error, CancellationToken cancellationToken)
    {
        var finished = at.ToUniversalTime();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Jobs.Where(j => j.Id == jobId && j.Status == Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, (int)status).SetProperty(j => j.FinishedAt, finished)
                .SetProperty(j => j.LastError, j => error ?? j.LastError)
                .SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
    }

    public async Task<IReadOnlyList<ActivityJob>> FindRunnableAsync(DateTimeOffset dueBy, DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var by = dueBy.ToUniversalTime();
        var at = now.ToUniversalTime();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Jobs.AsNoTracking()
            .Where(j => j.Status == Pending && j.NextAttemptAt <= by && (j.LeaseUntil == null || j.LeaseUntil <= at))
            .OrderBy(j => j.NextAttemptAt).Take(max).ToListAsync(cancellationToken);
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task<IReadOnlyList<ActivityJob>> ListByInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Jobs.AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.CreatedAt).ToListAsync(cancellationToken);
        return rows.Select(r => r.ToRecord()).ToList();
    }
}
