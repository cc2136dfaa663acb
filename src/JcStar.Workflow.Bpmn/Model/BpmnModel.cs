using System.Collections.Immutable;

namespace JcStar.Workflow.Bpmn.Model;

/// <summary>
/// The typed, immutable view of one BPMN 2.0 <c>definitions</c> document that validation and the
/// engine work on. The lossless XML tree it was read from is kept beside it for writing back.
/// </summary>
public sealed record BpmnModel
{
    public string? Id { get; init; }
    public string? TargetNamespace { get; init; }
    public ImmutableArray<ProcessDefinition> Processes { get; init; } = [];
    public ImmutableArray<MessageDefinition> Messages { get; init; } = [];
    public ImmutableArray<SignalDefinition> Signals { get; init; } = [];
    public ImmutableArray<ErrorDefinition> Errors { get; init; } = [];
    public ImmutableArray<EscalationDefinition> Escalations { get; init; } = [];
}
