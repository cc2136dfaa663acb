using System.Diagnostics.Metrics;

namespace JcStar.Workflow.Persistence;

/// <summary>What the stores measure about themselves, for operators (dotnet-counters, OpenTelemetry) and for tests.</summary>
public static class PersistenceMetrics
{
    public const string MeterName = "JcStar.Workflow.Persistence";

    /// <summary>Commands written in one SQLite transaction by the group commit; tagged with the database file (<c>db.file</c>).</summary>
    public const string GroupCommitCommands = "jcstar.sqlite.group_commit.commands";

    /// <summary>Commits waiting for SQLite's writer (queued for a group commit); tagged with the database file (<c>db.file</c>).</summary>
    public const string GroupCommitQueued = "jcstar.sqlite.group_commit.queued";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Histogram<int> GroupCommitSize =
        Meter.CreateHistogram<int>(GroupCommitCommands, "{command}", "Commands written in one SQLite transaction by the group commit");

    public static readonly UpDownCounter<int> GroupCommitQueue =
        Meter.CreateUpDownCounter<int>(GroupCommitQueued, "{command}", "Commits waiting for SQLite's writer to take them into a group commit");
}
