namespace JcStar.Workflow.Simulation;

/// <summary>The scenario is malformed or asks for something the process is not waiting for: exit 2.</summary>
public sealed class ScenarioException(string message) : Exception(message);
