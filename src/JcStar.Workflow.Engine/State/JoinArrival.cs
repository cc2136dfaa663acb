using System.Text.Json.Serialization;

namespace JcStar.Workflow.Engine;

/// <summary>
/// A token that reached a joining gateway (or an activity with a startQuantity) through <see cref="FlowId"/>
/// and waits for the others.
/// </summary>
public sealed record JoinArrival
{
    public int Scope { get; init; }
    public required string GatewayId { get; init; }
    public required string FlowId { get; init; }

    /// <summary>
    /// A complex gateway has fired with this token, or took it while waiting for reset: it only tells the
    /// gateway which flows have had their token in this round.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Consumed { get; init; }
}
