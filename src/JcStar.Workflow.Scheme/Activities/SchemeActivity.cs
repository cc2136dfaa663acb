using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Runtime.Activities;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>
/// The shared lifecycle of every scheme activity: replay the recorded answer for a repeated job, read
/// inputs, turn a scheme rule violation into a BPMN error (code = the rule) the model may catch, record
/// the answer. Subclasses only say what the activity does.
/// </summary>
public abstract class SchemeActivity(SchemeServices scheme) : IActivityHandler
{
    public abstract string Name { get; }

    protected SchemeServices Scheme { get; } = scheme;

    public Task<ActivityResult> ExecuteAsync(ImmutableDictionary<string, JsonElement> inputs, ActivityContext context, CancellationToken cancellationToken)
    {
        if (Scheme.Ledger.Find(context.IdempotencyKey) is { } replay)
            return Task.FromResult(ActivityResult.Completed(replay));
        ImmutableDictionary<string, JsonElement> outputs;
        try
        {
            outputs = Execute(new ActivityInputs(Name, inputs), Scheme.Today(context.Now), context).Build();
        }
        catch (SchemeRuleViolation violation)
        {
            return Task.FromResult(ActivityResult.BpmnError(violation.Rule, violation.Message));
        }
        Scheme.Ledger.Record(context.IdempotencyKey, outputs);
        return Task.FromResult(ActivityResult.Completed(outputs));
    }

    protected abstract ActivityOutputs Execute(ActivityInputs inputs, DateOnly today, ActivityContext context);
}
