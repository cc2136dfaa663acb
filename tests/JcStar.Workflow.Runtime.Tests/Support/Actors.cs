namespace JcStar.Workflow.Runtime.Tests.Support;

public static class Actors
{
    public static WorkflowActor Admin { get; } = new("admin", [], IsAdmin: true);
    public static WorkflowActor Reviewer { get; } = new("rei", ["reviewers"]);
    public static WorkflowActor OtherReviewer { get; } = new("ren", ["reviewers"]);
    public static WorkflowActor Outsider { get; } = new("oscar", ["sales"]);
}
