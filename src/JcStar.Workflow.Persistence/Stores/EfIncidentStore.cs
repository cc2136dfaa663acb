using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Incidents;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.Stores;

public sealed class EfIncidentStore(IDbContextFactory<WorkflowDbContext> factory) : IIncidentStore
{
    public async Task<Incident?> FindAsync(string incidentId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return (await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, cancellationToken))?.ToRecord();
    }

    public async Task<Page<Incident>> QueryOpenAsync(string? instanceId, PageRequest page, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = db.Incidents.AsNoTracking().Where(i => i.Status == (int)IncidentStatus.Open);
        if (instanceId is not null)
            rows = rows.Where(i => i.InstanceId == instanceId);
        var list = await rows.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).Skip(page.Skip).Take(page.Take + 1).ToListAsync(cancellationToken);
        return page.ToPage(list.Select(r => r.ToRecord()).ToList());
    }
}
