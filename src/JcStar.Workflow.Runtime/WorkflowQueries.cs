using JcStar.Workflow.Runtime.Access;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Incidents;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Tasks;

namespace JcStar.Workflow.Runtime;

/// <summary>
/// Reads, every one of them through the <see cref="CaseAccessPolicy"/>: a case or task the caller may not see
/// answers exactly as one that does not exist.
/// </summary>
public sealed partial class WorkflowQueries(WorkflowStores stores, CaseAccessPolicy access, Statistics.IWorkflowStatistics statistics)
{
    /// <summary>What history an applicant or a facility sees of their case: milestones, never who did what inside the office.</summary>
    private static readonly HashSet<string> PartyVisibleActions = new(StringComparer.Ordinal)
    {
        AuditActions.InstanceStarted, AuditActions.InstanceEnded, AuditActions.InstanceCancelled,
    };

    public async Task<Page<HumanTask>> InboxAsync(WorkflowActor actor, PageRequest page, CancellationToken cancellationToken = default) =>
        await stores.Tasks.QueryAsync(await access.InboxAsync(actor, page, cancellationToken), cancellationToken);

    /// <summary>
    /// An inbox query narrowed by the caller (a procedure, a due range, only theirs or only their groups'): it must be
    /// the policy's inbox of the same caller (<see cref="CaseAccessPolicy.InboxAsync"/>), or narrower.
    /// </summary>
    public async Task<Page<HumanTask>> QueryInboxAsync(TaskQuery query, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        RequireNarrower(await access.InboxAsync(actor, query.Page, cancellationToken), query);
        return await stores.Tasks.QueryAsync(query, cancellationToken);
    }

    /// <summary>
    /// The inbox page in one reading of the caller's inbox (<see cref="CaseAccessPolicy.InboxAsync"/>: their
    /// conflicts looked up once, not once for the counts and again for the page): its counts, and the page of it
    /// that <paramref name="narrow"/> asks for, which must be the same inbox or narrower.
    /// </summary>
    public async Task<InboxView> InboxViewAsync(WorkflowActor actor, PageRequest page, Func<TaskQuery, TaskQuery> narrow, CancellationToken cancellationToken = default)
    {
        var own = await access.InboxAsync(actor, page, cancellationToken);
        var (mine, offered) = await CountsOfAsync(own, cancellationToken);
        var query = narrow(own);
        RequireNarrower(own, query);
        return new InboxView(mine, offered, await stores.Tasks.QueryAsync(query, cancellationToken));
    }

    private static void RequireNarrower(TaskQuery own, TaskQuery query)
    {
        var narrower = (query.Assignee is null || query.Assignee == own.Assignee)
            && (query.CandidateUser is null || query.CandidateUser == own.CandidateUser)
            && query.CandidateGroups.All(g => own.CandidateGroups.Contains(g))
            && (query.Assignee is not null || query.CandidateUser is not null || query.CandidateGroups.Count > 0)
            && own.ExcludedInstanceIds.All(query.ExcludedInstanceIds.Contains);
        if (!narrower)
            throw new WorkflowForbiddenException("an inbox query may only narrow the caller's own inbox");
    }

    /// <summary>
    /// Inbox counts above this read as "99+": a clerk acts the same on 150 waiting tasks as on 1,500, and counting
    /// further reads that many index entries on every visit (the overview page has the exact figures).
    /// </summary>
    public const int InboxCountLimit = 99;

    /// <summary>
    /// How many tasks the caller's inbox holds: assigned to them, and offered to their groups unclaimed; each counted
    /// up to <see cref="InboxCountLimit"/> + 1, so a figure above the limit means "more than the limit".
    /// </summary>
    public async Task<(int Mine, int Offered)> InboxCountsAsync(WorkflowActor actor, CancellationToken cancellationToken = default) =>
        await CountsOfAsync(await access.InboxAsync(actor, new PageRequest(), cancellationToken), cancellationToken);

    private async Task<(int Mine, int Offered)> CountsOfAsync(TaskQuery own, CancellationToken cancellationToken)
    {
        var mine = await stores.Tasks.CountAsync(own with { CandidateUser = null, CandidateGroups = [] }, InboxCountLimit + 1, cancellationToken);
        var offered = await stores.Tasks.CountAsync(own with { Assignee = null }, InboxCountLimit + 1, cancellationToken);
        return (mine, offered);
    }

