namespace JcStar.Workflow.Engine;

/// <summary>
/// Someone chose to run <paramref name="ElementId"/>, an activity directly inside an open ad-hoc sub-process that no
/// sequence flow leads to. <paramref name="AdHocId"/> names the ad-hoc sub-process instance when several are open.
/// </summary>
public sealed record ActivateAdHocActivity(string ElementId, string? AdHocId = null, string? ActivatedBy = null) : EngineCommand;
