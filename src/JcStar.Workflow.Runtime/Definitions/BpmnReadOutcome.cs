using System.Collections.Immutable;
using JcStar.Workflow.Bpmn.Diagnostics;
using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Runtime.Definitions;

/// <summary>The model when the XML could be read (possibly with warnings), and every diagnostic found.</summary>
public sealed record BpmnReadOutcome(BpmnModel? Model, ImmutableArray<BpmnDiagnostic> Diagnostics)
{
    public bool HasErrors => Model is null || Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
