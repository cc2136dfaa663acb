namespace JcStar.Workflow.Persistence.Rows;

/// <summary>
/// One candidate user or group of a task. <see cref="IsOpen"/> and <see cref="DueAt"/> are copied
/// from the task so "open tasks of group G by due date" is one range of one index.
/// </summary>
public sealed class TaskCandidateRow
{
    public const int UserKind = 1;
    public const int GroupKind = 2;

    public string TaskId { get; set; } = "";
    public int Kind { get; set; }
    public string Name { get; set; } = "";
    public bool IsOpen { get; set; }
    public DateTimeOffset? DueAt { get; set; }
}
