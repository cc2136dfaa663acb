using System.Text.Json;
using JcStar.Workflow.Runtime.Forms;

namespace JcStar.Workflow.Server.Api;

/// <summary>
/// A task's form for the browser's form-js island: the form as stored with the task's definition version (the schema the
/// server also validates with) and the values the case already holds for its fields, by field key.
/// Schema is null when the task has no form.
/// </summary>
public sealed record TaskFormView(string? FormKey, JsonElement? Schema, IReadOnlyDictionary<string, JsonElement> Data)
{
    public static TaskFormView From(string? formKey, FormDocument? form, IReadOnlyDictionary<string, JsonElement> variables)
    {
        if (form is null)
            return new TaskFormView(formKey, null, new Dictionary<string, JsonElement>());
        var schema = JsonSerializer.Deserialize<JsonElement>(form.Json);
        var data = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var field in form.Schema.Fields)
        {
            if (Lookup(variables, field.Key) is { } value)
                data[field.Key] = value;
        }
        return new TaskFormView(formKey, schema, data);
    }

    /// <summary>A field's value: the variable of that name, or for a dotted key ("product.name") the path through objects.</summary>
    private static JsonElement? Lookup(IReadOnlyDictionary<string, JsonElement> variables, string key)
    {
        if (variables.TryGetValue(key, out var flat))
            return flat;
        var parts = key.Split('.');
        if (parts.Length < 2 || !variables.TryGetValue(parts[0], out var node))
            return null;
        foreach (var part in parts.Skip(1))
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(part, out node))
                return null;
        }
        return node;
    }
}
