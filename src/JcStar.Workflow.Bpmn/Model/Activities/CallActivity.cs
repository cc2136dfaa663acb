using System.Collections.Immutable;

namespace JcStar.Workflow.Bpmn.Model;

/// <summary>
/// Calls another process by id (calledElement or zeebe:calledElement processId). The child sees
/// only the variables mapped in; with no in mappings at all it sees none.
/// </summary>
public sealed record CallActivity : Activity
{
    public required string CalledElement { get; init; }
    public ImmutableArray<VariableMapping> InMappings { get; init; } = [];
    public ImmutableArray<VariableMapping> OutMappings { get; init; } = [];

    /// <summary>
    /// When <see cref="CalledElement"/> names a global task (globalTask, globalUserTask, globalScriptTask,
    /// globalManualTask, globalBusinessRuleTask) of the file: that task, under the call activity's id and name, run in its place.
    /// </summary>
    public Activity? GlobalTask { get; init; }
    public override string ElementType => "callActivity";
}
