using System.Text.Json;
using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Engine.Scripting;

namespace JcStar.Workflow.Engine;

/// <summary>
/// The pure BPMN interpreter: (definitions, state, command, now) → (state', effects).
/// It performs no I/O and reads no clock; the same inputs always give the same outputs.
/// Thread-safe: one instance may serve many threads.
/// </summary>
public sealed class WorkflowEngine(EngineOptions? options = null)
{
    private readonly ScriptSandbox sandbox = new(options ?? EngineOptions.Default);

    public EngineOptions Options => sandbox.Options;

    /// <param name="definitions">The compiled processes the instance may run (its own and those its call activities call).</param>
    /// <param name="state">The instance's state; null only with <see cref="StartInstance"/>.</param>
    /// <exception cref="WorkflowCommandException">The command does not apply; nothing changed.</exception>
    public EngineResult Execute(DefinitionSet definitions, InstanceState? state, EngineCommand command, DateTimeOffset now)
    {
        Execution run;
        if (command is StartInstance start)
        {
            if (state is not null)
                throw new WorkflowCommandException(CommandRejection.Invalid, $"instance {state.InstanceId} has already started");
            run = Execution.Start(definitions, sandbox, start, now);
        }
        else
        {
            if (state is null)
                throw new WorkflowCommandException(CommandRejection.Invalid, $"{command.GetType().Name} needs the instance state");
            if (state.Status != InstanceStatus.Waiting)
                throw new WorkflowCommandException(CommandRejection.NoLongerPending, $"instance {state.InstanceId} has ended ({state.Status})");
            run = new Execution(definitions, sandbox, state, now);
            run.Handle(command);
        }
        run.Drain();
        return new EngineResult(run.ToState(), [.. run.Effects]);
    }

    /// <summary>
    /// Whether the condition of a process-level conditional start event holds for <paramref name="variables"/> given
    /// from outside, before any instance exists: the same sandbox and truthiness as a conditional catch event. A
    /// variable the condition reads that is not given makes it not hold (as Camunda 7's evaluateStartConditions,
    /// whose conditions are tried), so one set of variables may be evaluated against every process.
    /// </summary>
    /// <exception cref="ScriptFailure">The condition failed for another reason: it threw, or reached a limit.</exception>
    public bool StartConditionHolds(DefinitionSet definitions, ConditionalEventDefinition condition, IReadOnlyDictionary<string, JsonElement> variables)
    {
        var compiled = definitions.Compile(condition.Condition, ExpressionRole.Condition);
        var given = new GivenVariables(variables);
        return !given.LacksAnyOf(compiled) && sandbox.IsTrue(compiled, given);
    }
}
