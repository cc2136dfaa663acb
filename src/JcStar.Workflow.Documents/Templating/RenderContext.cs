using Fluid;
using Fluid.Values;

namespace JcStar.Workflow.Documents.Templating;

/// <summary>
/// The Fluid context of one render. It records every name the data lacks, so a tag that touched a
/// missing value fails with that name instead of printing nothing.
/// </summary>
internal sealed class RenderContext : TemplateContext
{
    private readonly List<string> _missing = [];

    public RenderContext(TemplateOptions options) : base(options)
    {
        Undefined = name =>
        {
            _missing.Add(name);
            return new ValueTask<FluidValue>(NilValue.Instance);
        };
    }

    public void RecordMissing(string name) => _missing.Add(name);

    /// <summary>Returns the missing names seen since the last call and forgets them.</summary>
    public string? TakeMissing()
    {
        if (_missing.Count == 0)
            return null;
        var names = string.Join(", ", _missing.Distinct());
        _missing.Clear();
        return names;
    }
}
