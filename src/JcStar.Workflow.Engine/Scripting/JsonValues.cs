using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Native.Object;

namespace JcStar.Workflow.Engine.Scripting;

/// <summary>Conversions between the API's JsonElement values and Jint's JsValue.</summary>
public static class JsonValues
{
    public static JsonElement True { get; } = JsonSerializer.SerializeToElement(true);
    public static JsonElement False { get; } = JsonSerializer.SerializeToElement(false);
    public static JsonElement Null { get; } = JsonSerializer.SerializeToElement<object?>(null);

    public static JsonElement Boolean(bool value) => value ? True : False;

    public static JsonElement Number(double value) => JsonSerializer.SerializeToElement(value);

    public static JsonElement Number(int value) => JsonSerializer.SerializeToElement(value);

    public static JsonElement String(string value) => JsonSerializer.SerializeToElement(value);

    /// <summary>JavaScript truthiness of a JSON value.</summary>
    public static bool IsTruthy(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False or JsonValueKind.Null or JsonValueKind.Undefined => false,
        JsonValueKind.String => value.GetString()!.Length > 0,
        JsonValueKind.Number => value.GetDouble() is var d && d != 0 && !double.IsNaN(d),
        _ => true,
    };

    /// <summary>The value as text: a string's content, otherwise its JSON; null for JSON null.</summary>
    public static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    public static JsValue ToJs(JsEngine engine, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return new JsString(value.GetString()!);
            case JsonValueKind.Number:
                return new JsNumber(value.GetDouble());
            case JsonValueKind.True:
                return JsBoolean.True;
            case JsonValueKind.False:
                return JsBoolean.False;
            case JsonValueKind.Array:
                var items = new JsValue[value.GetArrayLength()];
                var i = 0;
                foreach (var item in value.EnumerateArray())
                    items[i++] = ToJs(engine, item);
                return new JsArray(engine, items);
            case JsonValueKind.Object:
                var obj = new JsObject(engine);
                foreach (var property in value.EnumerateObject())
                    obj.Set(property.Name, ToJs(engine, property.Value));
                return obj;
            default:
                return JsValue.Null;
        }
    }

    /// <summary>Converts a script value; dates become ISO 8601 strings, functions and undefined become null.</summary>
    public static JsonElement FromJs(JsValue value)
    {
        if (value.IsBoolean())
            return Boolean(value.AsBoolean());
        if (value.IsNull() || value.IsUndefined())
            return Null;
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
            Write(writer, value, 0);
        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        return JsonElement.ParseValue(ref reader);
    }

    private static void Write(Utf8JsonWriter writer, JsValue value, int depth)
    {
        if (depth > 64)
            throw new ScriptFailure("value nests deeper than 64 levels");
        if (value.IsNull() || value.IsUndefined() || value is Jint.Native.Function.Function)
            writer.WriteNullValue();
        else if (value.IsBoolean())
            writer.WriteBooleanValue(value.AsBoolean());
        else if (value.IsNumber())
        {
            var d = value.AsNumber();
            if (double.IsNaN(d) || double.IsInfinity(d))
                writer.WriteNullValue();
            else if (d == Math.Floor(d) && Math.Abs(d) < 9e15)
                writer.WriteNumberValue((long)d);
            else
                writer.WriteNumberValue(d);
        }
        else if (value.IsString())
            writer.WriteStringValue(value.AsString());
        else if (value.IsDate())
            writer.WriteStringValue(value.AsDate().ToDateTime().ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        else if (value.IsArray())
        {
            var array = value.AsArray();
            writer.WriteStartArray();
            for (uint i = 0; i < array.Length; i++)
                Write(writer, array[i], depth + 1);
            writer.WriteEndArray();
        }
        else if (value is ObjectInstance obj)
        {
            writer.WriteStartObject();
            foreach (var key in obj.GetOwnPropertyKeys(Jint.Runtime.Types.String))
            {
                var property = obj.GetOwnProperty(key);
                if (!property.Enumerable)
                    continue;
                writer.WritePropertyName(key.ToString());
                Write(writer, obj.Get(key), depth + 1);
            }
            writer.WriteEndObject();
        }
        else
            writer.WriteStringValue(value.ToString());
    }
}
