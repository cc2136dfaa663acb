namespace JcStar.Workflow.Bpmn.Diagnostics;

/// <summary>
/// One problem found in a BPMN file. <see cref="ToString"/> is the CLI's contract:
/// <c>file:line: element-id: message</c> (line 0 and id "-" when unknown).
/// </summary>
public sealed record BpmnDiagnostic(
    string Source,
    int Line,
    string? ElementId,
    string Code,
    string Message,
    DiagnosticSeverity Severity = DiagnosticSeverity.Error)
{
    public override string ToString() => $"{Source}:{Line}: {ElementId ?? "-"}: {Message}";
}
