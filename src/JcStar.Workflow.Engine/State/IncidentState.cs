namespace JcStar.Workflow.Engine;

public sealed record IncidentState
{
    public int Id { get; init; }
    public int ElementInstance { get; init; }
    public required string ElementId { get; init; }
    public required string Message { get; init; }
}
