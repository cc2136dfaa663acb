namespace JcStar.Workflow.Engine;

/// <summary>A token that reached a joining parallel or inclusive gateway through <see cref="FlowId"/> and waits for the others.</summary>
public sealed record JoinArrival
{
    public int Scope { get; init; }
    public required string GatewayId { get; init; }
    public required string FlowId { get; init; }
}
