namespace JcStar.Workflow.Engine;

/// <summary>The timer whose <see cref="TimerScheduled"/> effect carried this id is due. A timer no longer pending is ignored.</summary>
public sealed record FireTimer(string TimerId) : EngineCommand;
