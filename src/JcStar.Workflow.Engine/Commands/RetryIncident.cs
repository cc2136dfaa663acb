namespace JcStar.Workflow.Engine;

/// <summary>Staff resolved the cause of an incident: the element it stopped at is tried again.</summary>
public sealed record RetryIncident(string IncidentId) : EngineCommand;
