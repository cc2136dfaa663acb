using System.Collections.Immutable;
using System.Text.Json;

namespace JcStar.Workflow.Runtime.Activities;

/// <summary>
/// Code behind a service, send or business-rule task, bound by <see cref="Name"/> (jc:activity in the
/// model). May run more than once for one job (a crash after the work but before the commit), so
/// outside effects must be keyed by <see cref="ActivityContext.IdempotencyKey"/>.
/// </summary>
public interface IActivityHandler
{
    string Name { get; }

    Task<ActivityResult> ExecuteAsync(ImmutableDictionary<string, JsonElement> inputs, ActivityContext context, CancellationToken cancellationToken);
}
