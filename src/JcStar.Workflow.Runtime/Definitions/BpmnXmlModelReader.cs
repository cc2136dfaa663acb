using JcStar.Workflow.Bpmn.Reading;
using JcStar.Workflow.Bpmn.Validation;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Engine.Scripting;

namespace JcStar.Workflow.Runtime.Definitions;

/// <summary>The BPMN reader plus the execution rules, with expressions checked by the engine's own parser.</summary>
public sealed class BpmnXmlModelReader(EngineOptions? engine = null) : IBpmnModelReader
{
    private static readonly JintExpressionSyntax Expressions = new();
    private readonly BpmnValidationOptions limits = new() { MinimumTimerCycle = (engine ?? EngineOptions.Default).MinimumTimerCycle };

    public BpmnReadOutcome Read(string xml, string sourceName)
    {
        var read = BpmnReader.Read(xml, sourceName);
        var diagnostics = BpmnValidator.Validate(read, Expressions, limits);
        return new BpmnReadOutcome(read.Document is null ? null : read.Model, diagnostics);
    }

    public BpmnReadOutcome ReadStored(string xml, string sourceName)
    {
        var read = BpmnReader.Read(xml, sourceName);
        var diagnostics = BpmnValidator.Validate(read, expressions: null, limits);
        return new BpmnReadOutcome(read.Document is null ? null : read.Model, diagnostics);
    }
}
