using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Runtime.Activities;

namespace JcStar.Workflow.Simulation;

/// <summary>
/// Stands in, during simulation only, for an activity no module provides (a diagram from another
/// tool, a service not written yet): it completes at once with no outputs, so the flow can be followed.
/// </summary>
public sealed class PassThroughActivity(string name) : IActivityHandler
{
    public string Name { get; } = name;

    public Task<ActivityResult> ExecuteAsync(ImmutableDictionary<string, JsonElement> inputs, ActivityContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ActivityResult.Completed());
}
