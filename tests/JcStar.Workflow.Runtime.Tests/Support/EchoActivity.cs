using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Runtime.Activities;

namespace JcStar.Workflow.Runtime.Tests.Support;

/// <summary>Answers with its inputs plus echoed=true, and counts runs per idempotency key.</summary>
public sealed class EchoActivity : IActivityHandler
{
    public ConcurrentDictionary<string, int> Runs { get; } = new();

    public string Name => "test.echo";

    public Task<ActivityResult> ExecuteAsync(ImmutableDictionary<string, JsonElement> inputs, ActivityContext context, CancellationToken cancellationToken)
    {
        Runs.AddOrUpdate(context.IdempotencyKey, 1, (_, n) => n + 1);
        return Task.FromResult(ActivityResult.Completed(ImmutableDictionary<string, JsonElement>.Empty.Add("echoed", JsonSerializer.SerializeToElement(true))));
    }
}
