using System.Collections.Immutable;

namespace JcStar.Workflow.Runtime;

/// <summary>Who asks: a staff member (with groups) or the system itself (timers, background jobs).</summary>
public sealed record WorkflowActor(string Id, ImmutableArray<string> Groups, bool IsAdmin = false)
{
    public static WorkflowActor System { get; } = new("system", [], IsAdmin: true);

    public bool IsIn(string group) => Groups.Contains(group, StringComparer.Ordinal);
}
