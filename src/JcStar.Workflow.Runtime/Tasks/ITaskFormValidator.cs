using System.Collections.Immutable;
using System.Text.Json;

namespace JcStar.Workflow.Runtime.Tasks;

/// <summary>
/// Called before a task is completed; every registered validator must accept the form. A hook now so
/// form definitions (by <see cref="HumanTask.FormKey"/>) can be enforced later without touching the runtime.
/// </summary>
public interface ITaskFormValidator
{
    ValueTask<FormValidationResult> ValidateAsync(HumanTask task, ImmutableDictionary<string, JsonElement> formData, CancellationToken cancellationToken);
}
