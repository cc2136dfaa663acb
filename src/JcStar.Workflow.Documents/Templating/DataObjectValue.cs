using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;

namespace JcStar.Workflow.Documents.Templating;

/// <summary>An object of the data (a JSON object, a case variable map). Asking it for a member it lacks is recorded as missing.</summary>
internal sealed class DataObjectValue(IReadOnlyDictionary<string, FluidValue> members) : FluidValue
{
    public IReadOnlyDictionary<string, FluidValue> Members { get; } = members;

    public override FluidValues Type => FluidValues.Dictionary;

    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context)
    {
        if (Members.TryGetValue(name, out var value))
            return new ValueTask<FluidValue>(value);
        if (name == "size")
            return new ValueTask<FluidValue>(NumberValue.Create(Members.Count));
        if (context is RenderContext render)
            render.RecordMissing(name);
        return new ValueTask<FluidValue>(NilValue.Instance);
    }

    public override ValueTask<FluidValue> GetIndexAsync(FluidValue index, TemplateContext context) =>
        GetValueAsync(index.ToStringValue(), context);

    public override bool Equals(FluidValue other) => ReferenceEquals(this, other);

    public override bool ToBooleanValue() => true;

    public override decimal ToNumberValue() => 0;

    public override string ToStringValue() => "";

    public override object ToObjectValue() => Members;

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo) => default;

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => Members.GetHashCode();
}
