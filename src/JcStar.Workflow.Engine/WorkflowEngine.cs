namespace JcStar.Workflow.Engine;

/// <summary>
/// The pure BPMN interpreter: (definitions, state, command, now) → (state', effects).
/// It performs no I/O and reads no clock; the same inputs always give the same outputs.
/// Thread-safe: one instance may serve many threads.
/// </summary>
public sealed class WorkflowEngine(EngineOptions? options = null)
{
    public EngineOptions Options { get; } = options ?? EngineOptions.Default;

    /// <param name="definitions">The compiled processes the instance may run (its own and those its call activities call).</param>
    /// <param name="state">The instance's state; null only with <see cref="StartInstance"/>.</param>
    /// <exception cref="WorkflowCommandException">The command does not apply; nothing changed.</exception>
    public EngineResult Execute(DefinitionSet definitions, InstanceState? state, EngineCommand command, DateTimeOffset now)
        => throw new NotImplementedException("interpreter: being built");
}
