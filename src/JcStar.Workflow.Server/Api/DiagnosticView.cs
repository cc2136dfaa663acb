using JcStar.Workflow.Bpmn.Diagnostics;

namespace JcStar.Workflow.Server.Api;

/// <summary>One finding of the validator (the same as a line of <c>jcstar validate</c>, which <see cref="Text"/> is).</summary>
public sealed record DiagnosticView(string? ElementId, int Line, string Code, string Message, string Severity, string Text)
{
    public static DiagnosticView From(BpmnDiagnostic d) =>
        new(d.ElementId, d.Line, d.Code, d.Message, d.Severity == DiagnosticSeverity.Error ? "error" : "warning",
            d.Severity == DiagnosticSeverity.Error ? d.ToString() : "warning: " + d);
}
