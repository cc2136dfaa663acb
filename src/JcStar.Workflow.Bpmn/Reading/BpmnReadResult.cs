using System.Collections.Immutable;
using JcStar.Workflow.Bpmn.Diagnostics;
using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Bpmn.Tree;

namespace JcStar.Workflow.Bpmn.Reading;

/// <summary>
/// What <see cref="BpmnReader"/> made of one file. <see cref="Document"/> is null only when the
/// text is not well-formed XML; the typed views are then empty. Problems are in <see cref="Diagnostics"/>.
/// </summary>
public sealed record BpmnReadResult
{
    public required string SourceName { get; init; }
    public BpmnDocument? Document { get; init; }
    public BpmnModel Model { get; init; } = new();
    public ImmutableArray<BpmnDiagram> Diagrams { get; init; } = [];
    public ImmutableArray<BpmnDiagnostic> Diagnostics { get; init; } = [];

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
