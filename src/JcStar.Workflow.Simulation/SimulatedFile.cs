using JcStar.Workflow.Bpmn.Diagnostics;
using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Bpmn.Reading;
using JcStar.Workflow.Bpmn.Validation;
using JcStar.Workflow.Engine.Scripting;

namespace JcStar.Workflow.Simulation;

/// <summary>One BPMN document a simulation deploys: its text, the model read from it and the errors that keep it from running.</summary>
public sealed record SimulatedFile(string Path, string Xml, BpmnModel Model, IReadOnlyList<BpmnDiagnostic> Errors)
{
    /// <param name="path">Where the text came from (a file, or a draft's name): diagnostics and deployment name it.</param>
    public static SimulatedFile Read(string xml, string path, JintExpressionSyntax expressions)
    {
        var read = BpmnReader.Read(xml, path);
        var diagnostics = read.HasErrors ? read.Diagnostics : [.. read.Diagnostics, .. BpmnValidator.Validate(read, expressions)];
        return new SimulatedFile(path, xml, read.Model, [.. diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)]);
    }
}
