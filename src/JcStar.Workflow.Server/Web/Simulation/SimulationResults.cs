using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace JcStar.Workflow.Server.Web.Simulation;

/// <summary>
/// The recent runs, in memory only (a simulation writes nothing to the database): each visible to the user who ran
/// it, dropped after Simulation:KeepResults, the oldest dropped first beyond Simulation:MaxKeptResults.
/// </summary>
public sealed class SimulationResults(IOptions<SimulationOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, SimulationResult> results = new(StringComparer.Ordinal);

    public void Add(SimulationResult result)
    {
        results[result.Id] = result;
        var cutoff = time.GetUtcNow() - options.Value.KeepResults;
        foreach (var old in results.Values.Where(r => r.At < cutoff))
            results.TryRemove(old.Id, out _);
        foreach (var extra in results.Values.OrderByDescending(r => r.At).Skip(Math.Max(1, options.Value.MaxKeptResults)))
            results.TryRemove(extra.Id, out _);
    }

    /// <summary>The run, when it exists, is still kept, belongs to <paramref name="owner"/> and simulated <paramref name="processId"/>.</summary>
    public SimulationResult? Find(string id, string owner, string processId) =>
        results.TryGetValue(id, out var r) && r.Owner == owner && r.ProcessId == processId && r.At >= time.GetUtcNow() - options.Value.KeepResults ? r : null;
}
