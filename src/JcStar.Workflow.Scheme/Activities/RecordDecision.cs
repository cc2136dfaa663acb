using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Audit;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>
/// scheme.record-decision: who made the decision just taken, read from the case's own history (the person who
/// completed the decision task, input <c>task</c>; never what a form says). Outputs it as <c>decisionMadeBy</c>
/// (or the name in input <c>variable</c>; input <c>alsoAs</c> names a second, e.g. <c>revokedBy</c>), with <c>decisionMadeOn</c>, and appends
/// <c>{task, by, on, outcome}</c> to the case's <c>decisions[]</c> (input <c>outcome</c>: what was decided).
/// </summary>
public sealed class RecordDecision(SchemeServices scheme, IAuditLog audit) : IActivityHandler
{
    public const string ActivityName = "scheme.record-decision";

    public string Name => ActivityName;

    public async Task<ActivityResult> ExecuteAsync(ImmutableDictionary<string, JsonElement> inputs, ActivityContext context, CancellationToken cancellationToken)
    {
        if (scheme.Ledger.Find(context.IdempotencyKey) is { } replay)
            return ActivityResult.Completed(replay);
        var read = new ActivityInputs(Name, inputs);
        var task = read.String("task");
        var variable = read.OptionalString("variable") ?? "decisionMadeBy";
        var history = await audit.ListByInstanceAsync(context.InstanceId, cancellationToken);
        var completed = history.LastOrDefault(e => e.Action == AuditActions.TaskCompleted && e.ElementId == task)
            ?? throw new ActivityInputException($"{Name}: case {context.InstanceId} has no completed task '{task}' in its history; input 'task' must name the decision task that precedes {context.ElementId}");
        var on = scheme.Today(completed.At);
        var decisions = read.Find("decisions") is { ValueKind: JsonValueKind.Array } list ? list.EnumerateArray().Select(e => e.Clone()).ToList() : [];
        decisions.Add(JsonSerializer.SerializeToElement(new Dictionary<string, object?>
        {
            ["task"] = task,
            ["by"] = completed.Actor,
            ["on"] = on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["outcome"] = read.Find("outcome"),
            ["system"] = completed.Actor == WorkflowActor.System.Id,
        }));
        var outputs = new ActivityOutputs().Set(variable, completed.Actor);
        if (read.OptionalString("alsoAs") is { Length: > 0 } alias)
            outputs.Set(alias, completed.Actor);
        var built = outputs
            .Date("decisionMadeOn", on)
            .Set("decisions", decisions)
            .Build();
        scheme.Ledger.Record(context.IdempotencyKey, built);
        return ActivityResult.Completed(built);
    }
}
