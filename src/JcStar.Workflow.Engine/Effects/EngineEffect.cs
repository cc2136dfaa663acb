namespace JcStar.Workflow.Engine;

/// <summary>What the engine asks the host to do or record. The engine never performs an effect itself.</summary>
public abstract record EngineEffect;
