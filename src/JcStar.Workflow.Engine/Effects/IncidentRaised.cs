namespace JcStar.Workflow.Engine;

/// <summary>Execution stopped at an element for a reason staff must see (a script failed, an expression threw, an error nobody caught).</summary>
public sealed record IncidentRaised(string IncidentId, string ElementId, string Message) : EngineEffect;
