using Xunit;

namespace JcStar.Workflow.Engine.Tests;

/// <summary>
/// Runs a scenario twice: straight through, and with the state serialized to JSON and restored
/// after every command. Both must give the same effects and the same final state.
/// </summary>
public static class Scenario
{
    public static InstanceRun Run(DefinitionSet definitions, Action<InstanceRun> steps, EngineOptions? options = null)
    {
        var straight = new InstanceRun(definitions, restoreAfterEveryCommand: false, options);
        steps(straight);
        var restored = new InstanceRun(definitions, restoreAfterEveryCommand: true, options);
        steps(restored);
        Assert.Equal(straight.Log, restored.Log);
        Assert.Equal(InstanceStateSerializer.Serialize(straight.State!), InstanceStateSerializer.Serialize(restored.State!));
        return straight;
    }
}