    /// <summary>Any task query; only admins may look beyond their own inbox.</summary>
    public Task<Page<HumanTask>> QueryTasksAsync(TaskQuery query, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        RequireAdmin(actor, "query all tasks");
        return stores.Tasks.QueryAsync(query, cancellationToken);
    }

    public async Task<HumanTask> GetTaskAsync(string taskId, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        // Not entitled answers as not there: no trace of another's case (JSS-01 6.1).
        var task = await stores.Tasks.FindAsync(taskId, cancellationToken);
        return task is not null && await access.MaySeeTaskAsync(actor, task, cancellationToken)
            ? task
            : throw new WorkflowNotFoundException($"task {taskId} does not exist");
    }

    /// <summary>The tasks of a case the caller may see, each only if the caller may see it.</summary>
    public async Task<IReadOnlyList<HumanTask>> CaseTasksAsync(string instanceId, WorkflowActor actor, CancellationToken cancellationToken = default) =>
        await TasksOfAsync(await GetInstanceAsync(instanceId, actor, cancellationToken), actor, cancellationToken);

    /// <summary>
    /// A case, its variables, history, waiting messages and (with <paramref name="withTasks"/>) tasks, as the
    /// single-purpose queries below answer them, behind one access check: a page reads a case once, and the case's
    /// readers list shows one read.
    /// </summary>
    public async Task<CaseRecord> CaseRecordAsync(string instanceId, WorkflowActor actor, bool withTasks, CancellationToken cancellationToken = default)
    {
        var instance = await GetInstanceAsync(instanceId, actor, cancellationToken);
        var state = Engine.InstanceStateSerializer.Deserialize(instance.StateJson);
        return new CaseRecord(
            instance,
            VariablesOf(state),
            await HistoryOfAsync(instanceId, actor, cancellationToken),
            WaitingOf(state, actor),
            withTasks ? await TasksOfAsync(instance, actor, cancellationToken) : []);
    }

    private async Task<IReadOnlyList<HumanTask>> TasksOfAsync(WorkflowInstance instance, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var tasks = await stores.Tasks.QueryAsync(new TaskQuery { InstanceId = instance.Id, Status = null, Page = new PageRequest(1, PageRequest.MaxSize) }, cancellationToken);
        return await access.VisibleTasksOfCaseAsync(actor, instance.Id, tasks.Items, cancellationToken);
    }

    public Task<WorkflowInstance> GetInstanceAsync(string instanceId, WorkflowActor actor, CancellationToken cancellationToken = default) =>
        access.RequireCaseAsync(stores.Instances, instanceId, actor, cancellationToken);

    /// <summary>The cases the caller may see that match the query.</summary>
    public async Task<Page<WorkflowInstance>> QueryInstancesAsync(InstanceQuery query, WorkflowActor actor, CancellationToken cancellationToken = default) =>
        await stores.Instances.QueryAsync(query with { Scope = await access.ScopeAsync(actor, cancellationToken) }, cancellationToken);

    /// <summary>A case's history: all of it for staff and admins, its milestones without actors or details for its applicant and facility.</summary>
    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync(string instanceId, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        await GetInstanceAsync(instanceId, actor, cancellationToken);
        return await HistoryOfAsync(instanceId, actor, cancellationToken);
    }

    private async Task<IReadOnlyList<AuditEntry>> HistoryOfAsync(string instanceId, WorkflowActor actor, CancellationToken cancellationToken)
    {
        // Who read the case is kept apart from what happened in it (see CaseReadsAsync).
        var entries = (await stores.Audit.ListByInstanceAsync(instanceId, cancellationToken)).Where(e => e.Action != AuditActions.CaseRead).ToList();
        if (actor.IsAdmin || actor.Groups.Any(CaseAccessPolicy.IsStaffGroup))
            return entries;
        return [.. entries.Where(e => PartyVisibleActions.Contains(e.Action)).Select(e => e with { Actor = "", DataJson = null, ElementId = null })];
    }

    /// <summary>The case's variables (its top scope), for those who may see the case; what a page shows of them is the page's choice.</summary>
    public async Task<IReadOnlyDictionary<string, System.Text.Json.JsonElement>> CaseVariablesAsync(string instanceId, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        var instance = await GetInstanceAsync(instanceId, actor, cancellationToken);
        return VariablesOf(Engine.InstanceStateSerializer.Deserialize(instance.StateJson));
    }

