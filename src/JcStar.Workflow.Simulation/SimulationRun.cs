using JcStar.Workflow.Scheme;

namespace JcStar.Workflow.Simulation;

/// <summary>What one simulation produced: the exit code, the report (when it ran) and the scheme's stores as the run left them.</summary>
public sealed record SimulationRun(int Exit, SimulationReport? Report, SchemeServices? Scheme, DateOnly? Today)
{
    public const int Ran = 0;
    public const int InvalidDefinition = 1;
    public const int BadUsage = 2;
}
