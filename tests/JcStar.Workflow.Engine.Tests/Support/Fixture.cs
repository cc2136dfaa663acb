using JcStar.Workflow.Bpmn.Diagnostics;
using JcStar.Workflow.Bpmn.Reading;
using JcStar.Workflow.Bpmn.Validation;
using JcStar.Workflow.Engine.Scripting;
using Xunit;

namespace JcStar.Workflow.Engine.Tests;

/// <summary>Small .bpmn files under Fixtures/, read and validated as a deployment would, then compiled.</summary>
public static class Fixture
{
    public static string Xml(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static IReadOnlyList<BpmnDiagnostic> Diagnostics(string name) => DiagnosticsOfXml(Xml(name), name);

    /// <summary>Validates a fixture changed by the test (an element removed or an attribute altered).</summary>
    public static IReadOnlyList<BpmnDiagnostic> DiagnosticsOfXml(string xml, string name) =>
        BpmnValidator.Validate(BpmnReader.Read(xml, name), new JintExpressionSyntax());

    /// <summary>The file's processes, compiled; fails the test when validation reports an error.</summary>
    public static DefinitionSet Load(string name)
    {
        var read = BpmnReader.Read(Xml(name), name);
        var errors = BpmnValidator.Validate(read, new JintExpressionSyntax()).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return DefinitionSet.From(read.Model);
    }
}
