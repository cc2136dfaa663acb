namespace JcStar.Workflow.Engine;

/// <summary>Something that happens to a process instance from outside. The engine answers each with a new state and effects.</summary>
public abstract record EngineCommand;
