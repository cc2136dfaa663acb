using System.Collections.Immutable;
using System.Text.Json;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>
/// What a scheme activity already answered for an idempotency key. An activity that runs twice for one
/// job (a crash after its work, before the workflow committed) answers the same and changes nothing more.
/// </summary>
public interface IActivityLedger
{
    ImmutableDictionary<string, JsonElement>? Find(string idempotencyKey);
    void Record(string idempotencyKey, ImmutableDictionary<string, JsonElement> outputs);
}
