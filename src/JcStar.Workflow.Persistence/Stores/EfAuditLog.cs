using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Runtime.Audit;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.Stores;

public sealed class EfAuditLog(IDbContextFactory<WorkflowDbContext> factory) : IAuditLog
{
    public async Task<IReadOnlyList<AuditEntry>> ListByInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.AuditLog.AsNoTracking().Where(a => a.InstanceId == instanceId).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.AuditLog.Add(entry.ToRow());
        await db.SaveChangesAsync(cancellationToken);
    }
}
