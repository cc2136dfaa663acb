using System.Collections.Immutable;
using System.Text.Json;

namespace JcStar.Workflow.Runtime.Activities;

/// <summary>
/// What a handler answers: outputs, or a BPMN error that the model may catch with an error boundary
/// event. A technical failure is an exception instead: the runtime retries it and, after the last
/// retry, raises an incident.
/// </summary>
public sealed record ActivityResult
{
    public ImmutableDictionary<string, JsonElement> Outputs { get; private init; } = ImmutableDictionary<string, JsonElement>.Empty;
    public string? ErrorCode { get; private init; }
    public string? ErrorMessage { get; private init; }

    public bool IsBpmnError => ErrorCode is not null;

    public static ActivityResult Completed(ImmutableDictionary<string, JsonElement>? outputs = null) =>
        new() { Outputs = outputs ?? ImmutableDictionary<string, JsonElement>.Empty };

    public static ActivityResult BpmnError(string errorCode, string message) =>
        new() { ErrorCode = errorCode, ErrorMessage = message };
}
