using System.Collections.Immutable;
using System.Text.Json;

namespace JcStar.Workflow.Runtime.Forms;

/// <summary>Reads a form-js schema (.form). Layout components (text, group, spacer) have no key and are skipped; groups are flattened.</summary>
public static class FormSchemaReader
{
    private static readonly HashSet<string> InputTypes = ["textfield", "textarea", "number", "checkbox", "radio", "select", "checklist", "taglist", "datetime"];

    /// <exception cref="FormatException">The schema is not a form-js form; the message names the file and the component.</exception>
    public static FormSchema Read(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source}:{(e.LineNumber ?? 0) + 1}: not valid JSON: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("components", out var components) || components.ValueKind != JsonValueKind.Array)
                throw new FormatException($"{source}: a form has a 'components' array");
            var id = root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : Path.GetFileNameWithoutExtension(source);
            var fields = ImmutableArray.CreateBuilder<FormField>();
            Collect(components, source, "components", fields);
            var duplicate = fields.GroupBy(f => f.Key).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
                throw new FormatException($"{source}: two fields set '{duplicate.Key}'");
            return new FormSchema(id, fields.ToImmutable());
        }
    }

    private static void Collect(JsonElement components, string source, string path, ImmutableArray<FormField>.Builder fields)
    {
        var index = 0;
        foreach (var c in components.EnumerateArray())
        {
            var at = $"{path}[{index++}]";
            var type = c.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : throw new FormatException($"{source}: {at} has no type");
            if (c.TryGetProperty("components", out var nested) && nested.ValueKind == JsonValueKind.Array)
                Collect(nested, source, at + ".components", fields);
            if (!InputTypes.Contains(type))
                continue;
            var key = c.TryGetProperty("key", out var k) && k.ValueKind == JsonValueKind.String && k.GetString() is { Length: > 0 } ks
                ? ks
                : throw new FormatException($"{source}: {at} ({type}) has no key");
            var validate = c.TryGetProperty("validate", out var v) && v.ValueKind == JsonValueKind.Object ? v : default;
            fields.Add(new FormField
            {
                Key = key,
                Type = type,
                Label = c.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null,
                Required = validate.ValueKind == JsonValueKind.Object && validate.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True,
                Min = Number(validate, "min"),
                Max = Number(validate, "max"),
                MinLength = (int?)Number(validate, "minLength"),
                MaxLength = (int?)Number(validate, "maxLength"),
                Pattern = validate.ValueKind == JsonValueKind.Object && validate.TryGetProperty("pattern", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null,
                AllowedValues = c.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array
                    ? [.. values.EnumerateArray().Where(x => x.TryGetProperty("value", out _)).Select(x => x.GetProperty("value").Clone())]
                    : [],
                AllowedLabels = c.TryGetProperty("values", out var labelled) && labelled.ValueKind == JsonValueKind.Array
                    ? [.. labelled.EnumerateArray().Where(x => x.TryGetProperty("value", out _))
                        .Select(x => x.TryGetProperty("label", out var label) && label.ValueKind == JsonValueKind.String ? label.GetString()! : x.GetProperty("value").ToString())]
                    : [],
            });
        }
    }

    private static double? Number(JsonElement validate, string name) =>
        validate.ValueKind == JsonValueKind.Object && validate.TryGetProperty(name, out var n) && n.ValueKind == JsonValueKind.Number ? n.GetDouble() : null;
}
