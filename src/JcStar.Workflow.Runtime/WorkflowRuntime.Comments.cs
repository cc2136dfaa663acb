using System.Text.Json;
using JcStar.Workflow.Runtime.Access;
using JcStar.Workflow.Runtime.Audit;

namespace JcStar.Workflow.Runtime;

public sealed partial class WorkflowRuntime
{
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
}
