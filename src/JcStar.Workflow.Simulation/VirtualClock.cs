namespace JcStar.Workflow.Simulation;

/// <summary>Time that only moves when the simulation moves it: a 60-day deadline passes in one call.</summary>
public sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void MoveTo(DateTimeOffset at)
    {
        if (at > now)
            now = at;
    }
}
