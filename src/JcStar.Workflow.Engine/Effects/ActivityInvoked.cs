using System.Collections.Immutable;
using System.Text.Json;

namespace JcStar.Workflow.Engine;

/// <summary>
/// Run the registered activity <see cref="ActivityName"/> with <see cref="Inputs"/> (the element's
/// evaluated input mapping, or all visible variables when it has none), then answer with
/// <see cref="CompleteActivity"/> or <see cref="FailActivity"/> carrying <see cref="JobId"/>.
/// <see cref="JobId"/> is stable for (instance, element, token, loop counter), so it doubles as an idempotency key.
/// </summary>
public sealed record ActivityInvoked(
    string JobId,
    string ElementId,
    string ElementType,
    string ActivityName,
    ImmutableDictionary<string, JsonElement> Inputs,
    bool IsAsync,
    int? Retries) : EngineEffect;
