using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Bpmn.Tests;

/// <summary>
/// A structural text form of a model, tree or diagram for comparing two reads: runtime types and
/// every public property, recursively. Record Equals cannot be used because ImmutableArray compares
/// by reference. Source locations are left out: a rewrite may move attributes to other lines.
/// </summary>
internal static class Canonical
{
    public static string Dump(object? value)
    {
        var text = new StringBuilder();
        Write(text, value, 0);
        return text.ToString();
    }

    private static void Write(StringBuilder text, object? value, int depth)
    {
        if (depth > 400)
            throw new InvalidOperationException("too deep");
        switch (value)
        {
            case null:
                text.Append("null");
                return;
            case string s:
                text.Append('"').Append(s.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"');
                return;
            case bool or int or long or double or decimal or Enum:
                text.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
            case IEnumerable items:
                text.Append('[');
                foreach (var item in items)
                {
                    Write(text, item, depth + 1);
                    text.Append(',');
                }
                text.Append(']');
                return;
        }
        var type = value.GetType();
        text.Append(type.Name).Append('{');
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (property.PropertyType == typeof(SourceLocation) || property.GetIndexParameters().Length > 0)
                continue;
            text.Append(property.Name).Append('=');
            Write(text, property.GetValue(value), depth + 1);
            text.Append(';');
        }
        text.Append('}');
    }
}
