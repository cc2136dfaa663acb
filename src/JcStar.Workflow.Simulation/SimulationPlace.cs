using JcStar.Workflow.Runtime.Documents;
using JcStar.Workflow.Scheme;
using JcStar.Workflow.Scheme.Calendar;

namespace JcStar.Workflow.Simulation;

/// <summary>What a simulation runs against: the scheme's settings and calendar, the letter templates, and where its files go (none kept when null).</summary>
public sealed record SimulationPlace(SchemeOptions SchemeOptions, BusinessCalendar Calendar, string TemplatesRoot, string? OutDir)
{
    /// <summary>The host's uploaded template versions (read only): the latest of each renders its letters; null renders from <see cref="TemplatesRoot"/>.</summary>
    public ILetterTemplateStore? TemplateVersions { get; init; }
}
