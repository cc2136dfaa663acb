namespace JcStar.Workflow.Runtime;

public sealed record SweepResult(int TimersFired, int JobsRun);
