using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Runtime.Tasks;

namespace JcStar.Workflow.Runtime.Forms;

/// <summary>
/// Completing a task whose model names a form key validates the data against that form as stored with the task's
/// definition version; a task without a form key is not checked.
/// </summary>
public sealed class FormKeyValidator(DefinitionForms forms) : ITaskFormValidator
{
    public async ValueTask<FormValidationResult> ValidateAsync(HumanTask task, ImmutableDictionary<string, JsonElement> formData, CancellationToken cancellationToken)
    {
        if (task.FormKey is not { Length: > 0 } key)
            return FormValidationResult.Valid;
        FormDocument? form;
        try
        {
            form = await forms.FindAsync(task.DefinitionId, key, cancellationToken);
        }
        catch (FormatException e)
        {
            return new FormValidationResult(new Dictionary<string, string[]> { ["form"] = [e.Message] });
        }
        return form is null
            ? new FormValidationResult(new Dictionary<string, string[]> { ["form"] = [$"task {task.ElementId} names form '{key}', which version {task.DefinitionId} does not have"] })
            : form.Schema.Validate(formData);
    }
}
