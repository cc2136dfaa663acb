using JcStar.Workflow.Runtime.Incidents;
using JcStar.Workflow.Runtime.Mail;
using JcStar.Workflow.Runtime.Statistics;
using JcStar.Workflow.Runtime.Tasks;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.Stores;

/// <summary>The overview's counts grouped by the database; only the recent completions' durations are read, to take their median.</summary>
public sealed class EfWorkflowStatistics(IDbContextFactory<WorkflowDbContext> factory) : IWorkflowStatistics
{
    public async Task<WorkloadOverview> OverviewAsync(DateTimeOffset now, DateTimeOffset recentSince, DateTimeOffset monthStart, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var open = (int)HumanTaskStatus.Open;
        var completed = (int)HumanTaskStatus.Completed;
        var openByStep = await db.Tasks.AsNoTracking().Where(t => t.Status == open)
            .GroupBy(t => new { t.ProcessId, t.ElementId })
            .Select(g => new { g.Key.ProcessId, g.Key.ElementId, Name = g.Max(t => t.Name), Open = g.Count(), Overdue = g.Count(t => t.DueAt < now) })
            .ToListAsync(cancellationToken);
        var recent = await db.Tasks.AsNoTracking().Where(t => t.Status == completed && t.CompletedAt >= recentSince)
            .Select(t => new { t.ProcessId, t.ElementId, t.Name, t.CreatedAt, t.CompletedAt })
            .ToListAsync(cancellationToken);
        var recentByStep = recent.GroupBy(t => (t.ProcessId, t.ElementId)).ToDictionary(g => g.Key, g => g.ToList());
        var keys = openByStep.Select(s => (s.ProcessId, s.ElementId)).Union(recentByStep.Keys).Distinct()
            .OrderBy(k => k.ProcessId, StringComparer.Ordinal).ThenBy(k => k.ElementId, StringComparer.Ordinal);
        var steps = keys.Select(k =>
        {
            var o = openByStep.FirstOrDefault(s => s.ProcessId == k.ProcessId && s.ElementId == k.ElementId);
            var r = recentByStep.GetValueOrDefault(k) ?? [];
            return new StepLoad(k.ProcessId, k.ElementId, o?.Name ?? r.FirstOrDefault()?.Name, o?.Open ?? 0, o?.Overdue ?? 0,
                Median.Of([.. r.Select(t => t.CompletedAt!.Value - t.CreatedAt)]), r.Count);
        }).ToList();
        var openIncident = (int)IncidentStatus.Open;
        var failed = (int)OutboxStatus.Failed;
        return new WorkloadOverview(
            steps,
            await db.Instances.CountAsync(i => i.StartedAt >= monthStart, cancellationToken),
            await db.Instances.CountAsync(i => i.EndedAt >= monthStart, cancellationToken),
            await db.Incidents.CountAsync(i => i.Status == openIncident, cancellationToken),
            await db.MailOutbox.CountAsync(m => m.Status == failed, cancellationToken));
    }

    public async Task<IReadOnlyDictionary<string, int>> RunningByDefinitionAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var waiting = (int)JcStar.Workflow.Engine.InstanceStatus.Waiting;
        return await db.Instances.AsNoTracking().Where(i => i.Status == waiting)
            .GroupBy(i => i.DefinitionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, cancellationToken);
    }
}
