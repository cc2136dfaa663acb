using System.Diagnostics.Metrics;

namespace JcStar.Workflow.Persistence;

/// <summary>What the stores measure about themselves, for operators (dotnet-counters, OpenTelemetry) and for tests.</summary>
public static class PersistenceMetrics
{
    public const string MeterName = "JcStar.Workflow.Persistence";

    /// <summary>Commands written in one SQLite transaction by the group commit; tagged with the database file (<c>db.file</c>).</summary>
    public const string GroupCommitCommands = "jcstar.sqlite.group_commit.commands";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Histogram<int> GroupCommitSize =
        Meter.CreateHistogram<int>(GroupCommitCommands, "{command}", "Commands written in one SQLite transaction by the group commit");
}
