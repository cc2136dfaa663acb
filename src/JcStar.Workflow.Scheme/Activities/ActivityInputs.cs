using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>
/// Reads an activity's inputs by path ("applicant.name"); a missing or mistyped value is an error that
/// names the activity and the path, so a workflow author sees exactly which variable to provide.
/// </summary>
public sealed class ActivityInputs(string activity, ImmutableDictionary<string, JsonElement> inputs)
{
    public JsonElement? Find(string path)
    {
        var parts = path.Split('.');
        if (!inputs.TryGetValue(parts[0], out var current))
            return null;
        foreach (var part in parts.Skip(1))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
                return null;
        }
        return current.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : current;
    }

    public string String(string path) => OptionalString(path) ?? throw Missing(path, "a string");

    public string? OptionalString(string path) => Find(path) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } e => e.GetString(),
        { ValueKind: JsonValueKind.Number } e => e.GetRawText(),
        _ => throw Wrong(path, "a string"),
    };

    public bool Bool(string path, bool? fallback = null) => Find(path) switch
    {
        null when fallback is { } f => f,
        null => throw Missing(path, "true or false"),
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw Wrong(path, "true or false"),
    };

    public ImmutableArray<string> Strings(string path, bool required = true)
    {
        var e = Find(path);
        if (e is null)
            return required ? throw Missing(path, "a list of strings") : [];
        if (e.Value.ValueKind == JsonValueKind.String)
            return [.. e.Value.GetString()!.Split([',', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        if (e.Value.ValueKind != JsonValueKind.Array)
            throw Wrong(path, "a list of strings");
        return [.. e.Value.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : throw Wrong(path, "a list of strings"))];
    }

    public DateOnly? OptionalDate(string path)
    {
        var s = OptionalString(path);
        if (s is null)
            return null;
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d;
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt))
            return DateOnly.FromDateTime(dt.Date);
        throw Wrong(path, "a date (yyyy-MM-dd)");
    }

    private ActivityInputException Missing(string path, string expected) =>
        new($"{activity}: input '{path}' is missing; expected {expected}");

    private ActivityInputException Wrong(string path, string expected) =>
        new($"{activity}: input '{path}' is not {expected}");
}
