namespace JcStar.Workflow.Runtime.Definitions;

/// <summary>
/// BPMN XML to model. A seam rather than a direct call so the runtime's tests can hand it models built
/// in code, and so the reader's own result type does not leak into every use case.
/// </summary>
public interface IBpmnModelReader
{
    BpmnReadOutcome Read(string xml, string sourceName);
}
