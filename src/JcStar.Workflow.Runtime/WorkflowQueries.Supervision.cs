using JcStar.Workflow.Runtime.Tasks;

namespace JcStar.Workflow.Runtime;

/// <summary>What managers see of their colleagues' work: every open task, or one colleague's, beyond their own inbox.</summary>
public sealed partial class WorkflowQueries
{
    /// <summary>Admins and the managers of the label-issuing body and of the scheme look beyond their own inbox.</summary>
    public static bool MaySuperviseTasks(WorkflowActor actor) =>
        actor.IsAdmin || actor.HasRole("label-issuing-manager") || actor.HasRole("scheme-manager");

    /// <summary>
    /// Open tasks of anyone (<paramref name="colleague"/> null), or the tasks assigned to <paramref name="colleague"/>,
    /// narrowed by the filters of <paramref name="filters"/> (procedure, step, due range, order, page; its identity
    /// criteria are replaced). A manager sees only tasks of the procedures their groups handle and nothing of a
    /// case they declared a conflict of interest with, as the access policy scopes their case list; admins see all.
    /// </summary>
    public async Task<Page<HumanTask>> SupervisedTasksAsync(TaskQuery filters, string? colleague, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        if (!MaySuperviseTasks(actor))
            throw new WorkflowForbiddenException("only admins and managers may look at all open tasks or at a colleague's");
        var query = filters with
        {
            Assignee = string.IsNullOrWhiteSpace(colleague) ? null : colleague.Trim(),
            CandidateUser = null,
            CandidateGroups = [],
            UnassignedCandidatesOnly = false,
        };
        if (actor.IsAdmin)
            return await stores.Tasks.QueryAsync(query, cancellationToken);

        var scope = await access.ScopeAsync(actor, cancellationToken)
            ?? throw new InvalidOperationException("the access policy gave a manager every case");
        var own = await access.InboxAsync(actor, filters.Page, cancellationToken);
        var handled = filters.ProcessIds is null ? scope.ProcessIds.ToList() : scope.ProcessIds.Intersect(filters.ProcessIds, StringComparer.Ordinal).ToList();
        return await stores.Tasks.QueryAsync(query with
        {
            ProcessIds = handled,
            ExcludedInstanceIds = [.. filters.ExcludedInstanceIds.Union(own.ExcludedInstanceIds, StringComparer.Ordinal)],
        }, cancellationToken);
    }
}
