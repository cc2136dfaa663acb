namespace JcStar.Workflow.Engine;

/// <summary>
/// An element instance that now stands at another element: a user task (<see cref="Wait"/> UserTask) keeps its id,
/// assignee and due date; the host only renames the element it shows.
/// </summary>
public sealed record MigratedElement(string ElementInstanceId, string SourceElementId, string TargetElementId, ElementWait Wait);
