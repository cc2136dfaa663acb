using System.Diagnostics.Metrics;
using JcStar.Workflow.Persistence;

namespace JcStar.Workflow.Runtime.Tests.Support;

/// <summary>Listens to the SQLite group commit's size metric for one test database (other tests' databases are ignored).</summary>
public sealed class GroupSizes : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly string? _file;
    private int _largest;

    public GroupSizes(TestDatabase? database)
    {
        _file = database is { Provider: TestDatabase.Sqlite }
            ? Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource)
            : null;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == PersistenceMetrics.MeterName && instrument.Name is PersistenceMetrics.GroupCommitCommands or PersistenceMetrics.GroupCommitQueued)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<int>(OnMeasurement);
        _listener.Start();
    }

    /// <summary>The most commands seen in one transaction on this database.</summary>
    public int Largest => Volatile.Read(ref _largest);

    /// <summary>How many commits wait for this database's writer now.</summary>
    public int Queued => Volatile.Read(ref _queued);

    private int _queued;

    private void OnMeasurement(Instrument instrument, int commands, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "db.file" && tag.Value is string file && _file is not null && Path.GetFullPath(file) == _file)
            {
                if (instrument.Name == PersistenceMetrics.GroupCommitQueued)
                {
                    Interlocked.Add(ref _queued, commands);
                    return;
                }
                int seen;
                while (commands > (seen = Volatile.Read(ref _largest)) && Interlocked.CompareExchange(ref _largest, commands, seen) != seen)
                {
                }
            }
        }
    }

    public void Dispose() => _listener.Dispose();
}
