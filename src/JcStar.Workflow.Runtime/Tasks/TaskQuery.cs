namespace JcStar.Workflow.Runtime.Tasks;

/// <summary>
/// An inbox query. The identity criteria are alternatives (a task matches when it is assigned to
/// <see cref="Assignee"/>, OR lists <see cref="CandidateUser"/>, OR one of <see cref="CandidateGroups"/>);
/// when none is given every task matches (admin view). The other criteria must all hold.
/// Sorted by <see cref="Order"/>: due date (tasks without one last) or priority, then creation.
/// </summary>
public sealed record TaskQuery
{
    public string? Assignee { get; init; }
    public string? CandidateUser { get; init; }
    public IReadOnlyList<string> CandidateGroups { get; init; } = [];

    /// <summary>Candidate matches count only while nobody has claimed the task.</summary>
    public bool UnassignedCandidatesOnly { get; init; }
    public HumanTaskStatus? Status { get; init; } = HumanTaskStatus.Open;
    public string? InstanceId { get; init; }
    public string? BusinessKey { get; init; }

    /// <summary>Only tasks of this process.</summary>
    public string? ProcessId { get; init; }

    /// <summary>Only tasks of these processes (a manager's view: the procedures their groups handle); null for any.</summary>
    public IReadOnlyList<string>? ProcessIds { get; init; }

    /// <summary>Only tasks at this step (the user task's element id in the diagram).</summary>
    public string? ElementId { get; init; }

    public TaskOrder Order { get; init; } = TaskOrder.Due;

    /// <summary>Only tasks due at or after / before this moment (undated tasks match neither bound).</summary>
    public DateTimeOffset? DueFrom { get; init; }
    public DateTimeOffset? DueBefore { get; init; }
    public PageRequest Page { get; init; } = new();

    /// <summary>Cases whose tasks must not be returned (a person's declared conflicts of interest).</summary>
    public IReadOnlyList<string> ExcludedInstanceIds { get; init; } = [];

    /// <summary>What a staff member sees: assigned to them, or offered to them or their groups and not yet claimed.</summary>
    public static TaskQuery InboxOf(WorkflowActor actor, PageRequest page) => new()
    {
        Assignee = actor.Id,
        CandidateUser = actor.Id,
        CandidateGroups = actor.Groups,
        UnassignedCandidatesOnly = true,
        Page = page,
    };
}
