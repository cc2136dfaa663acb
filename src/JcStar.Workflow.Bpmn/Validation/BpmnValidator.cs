using System.Collections.Immutable;
using JcStar.Workflow.Bpmn.Diagnostics;
using JcStar.Workflow.Bpmn.Reading;

namespace JcStar.Workflow.Bpmn.Validation;

/// <summary>
/// Decides whether a file can run on our engine. Only executable processes are checked (isExecutable="true",
/// or no attribute in a file with a single process: see <see cref="Model.ProcessDefinition.IsExecutable"/>).
/// What the engine does not run is refused here, never ignored at run time.
/// </summary>
public static class BpmnValidator
{
    /// <summary>
    /// The reader's diagnostics followed by the execution rules' diagnostics. When <paramref name="expressions"/>
    /// is null, expressions and scripts are not parsed (only where they stand is known here). <paramref name="options"/>
    /// carries the host's limits (the shortest timer cycle); null means the defaults.
    /// </summary>
    public static ImmutableArray<BpmnDiagnostic> Validate(BpmnReadResult read, IExpressionSyntax? expressions = null, BpmnValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        var diagnostics = ImmutableArray.CreateBuilder<BpmnDiagnostic>();
        diagnostics.AddRange(read.Diagnostics);
        if (read.Document is not null)
            diagnostics.AddRange(new ExecutionRules(read, expressions, options ?? BpmnValidationOptions.Default).Check());
        return diagnostics.ToImmutable();
    }
}
