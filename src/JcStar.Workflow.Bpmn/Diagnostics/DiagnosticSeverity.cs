namespace JcStar.Workflow.Bpmn.Diagnostics;

public enum DiagnosticSeverity
{
    Error,
    Warning,
}
