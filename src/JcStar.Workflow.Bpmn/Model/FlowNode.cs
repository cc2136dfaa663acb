using System.Collections.Immutable;

namespace JcStar.Workflow.Bpmn.Model;

public abstract record FlowNode : FlowElement
{
    /// <summary>Ids of the sequence flows that end here, derived from the flows' sourceRef/targetRef.</summary>
    public ImmutableArray<string> Incoming { get; init; } = [];

    /// <summary>Ids of the sequence flows that start here, in document order.</summary>
    public ImmutableArray<string> Outgoing { get; init; } = [];

    /// <summary>Input parameters (ours, camunda:inputOutput, zeebe:ioMapping), evaluated when the node is entered.</summary>
    public ImmutableArray<IoParameter> Inputs { get; init; } = [];

    /// <summary>Output parameters, evaluated when the node completes.</summary>
    public ImmutableArray<IoParameter> Outputs { get; init; } = [];
}
