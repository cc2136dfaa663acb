namespace JcStar.Workflow.Engine;

public sealed record TimerCancelled(string TimerId, string ElementId) : EngineEffect;
