namespace JcStar.Workflow.Persistence.Rows;

public sealed class TaskRow
{
    public string Id { get; set; } = "";
    public string EngineTaskId { get; set; } = "";
    public string InstanceId { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public string ProcessId { get; set; } = "";
    public string? BusinessKey { get; set; }
    public string ElementId { get; set; } = "";
    public string? Name { get; set; }
    public string? Assignee { get; set; }

    /// <summary>JSON arrays for reading the row back; <see cref="TaskCandidateRow"/> is what queries use.</summary>
    public string CandidateUsersJson { get; set; } = "[]";
    public string CandidateGroupsJson { get; set; } = "[]";
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset? FollowUpAt { get; set; }
    public int Priority { get; set; }
    public string? FormKey { get; set; }
    public string? Documentation { get; set; }
    public int Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }
    public string? FormDataJson { get; set; }
}
