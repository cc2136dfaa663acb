namespace JcStar.Workflow.Engine;

/// <summary>An invoked activity is no longer awaited (an interrupting boundary event fired, or the instance ended).</summary>
public sealed record ActivityCancelled(string JobId, string ElementId) : EngineEffect;
