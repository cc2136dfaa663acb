namespace JcStar.Workflow.Server.Web.Simulation;

/// <summary>
/// Bound from "Simulation": the bounds on a simulation run from the procedure pages. A scenario comes from a
/// person's form, so its size, its time and how many run at once are limited; the host's timer drain has its own bound.
/// </summary>
public sealed class SimulationOptions
{
    public const string Section = "Simulation";

    /// <summary>
    /// The scenarios offered for a procedure: a folder per BPMN file name (scenarios/self-declaration-application/).
    /// Empty: scenarios/ in the Workflows:Path folder.
    /// </summary>
    public string ScenariosPath { get; set; } = "";

    public int MaxSteps { get; set; } = 100;

    /// <summary>A run still going after this is stopped and reported as such.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Runs at once across the server; another waits this long for a turn, then is refused.</summary>
    public int MaxConcurrent { get; set; } = 2;

    public TimeSpan QueueWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a run's results (its letters for download) are kept in memory, and how many at most.</summary>
    public TimeSpan KeepResults { get; set; } = TimeSpan.FromMinutes(30);

    public int MaxKeptResults { get; set; } = 50;

    /// <summary>The largest scenario or draft text accepted, in characters.</summary>
    public int MaxInputChars { get; set; } = 2_000_000;
}
