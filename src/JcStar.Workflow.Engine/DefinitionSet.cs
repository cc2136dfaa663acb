using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine;

/// <summary>
/// Processes compiled for execution (indexes built once, expressions pre-parsed). Immutable and
/// shareable between instances and threads.
/// </summary>
public sealed class DefinitionSet
{
    /// <summary>Compiles every executable process of the given models; a process id present twice is an error.</summary>
    public static DefinitionSet From(params BpmnModel[] models) => throw new NotImplementedException("interpreter: being built");
}
