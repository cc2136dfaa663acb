using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Runtime.Tasks;

namespace JcStar.Workflow.Runtime.Forms;

/// <summary>Completing a task whose model names a form key validates the data against that form; a task without a form key is not checked.</summary>
public sealed class FormKeyValidator(FormFolder forms) : ITaskFormValidator
{
    public ValueTask<FormValidationResult> ValidateAsync(HumanTask task, ImmutableDictionary<string, JsonElement> formData, CancellationToken cancellationToken)
    {
        if (task.FormKey is not { Length: > 0 } key)
            return ValueTask.FromResult(FormValidationResult.Valid);
        FormSchema? schema;
        try
        {
            schema = forms.Find(key);
        }
        catch (FormatException e)
        {
            return ValueTask.FromResult(new FormValidationResult(new Dictionary<string, string[]> { ["form"] = [e.Message] }));
        }
        return ValueTask.FromResult(schema is null
            ? new FormValidationResult(new Dictionary<string, string[]> { ["form"] = [$"task {task.ElementId} names form '{key}', which is not under {forms.Folder}"] })
            : schema.Validate(formData));
    }
}
