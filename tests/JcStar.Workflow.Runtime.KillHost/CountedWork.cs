using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Runtime.Activities;

namespace JcStar.Workflow.Runtime.KillHost;

/// <summary>An async activity whose outside effect is a line in a file: the test counts runs per idempotency key.</summary>
public sealed class CountedWork(string effectsFile) : IActivityHandler
{
    private readonly Lock _gate = new();

    public string Name => "kill.work";

    public async Task<ActivityResult> ExecuteAsync(ImmutableDictionary<string, JsonElement> inputs, ActivityContext context, CancellationToken cancellationToken)
    {
        await Task.Delay(20, cancellationToken);
        lock (_gate)
            File.AppendAllText(effectsFile, context.IdempotencyKey + "\n");
        return ActivityResult.Completed();
    }
}
