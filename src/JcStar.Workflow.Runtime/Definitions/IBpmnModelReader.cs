namespace JcStar.Workflow.Runtime.Definitions;

/// <summary>
/// BPMN XML to model. A seam rather than a direct call so the runtime's tests can hand it models built
/// in code, and so the reader's own result type does not leak into every use case.
/// </summary>
public interface IBpmnModelReader
{
    BpmnReadOutcome Read(string xml, string sourceName);

    /// <summary>
    /// The XML of a version that was stored after it validated, so its expressions parsed then: read and checked as
    /// <see cref="Read"/> does, except that its expressions are not parsed again. The first expression parsed in a process
    /// costs the script engine's first use (over half a second of CPU); a start that finds every file unchanged, or a page
    /// that lists a procedure's steps, needs none.
    /// </summary>
    BpmnReadOutcome ReadStored(string xml, string sourceName);
}