    /// <summary>
    /// The variables of several cases in one read (a page's cases, not one query per row), of those the caller may
    /// see; a case the caller may not see, or that does not exist, is absent from the answer.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, System.Text.Json.JsonElement>>> CasesVariablesAsync(
        IReadOnlyCollection<string> instanceIds, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        if (instanceIds.Count == 0)
            return new Dictionary<string, IReadOnlyDictionary<string, System.Text.Json.JsonElement>>();
        var ids = instanceIds.Distinct(StringComparer.Ordinal).ToList();
        var found = await QueryInstancesAsync(new InstanceQuery(Page: new PageRequest(1, Math.Min(ids.Count, PageRequest.MaxSize)), InstanceIds: ids), actor, cancellationToken);
        return found.Items.ToDictionary(i => i.Id, i => VariablesOf(Engine.InstanceStateSerializer.Deserialize(i.StateJson)), StringComparer.Ordinal);
    }

    private static IReadOnlyDictionary<string, System.Text.Json.JsonElement> VariablesOf(Engine.InstanceState state) =>
        state.Elements.FirstOrDefault(e => e.Parent == 0)?.Variables ?? System.Collections.Immutable.ImmutableDictionary<string, System.Text.Json.JsonElement>.Empty;

    /// <summary>What the case waits to receive from outside, for staff who may record it.</summary>
    public async Task<IReadOnlyList<WaitingMessage>> WaitingMessagesAsync(string instanceId, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        var instance = await GetInstanceAsync(instanceId, actor, cancellationToken);
        if (!actor.IsAdmin && !actor.Groups.Any(CaseAccessPolicy.IsStaffGroup))
            return [];
        return WaitingOf(Engine.InstanceStateSerializer.Deserialize(instance.StateJson), actor);
    }

    private static IReadOnlyList<WaitingMessage> WaitingOf(Engine.InstanceState state, WorkflowActor actor) =>
        !actor.IsAdmin && !actor.Groups.Any(CaseAccessPolicy.IsStaffGroup)
            ? []
            : [.. state.Subscriptions.Where(s => s.Kind == Engine.SubscriptionKind.Message).Select(s => new WaitingMessage(s.ElementId, s.Name, s.CorrelationKey))];

    /// <summary>Who among staff and admins read the case, and when (JSS-01 6.1); admins only.</summary>
    public async Task<IReadOnlyList<AuditEntry>> CaseReadsAsync(string instanceId, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        RequireAdmin(actor, "see who read a case");
        await GetInstanceAsync(instanceId, actor, cancellationToken);
        return [.. (await stores.Audit.ListByInstanceAsync(instanceId, cancellationToken)).Where(e => e.Action == AuditActions.CaseRead)];
    }

    /// <summary>The workload overview: admins and managers (it counts every case, so it names none).</summary>
    public Task<Statistics.WorkloadOverview> OverviewAsync(WorkflowActor actor, DateTimeOffset now, DateTimeOffset recentSince, DateTimeOffset monthStart, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdmin && !actor.Roles.Any(r => r is "label-issuing-manager" or "scheme-manager"))
            throw new WorkflowForbiddenException("only admins and managers see the workload overview");
        return statistics.OverviewAsync(now, recentSince, monthStart, cancellationToken);
    }

    public Task<Page<Incident>> OpenIncidentsAsync(string? instanceId, PageRequest page, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        RequireAdmin(actor, "see incidents");
        return stores.Incidents.QueryOpenAsync(instanceId, page, cancellationToken);
    }

    public Task<IReadOnlyList<DeployedDefinition>> DefinitionsAsync(CancellationToken cancellationToken = default) =>
        stores.Definitions.ListLatestAsync(cancellationToken);

    public Task<IReadOnlyList<DeployedDefinition>> DefinitionVersionsAsync(string processId, CancellationToken cancellationToken = default) =>
        stores.Definitions.ListVersionsAsync(processId, cancellationToken);

    /// <summary>Running (waiting) cases per definition id, for the procedures pages (scheme managers and admins: it names no case).</summary>
    public Task<IReadOnlyDictionary<string, int>> RunningByDefinitionAsync(WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdmin && !actor.Roles.Contains("scheme-manager"))
            throw new WorkflowForbiddenException("only admins and scheme managers see the procedures");
        return statistics.RunningByDefinitionAsync(cancellationToken);
    }

    private static void RequireAdmin(WorkflowActor actor, string what)
    {
        if (!actor.IsAdmin)
            throw new WorkflowForbiddenException($"only admins may {what}");
    }
}
