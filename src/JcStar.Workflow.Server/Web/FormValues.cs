using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using JcStar.Workflow.Runtime.Forms;
using Microsoft.AspNetCore.Http;

namespace JcStar.Workflow.Server.Web;

/// <summary>
/// A posted task form turned into the variables the form's fields set, typed as the form says, so the runtime's
/// validation (the same as the API's) judges them. What the user typed is kept to show again beside the messages.
/// </summary>
public static class FormValues
{
    public const string Prefix = "f:";

    public static ImmutableDictionary<string, JsonElement> Read(FormSchema form, IFormCollection posted)
    {
        var values = ImmutableDictionary.CreateBuilder<string, JsonElement>(StringComparer.Ordinal);
        foreach (var field in form.Fields)
        {
            var raw = posted[Prefix + field.Key];
            var text = raw.ToString();
            switch (field.Type)
            {
                case "checkbox":
                    values[field.Key] = JsonSerializer.SerializeToElement(raw.Any(v => v == "true"));
                    break;
                case "number":
                    if (text.Length == 0)
                        break;
                    values[field.Key] = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                        ? JsonSerializer.SerializeToElement(number)
                        : JsonSerializer.SerializeToElement(text);
                    break;
                case "checklist":
                    values[field.Key] = JsonSerializer.SerializeToElement(raw.Select(v => Allowed(field, v ?? "")).ToList());
                    break;
                case "taglist":
                    values[field.Key] = JsonSerializer.SerializeToElement(text.Split([',', '\n', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "select" or "radio":
                    if (text.Length > 0)
                        values[field.Key] = Allowed(field, text);
                    break;
                default:
                    if (text.Length > 0)
                        values[field.Key] = JsonSerializer.SerializeToElement(text);
                    break;
            }
        }
        return values.ToImmutable();
    }

    /// <summary>Dotted keys (<c>product.name</c>, as form-js names nested fields) become nested objects, as the process reads them.</summary>
    public static ImmutableDictionary<string, JsonElement> Nest(IReadOnlyDictionary<string, JsonElement> flat)
    {
        var root = new System.Text.Json.Nodes.JsonObject();
        foreach (var (key, value) in flat)
        {
            var parts = key.Split('.');
            var node = root;
            foreach (var part in parts[..^1])
            {
                if (node[part] is not System.Text.Json.Nodes.JsonObject child)
                    node[part] = child = new System.Text.Json.Nodes.JsonObject();
                node = child;
            }
            node[parts[^1]] = System.Text.Json.Nodes.JsonNode.Parse(value.GetRawText());
        }
        return root.ToImmutableDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value), StringComparer.Ordinal);
    }

    /// <summary>The allowed value whose text the option carried (true/false and numbers stay typed), or the text itself.</summary>
    private static JsonElement Allowed(FormField field, string text) =>
        field.AllowedValues.FirstOrDefault(v => Display(v) == text) is { ValueKind: not JsonValueKind.Undefined } match
            ? match
            : JsonSerializer.SerializeToElement(text);

    public static string Display(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
