using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime.Access;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Instances;

namespace JcStar.Workflow.Runtime.Tasks;

/// <summary>What people do with human tasks: complete, claim, give back, hand on, comment.</summary>
public sealed class TaskCommands(
    InstanceCommandExecutor executor,
    WorkflowStores stores,
    IEnumerable<ITaskFormValidator> formValidators,
    CaseAccessPolicy access,
    IActorDirectory directory,
    JobRunner jobs)
{
    private readonly ITaskFormValidator[] _formValidators = [.. formValidators];

    private TimeProvider Time => executor.Time;

    /// <summary>
    /// Completes the task with the submitted form. Exactly one of several racing completions wins;
    /// the others get <see cref="WorkflowConflictException"/>.
    /// </summary>
    public async Task<HumanTask> CompleteTaskAsync(
        string taskId,
        ImmutableDictionary<string, JsonElement>? formData,
        WorkflowActor actor,
        CancellationToken cancellationToken = default)
    {
        var form = formData ?? ImmutableDictionary<string, JsonElement>.Empty;
        var validated = false;
        var commit = await executor.RetryOnConflictAsync(async () =>
        {
            var task = await RequireOpenTaskAsync(taskId, actor, cancellationToken);
            if (!task.MayBeCompletedBy(actor))
                throw Forbidden(task, actor, "complete");
            if (!validated)
            {
                await ValidateFormAsync(task, form, cancellationToken);
                validated = true;
            }
            var instance = await executor.RequireRunningAsync(task.InstanceId, cancellationToken);
            return await InstanceCommandExecutor.Translate(() => executor.ExecuteAsync(
                instance,
                new CompleteUserTask(task.EngineTaskId, form, actor.Id),
                actor,
                (plan, _) =>
                {
                    plan.PutExisting(task);
                    plan.CompletedFormJson = JsonSerializer.Serialize(form);
                    return Task.CompletedTask;
                },
                cancellationToken));
        });
        await jobs.FollowUpAsync(commit, cancellationToken);
        return commit.Tasks.Single(t => t.Id == taskId);
    }

    /// <summary>Takes a task offered to the actor (or to their group) so it leaves the others' inboxes.</summary>
    public Task<HumanTask> ClaimTaskAsync(string taskId, WorkflowActor actor, CancellationToken cancellationToken = default) =>
        ChangeTaskAsync(taskId, actor, AuditActions.TaskClaimed, task =>
        {
            if (!task.IsCandidate(actor) && !actor.IsAdmin && task.Assignee != actor.Id)
                throw Forbidden(task, actor, "claim");
            if (task.Assignee is { } holder && holder != actor.Id)
                throw new WorkflowConflictException(ConflictReason.AlreadyClaimed, $"task {task.Id} is already claimed by {holder}");
            return task with { Assignee = actor.Id, ClaimedAt = Time.GetUtcNow(), ClaimedBy = actor.Id };
        }, cancellationToken);

    /// <summary>Gives a claimed task back to its candidates.</summary>
    public Task<HumanTask> UnclaimTaskAsync(string taskId, WorkflowActor actor, CancellationToken cancellationToken = default) =>
        ChangeTaskAsync(taskId, actor, AuditActions.TaskUnclaimed, task =>
        {
            if (task.Assignee != actor.Id && !actor.IsAdmin)
                throw Forbidden(task, actor, "unclaim");
            return task with { Assignee = null, ClaimedAt = null, ClaimedBy = null };
        }, cancellationToken);

    /// <summary>
    /// Hands the task to <paramref name="assignee"/>; the current assignee or an admin may, and only to someone
    /// entitled to it: a candidate (or member of a candidate group) with no declared conflict with the case.
    /// </summary>
    public async Task<HumanTask> ReassignTaskAsync(string taskId, string assignee, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(assignee))
            throw new WorkflowInputException("the new assignee is missing", new Dictionary<string, string[]> { ["assignee"] = ["required"] });
        var target = await directory.FindAsync(assignee, cancellationToken)
            ?? throw new WorkflowInputException($"{assignee} is not a known, active user", new Dictionary<string, string[]> { ["assignee"] = [$"{assignee} is not a known, active user"] });
        var current = await RequireOpenTaskAsync(taskId, actor, cancellationToken);
        var problems = await access.ReassignmentProblemsAsync(current, target, cancellationToken);
        if (problems.Count > 0)
            throw new WorkflowInputException($"task {taskId} cannot be given to {assignee}", new Dictionary<string, string[]> { ["assignee"] = [.. problems] });
        return await ChangeTaskAsync(taskId, actor, AuditActions.TaskReassigned, task =>
        {
            if (task.Assignee != actor.Id && !actor.IsAdmin)
                throw Forbidden(task, actor, "reassign");
            return task with { Assignee = assignee, ClaimedAt = Time.GetUtcNow(), ClaimedBy = actor.Id };
        }, cancellationToken);
    }

    /// <summary>The longest internal comment a task takes.</summary>
    public const int MaxCommentLength = 4000;

    /// <summary>
    /// An internal comment on a task, by someone who may see the task; kept in the case's history, where staff see it
    /// and the applicant never does.
    /// </summary>
    public async Task CommentAsync(string taskId, string text, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        var trimmed = text.Trim();
        var problem = trimmed.Length == 0 ? "a comment needs some text"
            : trimmed.Length > MaxCommentLength ? $"at most {MaxCommentLength} characters (has {trimmed.Length})"
            : trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) ? "must not contain control characters"
            : null;
        if (problem is not null)
            throw new WorkflowInputException("the comment was not added", new Dictionary<string, string[]> { ["comment"] = [problem] });
        var task = await stores.Tasks.FindAsync(taskId, cancellationToken);
        if (task is null || !await access.MaySeeTaskAsync(actor, task, cancellationToken) || !(actor.IsAdmin || actor.Groups.Any(CaseAccessPolicy.IsStaffGroup)))
            throw new WorkflowNotFoundException($"task {taskId} does not exist");
        await stores.Audit.AppendAsync(new AuditEntry
        {
            At = Time.GetUtcNow(),
            Actor = actor.Id,
            Action = AuditActions.TaskCommented,
            InstanceId = task.InstanceId,
            ElementId = task.ElementId,
            DataJson = JsonSerializer.Serialize(new { taskId, text = trimmed }),
        }, cancellationToken);
    }

    private async Task<HumanTask> ChangeTaskAsync(string taskId, WorkflowActor actor, string action, Func<HumanTask, HumanTask> change, CancellationToken ct)
    {
        var commit = await executor.RetryOnConflictAsync(async () =>
        {
            var instanceId = (await RequireOpenTaskAsync(taskId, actor, ct)).InstanceId;
            var instance = await executor.RequireRunningAsync(instanceId, ct);
            // The task is read (again) after its instance: a completion another node committed since is then
            // in the version this commit expects, so the change cannot write an Open copy over Completed.
            var task = await RequireOpenTaskAsync(taskId, actor, ct);
            var changed = change(task);
            return await executor.CommitWithoutEngineAsync(instance, actor, (plan, _) =>
            {
                plan.PutExisting(changed);
                plan.Audit(action, task.ElementId, new { taskId, from = task.Assignee, to = changed.Assignee });
                return Task.CompletedTask;
            }, ct);
        });
        return commit.Tasks.Single();
    }

    /// <summary>
    /// A task the caller may not see answers exactly as a task that does not exist (JSS-01 6.1: no trace of a
    /// case reaches someone not entitled to it); only then is its status told.
    /// </summary>
    private async Task<HumanTask> RequireOpenTaskAsync(string taskId, WorkflowActor actor, CancellationToken ct)
    {
        var task = await stores.Tasks.FindAsync(taskId, ct);
        if (task is null || !await access.MaySeeTaskAsync(actor, task, ct))
            throw new WorkflowNotFoundException($"task {taskId} does not exist");
        if (task.Status != HumanTaskStatus.Open)
            throw new WorkflowConflictException(ConflictReason.NoLongerPending, $"task {taskId} is {task.Status.ToString().ToLowerInvariant()}");
        return task;
    }

    private async Task ValidateFormAsync(HumanTask task, ImmutableDictionary<string, JsonElement> form, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var validator in _formValidators)
        {
            var result = await validator.ValidateAsync(task, form, ct);
            foreach (var (field, messages) in result.Errors)
                errors[field] = errors.TryGetValue(field, out var known) ? [.. known, .. messages] : messages;
        }
        if (errors.Count > 0)
            throw new WorkflowInputException($"the form of task {task.Id} is not valid", errors);
    }

    private static WorkflowForbiddenException Forbidden(HumanTask task, WorkflowActor actor, string what) =>
        new($"{actor.Id} may not {what} task {task.Id}");
}
