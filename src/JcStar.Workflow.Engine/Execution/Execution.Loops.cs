using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Engine.Scripting;

namespace JcStar.Workflow.Engine;

/// <summary>Multi-instance and standard loops: the body, its iterations, and when it completes.</summary>
internal sealed partial class Execution
{
    /// <param name="Thrown">The events the multi-instance behavior throws now that the iteration is done.</param>
    private sealed record IterationOutcome(JsonElement Output, bool Continue, IReadOnlyList<EventDefinition> Thrown);

    /// <summary>Starts a multi-instance or standard-loop body (boundary events attach to the body).</summary>
    public void StartLoop(int bodyId, Activity activity, bool first)
    {
        SetWait(bodyId, ElementWait.LoopBody);
        try
        {
            if (first)
                OpenBoundaryEvents(bodyId, activity);
            var body = Get(bodyId);
            if (activity.Loop is MultiInstanceLoopCharacteristics mi)
            {
                ImmutableArray<JsonElement>? items = null;
                int count;
                if (mi.InputCollection is { } collection)
                {
                    var value = Evaluate(body.Parent, collection, ExpressionRole.Code);
                    if (value.ValueKind != JsonValueKind.Array)
                        throw new ScriptFailure($"multi-instance collection '{collection.Text}' is not an array");
                    items = [.. value.EnumerateArray()];
                    count = items.Value.Length;
                }
                else
                {
                    var value = Evaluate(body.Parent, mi.LoopCardinality!, ExpressionRole.Code);
                    if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out count) || count < 0)
                        throw new ScriptFailure($"loop cardinality '{mi.LoopCardinality!.Text}' is not a non-negative integer");
                }
                Replace(body with
                {
                    Items = items,
                    Results = mi.OutputCollection is null ? null : [.. Enumerable.Repeat(JsonValues.Null, count)],
                    Variables = ImmutableDictionary<string, JsonElement>.Empty
                        .Add("nrOfInstances", JsonValues.Number(count))
                        .Add("nrOfCompletedInstances", JsonValues.Number(0))
                        .Add("nrOfActiveInstances", JsonValues.Number(0)),
                });
                if (count == 0)
                    CompleteBody(bodyId);
                else if (mi.IsSequential)
                    StartIteration(bodyId, activity, 1);
                else
                {
                    var started = new List<int>(count);
                    for (var n = 1; n <= count; n++)
                        started.Add(CreateIteration(bodyId, activity, n));
                    foreach (var id in started)
                        work.Enqueue(new Step(StepKind.ExecuteIteration, id, activity));
                }
            }
            else
            {
                var loop = (StandardLoopCharacteristics)activity.Loop!;
                Replace(body with { Variables = ImmutableDictionary<string, JsonElement>.Empty.Add("loopCounter", JsonValues.Number(0)) });
                if (loop.TestBefore && (loop.LoopMaximum is 0 || (loop.LoopCondition is { } c && !IsTrue(bodyId, c))))
                    CompleteBody(bodyId);
                else
                    StartIteration(bodyId, activity, 1);
            }
        }
        catch (ScriptFailure failure)
        {
            if (Find(bodyId) is not null)
                RaiseIncident(bodyId, activity.Id, failure.Message);
        }
    }

    private int CreateIteration(int bodyId, Activity activity, int n)
    {
        var body = Get(bodyId);
        var id = NextId();
        var locals = ImmutableDictionary<string, JsonElement>.Empty;
        if (activity.Loop is MultiInstanceLoopCharacteristics mi)
        {
            locals = locals.Add("loopCounter", JsonValues.Number(n - 1));
            if (mi.InputElement is { } element && body.Items is { } items)
                locals = locals.Add(element, items[n - 1]);
            var active = body.Variables!["nrOfActiveInstances"].GetInt32();
            Replace(body with { Variables = body.Variables.SetItem("nrOfActiveInstances", JsonValues.Number(active + 1)) });
        }
        else
            Replace(body with { Variables = body.Variables!.SetItem("loopCounter", JsonValues.Number(n - 1)) });
        elements.Add(new ElementInstance { Id = id, Parent = bodyId, ElementId = activity.Id, Iteration = n, Variables = locals.IsEmpty ? null : locals });
        return id;
    }

    private void StartIteration(int bodyId, Activity activity, int n) =>
        Execute(CreateIteration(bodyId, activity, n), activity, first: true);

    private IterationOutcome EndIteration(ElementInstance iteration, Activity activity)
    {
        var body = Get(iteration.Parent);
        if (activity.Loop is MultiInstanceLoopCharacteristics mi)
        {
            var output = mi.OutputCollection is null ? JsonValues.Null
                : mi.OutputElement is { } oe ? Evaluate(iteration.Id, oe, ExpressionRole.Code)
                : TryGetVariable(iteration.Id, mi.OutputCollection, out var v) ? v : JsonValues.Null;
            var vars = body.Variables!;
            var completed = vars["nrOfCompletedInstances"].GetInt32() + 1;
            Replace(body with
            {
                Variables = vars.SetItem("nrOfCompletedInstances", JsonValues.Number(completed))
                    .SetItem("nrOfActiveInstances", JsonValues.Number(vars["nrOfActiveInstances"].GetInt32() - 1)),
            });
            var done = completed >= vars["nrOfInstances"].GetInt32()
                || (mi.CompletionCondition is { } cc && IsTrue(iteration.Id, cc));
            return new IterationOutcome(output, !done, BehaviorEvents(iteration.Id, mi, completed));
        }
        var loop = (StandardLoopCharacteristics)activity.Loop!;
        var again = (loop.LoopMaximum is not { } max || iteration.Iteration < max)
            && (loop.LoopCondition is not { } condition || IsTrue(iteration.Id, condition));
        return new IterationOutcome(JsonValues.Null, again, []);
    }

    private void IterationDone(int bodyId, int n, IterationOutcome outcome)
    {
        var body = Get(bodyId);
        var activity = (Activity)NodeOf(body)!;
        if (body.Results is { } results)
            Replace(body with { Results = results.SetItem(n - 1, outcome.Output) });
        foreach (var thrown in outcome.Thrown)
            ThrowImplicit(bodyId, activity, thrown);
        if (Find(bodyId) is null)
            return;
        if (!outcome.Continue)
        {
            CancelChildren(bodyId);
            CompleteBody(bodyId);
            return;
        }
        var sequentialNext = activity.Loop is StandardLoopCharacteristics
            || (activity.Loop is MultiInstanceLoopCharacteristics { IsSequential: true });
        if (sequentialNext)
            work.Enqueue(new Step(StepKind.StartIteration, bodyId, activity, Iteration: n + 1));
    }

    private void CompleteBody(int bodyId)
    {
        var body = Get(bodyId);
        var activity = (Activity)NodeOf(body)!;
        IReadOnlyList<SequenceFlow> flows;
        try
        {
            if (activity.Loop is MultiInstanceLoopCharacteristics { OutputCollection: { } name } && body.Results is { } results)
                SetVariable(body.Parent, name, JsonSerializer.SerializeToElement(results));
            flows = Behaviors.For(activity).Outgoing(this, bodyId, activity);
        }
        catch (ScriptFailure failure)
        {
            RaiseIncident(bodyId, activity.Id, failure.Message);
            return;
        }
        Remove(bodyId);
        Leave(body.Parent, activity, flows);
    }
}
