using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Tasks;

namespace JcStar.Workflow.Runtime.Access;

/// <summary>
/// Who may see and touch which case (JSS-01 6.1 confidentiality, 6.2 impartiality), decided here and nowhere
/// else: every query, command, API endpoint and page asks this policy.
/// <list type="bullet">
/// <item>admins (and the system) see every case;</item>
/// <item>members of an applicant organization see that organization's cases;</item>
/// <item>members of an evaluation facility see the cases assigned to their facility;</item>
/// <item>staff see the cases of the procedures their groups handle (<see cref="ProcessHandlers"/>), except the
/// cases of an applicant they declared a conflict of interest with: of those, nothing at all.</item>
/// </list>
/// A case one may not see is reported exactly as a case that does not exist.
/// </summary>
public sealed class CaseAccessPolicy(
    ICasePartyStore parties,
    IConflictOfInterestSource conflicts,
    ProcessHandlers handlers,
    IAuditLog audit,
    TimeProvider time)
{
    /// <summary>Groups that name who someone is, not work they handle: they never open staff access.</summary>
    public static bool IsStaffGroup(string group) =>
        group is not ("applicant" or "facility") && !group.StartsWith("facility-", StringComparison.Ordinal);

    public async Task<bool> MaySeeCaseAsync(WorkflowActor actor, WorkflowInstance instance, CancellationToken ct)
    {
        if (actor.IsAdmin)
            return true;
        var caseParties = await parties.FindAsync(instance.Id, ct);
        if (actor.OrganizationId is { } org && caseParties?.ApplicantOrganizationId == org)
            return true;
        if (actor.FacilityId is { } facility && caseParties?.FacilityId == facility)
            return true;
        var staffGroups = actor.Groups.Where(IsStaffGroup).ToList();
        if (staffGroups.Count == 0 || !(await handlers.GroupsOfAsync(instance.DefinitionId, ct)).Overlaps(staffGroups))
            return false;
        return !await IsConflictedAsync(actor, caseParties, ct);
    }

    /// <summary>The case, or <see cref="WorkflowNotFoundException"/> when it does not exist or the actor may not see it. Reads by staff and admins are audited.</summary>
    public async Task<WorkflowInstance> RequireCaseAsync(IInstanceStore instances, string instanceId, WorkflowActor actor, CancellationToken ct)
    {
        var instance = await instances.FindAsync(instanceId, ct);
        if (instance is null || !await MaySeeCaseAsync(actor, instance, ct))
            throw new WorkflowNotFoundException($"instance {instanceId} does not exist");
        if (!actor.IsSystem && IsStaffOrAdmin(actor))
        {
            await audit.AppendAsync(new AuditEntry
            {
                At = time.GetUtcNow(),
                Actor = actor.Id,
                Action = AuditActions.CaseRead,
                InstanceId = instanceId,
            }, ct);
        }
        return instance;
    }

    /// <summary>
    /// A task's data: its assignee, candidates and admins, and only while the person has no declared conflict
    /// with the case's applicant (then the task does not exist for them).
    /// </summary>
    public async Task<bool> MaySeeTaskAsync(WorkflowActor actor, HumanTask task, CancellationToken ct)
    {
        if (actor.IsAdmin)
            return true;
        if (!task.IsVisibleTo(actor))
            return false;
        return !await IsConflictedAsync(actor, await parties.FindAsync(task.InstanceId, ct), ct);
    }

    /// <summary>
    /// The tasks of one case the actor may see: each as <see cref="MaySeeTaskAsync"/> decides, with the case's
    /// parties and the actor's conflicts read once for all of them.
    /// </summary>
    public async Task<IReadOnlyList<HumanTask>> VisibleTasksOfCaseAsync(WorkflowActor actor, string instanceId, IReadOnlyList<HumanTask> tasks, CancellationToken ct)
    {
        if (tasks.Any(t => t.InstanceId != instanceId))
            throw new ArgumentException($"every task must belong to case {instanceId}", nameof(tasks));
        if (actor.IsAdmin)
            return tasks;
        var visible = tasks.Where(t => t.IsVisibleTo(actor)).ToList();
        if (visible.Count == 0 || await IsConflictedAsync(actor, await parties.FindAsync(instanceId, ct), ct))
            return [];
        return visible;
    }

    /// <summary>Whether <paramref name="userId"/> (a person the task would be handed to) is a candidate of the task and free of conflict with its case.</summary>
    public async Task<IReadOnlyList<string>> ReassignmentProblemsAsync(HumanTask task, WorkflowActor assignee, CancellationToken ct)
    {
        var problems = new List<string>();
        if (!task.IsCandidate(assignee))
            problems.Add($"{assignee.Id} is neither a candidate of this task nor a member of one of its candidate groups ({string.Join(", ", task.CandidateGroups)})");
        if (await IsConflictedAsync(assignee, await parties.FindAsync(task.InstanceId, ct), ct))
            problems.Add($"{assignee.Id} declared a conflict of interest with the applicant of this case");
        return problems;
    }

    /// <summary>The cases a list or search may return to the actor; null means every case.</summary>
    public async Task<CaseScope?> ScopeAsync(WorkflowActor actor, CancellationToken ct)
    {
        if (actor.IsAdmin)
            return null;
        var staffGroups = actor.Groups.Where(IsStaffGroup).ToList();
        var processes = await handlers.ProcessesHandledByAsync(staffGroups, ct);
        IReadOnlySet<string> excluded = processes.IsEmpty ? new HashSet<string>() : await conflicts.ConflictedOrganizationsAsync(actor.Id, actor.FacilityId, ct);
        return new CaseScope
        {
            ApplicantOrganizationId = actor.OrganizationId,
            FacilityId = actor.FacilityId,
            ProcessIds = processes,
            ExcludedApplicants = [.. excluded],
        };
    }

    /// <summary>The inbox of the actor, without the tasks of cases they are conflicted with.</summary>
    public async Task<TaskQuery> InboxAsync(WorkflowActor actor, PageRequest page, CancellationToken ct)
    {
        var query = TaskQuery.InboxOf(actor, page);
        var conflicted = await conflicts.ConflictedOrganizationsAsync(actor.Id, actor.FacilityId, ct);
        if (conflicted.Count == 0)
            return query;
        return query with { ExcludedInstanceIds = [.. await parties.InstancesOfApplicantsAsync([.. conflicted], ct)] };
    }

    private async Task<bool> IsConflictedAsync(WorkflowActor actor, CaseParties? caseParties, CancellationToken ct) =>
        caseParties?.ApplicantOrganizationId is { } applicant
        && (await conflicts.ConflictedOrganizationsAsync(actor.Id, actor.FacilityId, ct)).Contains(applicant);

    private static bool IsStaffOrAdmin(WorkflowActor actor) => actor.IsAdmin || actor.Groups.Any(IsStaffGroup);
}
