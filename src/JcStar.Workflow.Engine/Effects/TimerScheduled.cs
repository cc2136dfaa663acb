namespace JcStar.Workflow.Engine;

public sealed record TimerScheduled(string TimerId, string ElementId, DateTimeOffset DueAt) : EngineEffect;
