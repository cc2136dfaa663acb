using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Tasks;

namespace JcStar.Workflow.Scheme.Checklists;

/// <summary>
/// Completing the checklist-review task (any process whose task names that form) checks the review item by item
/// (<see cref="ChecklistReview.Validate"/>) before the case moves on, so a "does not conform" or a question without
/// its reason never reaches a letter. The case's level decides whether all 16 ★1 items must be judged.
/// </summary>
public sealed class ChecklistReviewFormValidator(IInstanceStore instances) : ITaskFormValidator
{
    public async ValueTask<FormValidationResult> ValidateAsync(HumanTask task, ImmutableDictionary<string, JsonElement> formData, CancellationToken cancellationToken)
    {
        if (!string.Equals(task.FormKey, ChecklistReview.FormKey, StringComparison.Ordinal))
            return FormValidationResult.Valid;
        var instance = await instances.FindAsync(task.InstanceId, cancellationToken);
        string? level = null;
        if (instance is not null
            && InstanceStateSerializer.Deserialize(instance.StateJson).Elements.FirstOrDefault(e => e.Parent == 0)?.Variables is { } variables
            && variables.TryGetValue("level", out var l) && l.ValueKind == JsonValueKind.String)
            level = l.GetString();
        var errors = ChecklistReview.Validate(level, key => formData.TryGetValue(key, out var v) ? v : null);
        return errors.Count == 0 ? FormValidationResult.Valid : new FormValidationResult(errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));
    }
}
