namespace JcStar.Workflow.Runtime;

/// <summary>
/// The input is wrong field by field (a form, a BPMN file that fails validation, a command the
/// definition rejects). <see cref="Errors"/> maps a field (or element id) to its messages; the API answers 400.
/// </summary>
public sealed class WorkflowInputException(string message, IReadOnlyDictionary<string, string[]> errors) : Exception(message)
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
