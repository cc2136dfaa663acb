using System.Text.Json;
using System.Text.Json.Nodes;

namespace JcStar.Workflow.Runtime.Retention;

/// <summary>
/// Replaces the values of <see cref="RetentionOptions.PersonalFields"/> in JSON: in objects at any depth, in
/// arrays, and in strings that hold JSON themselves (a task's form as recorded in the history). Idempotent: a
/// value that already is the replacement is not counted again.
/// </summary>
public sealed class PersonalFieldRedactor
{
    private readonly IReadOnlyList<string[]> _paths;
    private readonly string _replacement;

    public PersonalFieldRedactor(RetentionOptions options)
    {
        var paths = new List<string[]>();
        for (var i = 0; i < options.PersonalFields.Count; i++)
        {
            var field = options.PersonalFields[i];
            var names = (field ?? "").Split('.');
            if (names.Any(n => n.Trim().Length == 0))
                throw new InvalidOperationException($"{RetentionOptions.Section}:PersonalFields:{i} (\"{field}\") has an empty name; write dotted names such as applicant.email or appellant.*");
            paths.Add([.. names.Select(n => n.Trim())]);
        }
        _paths = paths;
        _replacement = options.Replacement;
    }

    public bool IsEmpty => _paths.Count == 0;

    /// <summary>The JSON text anonymized, or null when nothing in it matched; the matched fields are added to <paramref name="fields"/>.</summary>
    public string? Redact(string? json, ISet<string> fields)
    {
        if (json is not { Length: > 0 } || ParseOrNull(json) is not { } node)
            return null;
        return Walk(node, fields) ? node.ToJsonString() : null;
    }

    /// <summary>Anonymizes <paramref name="node"/> in place; true when anything changed.</summary>
    public bool Walk(JsonNode? node, ISet<string> fields)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject obj:
                foreach (var path in _paths)
                    changed |= Match(obj, path, 0, "", fields);
                foreach (var (key, value) in obj.ToList())
                    changed |= WalkChild(value, fields, text => obj[key] = text);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var index = i;
                    changed |= WalkChild(array[i], fields, text => array[index] = text);
                }
                break;
        }
        return changed;
    }

    private bool WalkChild(JsonNode? child, ISet<string> fields, Action<string> replace)
    {
        if (child is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { } text
            && text.TrimStart() is ['{', ..] or ['[', ..] && ParseOrNull(text) is { } embedded)
        {
            if (!Walk(embedded, fields))
                return false;
            replace(embedded.ToJsonString());
            return true;
        }
        return Walk(child, fields);
    }

    private bool Match(JsonObject obj, string[] path, int depth, string prefix, ISet<string> fields)
    {
        var name = path[depth];
        var keys = name == "*" ? obj.Select(p => p.Key).ToList() : obj.ContainsKey(name) ? [name] : [];
        var changed = false;
        foreach (var key in keys)
        {
            var value = obj[key];
            var at = prefix + key;
            if (depth == path.Length - 1)
            {
                if (value is null || (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == _replacement))
                    continue;
                obj[key] = _replacement;
                fields.Add(at);
                changed = true;
            }
            else if (value is JsonObject inner)
            {
                changed |= Match(inner, path, depth + 1, at + ".", fields);
            }
            else if (value is JsonArray items)
            {
                foreach (var item in items.OfType<JsonObject>())
                    changed |= Match(item, path, depth + 1, at + ".", fields);
            }
        }
        return changed;
    }

    private static JsonNode? ParseOrNull(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
