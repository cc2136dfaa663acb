using JcStar.Workflow.Simulation;

namespace JcStar.Workflow.Server.Web.Simulation;

/// <summary>
/// One simulation run from the procedure pages, kept in memory for its owner: what ran (the published version or
/// a draft), the report (null when the scenario was refused), the problems, and the letters and mails it produced.
/// </summary>
public sealed record SimulationResult(
    string Id,
    string Owner,
    string ProcessId,
    int? Version,
    string Xml,
    string Scenario,
    SimulationReport? Report,
    IReadOnlyList<string> Problems,
    IReadOnlyList<SimulatedLetter> Letters,
    IReadOnlyList<SimulatedMail> Mails,
    DateTimeOffset At)
{
    public bool IsDraft => Version is null;
}
