using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>Builds an activity's outputs as JSON values; dates are ISO (yyyy-MM-dd), so Liquid and JavaScript read them alike.</summary>
public sealed class ActivityOutputs
{
    private readonly ImmutableDictionary<string, JsonElement>.Builder values = ImmutableDictionary.CreateBuilder<string, JsonElement>();

    public ActivityOutputs Set<T>(string name, T value)
    {
        values[name] = JsonSerializer.SerializeToElement(value, SchemeJson.Options);
        return this;
    }

    public ActivityOutputs Date(string name, DateOnly value) => Set(name, value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public ImmutableDictionary<string, JsonElement> Build() => values.ToImmutable();
}
