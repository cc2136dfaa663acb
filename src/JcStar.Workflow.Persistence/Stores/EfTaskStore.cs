using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Tasks;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.Stores;

public sealed class EfTaskStore(IDbContextFactory<WorkflowDbContext> factory) : ITaskStore
{
    public async Task<HumanTask?> FindAsync(string taskId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return (await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken))?.ToRecord();
    }

    public async Task<Page<HumanTask>> QueryAsync(TaskQuery query, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var tasks = db.Tasks.AsNoTracking();
        if (query.Status is { } status)
            tasks = tasks.Where(t => t.Status == (int)status);
        if (query.InstanceId is not null)
            tasks = tasks.Where(t => t.InstanceId == query.InstanceId);
        if (query.BusinessKey is not null)
            tasks = tasks.Where(t => t.BusinessKey == query.BusinessKey);

        var assignee = query.Assignee;
        var user = query.CandidateUser;
        var groups = query.CandidateGroups.ToList();
        var anyCandidate = user is not null || groups.Count > 0;
        if (assignee is not null || anyCandidate)
        {
            var unassignedOnly = query.UnassignedCandidatesOnly;
            // The candidate table is matched through its (Kind, Name, IsOpen, DueAt) index; the assignee through (Assignee, Status, DueAt).
            var candidates = db.TaskCandidates.Where(c =>
                (user != null && c.Kind == TaskCandidateRow.UserKind && c.Name == user) ||
                (c.Kind == TaskCandidateRow.GroupKind && groups.Contains(c.Name)));
            tasks = tasks.Where(t =>
                (assignee != null && t.Assignee == assignee) ||
                (anyCandidate && (!unassignedOnly || t.Assignee == null) && candidates.Any(c => c.TaskId == t.Id)));
        }

        var rows = await tasks
            .OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .Skip(query.Page.Skip).Take(query.Page.Take + 1)
            .ToListAsync(cancellationToken);
        return query.Page.ToPage(rows.Select(r => r.ToRecord()).ToList());
    }
}
