using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Runtime.Activities;

namespace JcStar.Workflow.Runtime.Tests.Support;

/// <summary>Throws until <see cref="FailuresLeft"/> reaches zero, then completes.</summary>
public sealed class FlakyActivity : IActivityHandler
{
    private int _failuresLeft;

    public int FailuresLeft { get => _failuresLeft; set => _failuresLeft = value; }

    public int Runs { get; private set; }

    public string Name => "test.flaky";

    public Task<ActivityResult> ExecuteAsync(ImmutableDictionary<string, JsonElement> inputs, ActivityContext context, CancellationToken cancellationToken)
    {
        Runs++;
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            throw new InvalidOperationException($"flaky failure at attempt {context.Attempt}");
        return Task.FromResult(ActivityResult.Completed());
    }
}
