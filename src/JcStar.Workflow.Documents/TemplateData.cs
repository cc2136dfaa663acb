using System.Collections;
using System.Globalization;
using System.Text.Json;
using Fluid.Values;
using JcStar.Workflow.Documents.Templating;

namespace JcStar.Workflow.Documents;

/// <summary>
/// The values a template is filled with, converted once so one data set can fill many documents.
/// An object <c>{"$image": "&lt;base64 PNG or JPEG&gt;", "widthMm": 30}</c> becomes an inline image.
/// </summary>
public sealed class TemplateData
{
    private const string ImageKey = "$image";

    private TemplateData(DataObjectValue root) => Root = root;

    internal DataObjectValue Root { get; }

    public IEnumerable<string> Names => Root.Members.Keys;

    public static TemplateData FromJson(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            return FromJson(document.RootElement);
        }
        catch (JsonException e)
        {
            throw DataError("$", $"the data is not valid JSON: {e.Message}");
        }
    }

    public static TemplateData FromJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw DataError("$", "the data must be a JSON object whose members the template names");
        return new TemplateData((DataObjectValue)FromElement(root, "$"));
    }

    /// <summary>From case variables: strings, numbers, booleans, dates, lists, maps, JsonElement.</summary>
    public static TemplateData FromValues(IReadOnlyDictionary<string, object?> values) =>
        new((DataObjectValue)FromObject(values, "$"));

    private static FluidValue FromElement(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.Object when element.TryGetProperty(ImageKey, out var image) => ImageFromJson(element, image, path),
        JsonValueKind.Object => new DataObjectValue(element.EnumerateObject()
            .ToDictionary(p => p.Name, p => FromElement(p.Value, path + "." + p.Name), StringComparer.Ordinal)),
        JsonValueKind.Array => new ArrayValue(element.EnumerateArray().Select((e, i) => FromElement(e, $"{path}[{i}]")).ToArray()),
        JsonValueKind.String => new StringValue(element.GetString()!),
        JsonValueKind.Number => NumberValue.Create(element.TryGetDecimal(out var d) ? d : (decimal)element.GetDouble()),
        JsonValueKind.True => BooleanValue.True,
        JsonValueKind.False => BooleanValue.False,
        _ => NilValue.Instance,
    };

    private static ImageValue ImageFromJson(JsonElement element, JsonElement image, string path)
    {
        try
        {
            var bytes = Convert.FromBase64String(image.GetString() ?? "");
            var width = element.TryGetProperty("widthMm", out var w) ? w.GetDouble() : 30;
            double? height = element.TryGetProperty("heightMm", out var h) ? h.GetDouble() : null;
            return ImageValue.Create(bytes, width, height);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            throw DataError(path, $"not a usable image: {e.Message}");
        }
    }

    private static FluidValue FromObject(object? value, string path)
    {
        switch (value)
        {
            case null: return NilValue.Instance;
            case FluidValue fluid: return fluid;
            case string s: return new StringValue(s);
            case bool b: return b ? BooleanValue.True : BooleanValue.False;
            case JsonElement element: return FromElement(element, path);
            case DateOnly date: return new StringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            case DateTimeOffset moment: return new DateTimeValue(moment);
            case DateTime moment: return new DateTimeValue(moment);
            case Enum e: return new StringValue(e.ToString());
            case byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal:
                return NumberValue.Create(Convert.ToDecimal(value, CultureInfo.InvariantCulture));
            case IReadOnlyDictionary<string, object?> map when map.TryGetValue(ImageKey, out var image) && image is string base64:
                try
                {
                    var width = map.TryGetValue("widthMm", out var w) && w is not null ? Convert.ToDouble(w, CultureInfo.InvariantCulture) : 30;
                    double? height = map.TryGetValue("heightMm", out var h) && h is not null ? Convert.ToDouble(h, CultureInfo.InvariantCulture) : null;
                    return ImageValue.Create(Convert.FromBase64String(base64), width, height);
                }
                catch (FormatException e)
                {
                    throw DataError(path, $"not a usable image: {e.Message}");
                }
            case IReadOnlyDictionary<string, object?> map:
                return new DataObjectValue(map.ToDictionary(p => p.Key, p => FromObject(p.Value, path + "." + p.Key), StringComparer.Ordinal));
            case IDictionary map:
                var members = new Dictionary<string, FluidValue>(StringComparer.Ordinal);
                foreach (DictionaryEntry entry in map)
                    members[entry.Key.ToString()!] = FromObject(entry.Value, path + "." + entry.Key);
                return new DataObjectValue(members);
            case IEnumerable list:
                return new ArrayValue(list.Cast<object?>().Select((e, i) => FromObject(e, $"{path}[{i}]")).ToArray());
            default:
                throw DataError(path, $"a value of type {value.GetType().Name} cannot be used in a letter; pass text, numbers, dates, lists or maps");
        }
    }

    private static DocumentTemplateException DataError(string path, string message) =>
        new(new TemplateError("data", "", path, message));
}
