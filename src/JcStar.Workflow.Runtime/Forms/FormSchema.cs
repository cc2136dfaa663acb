using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using JcStar.Workflow.Runtime.Tasks;

namespace JcStar.Workflow.Runtime.Forms;

/// <summary>
/// A task form (Camunda Forms / form-js schema) as the server enforces it: required fields, types,
/// lengths, ranges, patterns and allowed values; a field the form does not have is refused, so a
/// completed task cannot set variables its form never offered.
/// </summary>
public sealed record FormSchema(string Id, ImmutableArray<FormField> Fields)
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    public FormValidationResult Validate(IReadOnlyDictionary<string, JsonElement> data)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string key, string message) => errors[key] = errors.TryGetValue(key, out var m) ? [.. m, message] : [message];

        var byKey = Fields.ToDictionary(f => f.Key, StringComparer.Ordinal);
        foreach (var key in data.Keys.Where(k => !byKey.ContainsKey(k)).Order(StringComparer.Ordinal))
            Add(key, $"'{key}' is not a field of form {Id}");

        foreach (var field in Fields)
        {
            if (!data.TryGetValue(field.Key, out var value) || IsEmpty(value))
            {
                if (field.Required)
                    Add(field.Key, $"{field.Display} is required");
                continue;
            }
            foreach (var problem in Check(field, value))
                Add(field.Key, problem);
        }
        return new FormValidationResult(errors);
    }

    private static bool IsEmpty(JsonElement value) =>
        value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined
        || (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString()))
        || (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0);

    private static IEnumerable<string> Check(FormField field, JsonElement value)
    {
        switch (field.Type)
        {
            case "textfield" or "textarea" or "datetime":
                if (value.ValueKind != JsonValueKind.String)
                {
                    yield return $"{field.Display} must be text";
                    yield break;
                }
                var text = value.GetString()!;
                if (field.MinLength is { } minLength && text.Length < minLength)
                    yield return $"{field.Display} must be at least {minLength} characters";
                if (field.MaxLength is { } maxLength && text.Length > maxLength)
                    yield return $"{field.Display} must be at most {maxLength} characters (has {text.Length})";
                if (field.Pattern is { } pattern && !Matches(pattern, text))
                    yield return $"{field.Display} does not match the required format";
                if (field.Type == "datetime" && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                    yield return $"{field.Display} must be a date (yyyy-MM-dd) or an ISO date-time";
                break;
            case "number":
                if (value.ValueKind != JsonValueKind.Number)
                {
                    yield return $"{field.Display} must be a number";
                    yield break;
                }
                var number = value.GetDouble();
                if (field.Min is { } min && number < min)
                    yield return $"{field.Display} must be at least {min.ToString(CultureInfo.InvariantCulture)}";
                if (field.Max is { } max && number > max)
                    yield return $"{field.Display} must be at most {max.ToString(CultureInfo.InvariantCulture)}";
                break;
            case "checkbox":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    yield return $"{field.Display} must be true or false";
                break;
            case "radio" or "select":
                if (!IsAllowed(field, value))
                    yield return $"{field.Display} must be one of {Choices(field)}";
                break;
            case "checklist" or "taglist":
                if (value.ValueKind != JsonValueKind.Array)
                    yield return $"{field.Display} must be a list";
                else if (value.EnumerateArray().FirstOrDefault(v => !IsAllowed(field, v)) is { ValueKind: not JsonValueKind.Undefined } wrong)
                    yield return $"{field.Display}: {wrong.GetRawText()} is not one of {Choices(field)}";
                break;
        }
    }

    private static bool IsAllowed(FormField field, JsonElement value) =>
        field.AllowedValues.IsEmpty || field.AllowedValues.Any(a => JsonElement.DeepEquals(a, value));

    private static string Choices(FormField field) => string.Join(", ", field.AllowedValues.Select(v => v.GetRawText()));

    private static bool Matches(string pattern, string text)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.None, PatternTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
