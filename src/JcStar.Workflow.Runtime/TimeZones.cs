using System.Collections.Concurrent;

namespace JcStar.Workflow.Runtime;

/// <summary>
/// The scheme's time zones (Japan time by default), each looked up once per process and then read without a lock.
/// .NET takes one process-wide lock for every <see cref="TimeZoneInfo.FindSystemTimeZoneById"/>, and holds it for as long
/// as something reads every zone (Jint's first use does, for over half a second, warmed once the server has started):
/// a lookup meanwhile waited for all of it.
/// </summary>
public static class TimeZones
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Found = new(StringComparer.Ordinal);

    /// <exception cref="TimeZoneNotFoundException">No such zone on this machine.</exception>
    public static TimeZoneInfo Find(string id) => Found.GetOrAdd(id, TimeZoneInfo.FindSystemTimeZoneById);
}
