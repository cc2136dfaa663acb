using System.Reflection;
using Xunit;

namespace JcStar.Workflow.Architecture.Tests;

/// <summary>The simulation is shared by the hosts (Cli, Server) and must never reach a real database or a host.</summary>
public sealed class SimulationDependencyTests
{
    private static readonly string[] Forbidden =
        ["JcStar.Workflow.Server", "JcStar.Workflow.Cli", "jcstar", "JcStar.Workflow.Persistence", "JcStar.Workflow.Hangfire", "Microsoft.EntityFrameworkCore", "Hangfire", "Microsoft.AspNetCore"];

    [Fact]
    public void The_simulation_references_no_host_no_persistence_and_no_background_server()
    {
        var references = Assembly.Load("JcStar.Workflow.Simulation").GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("JcStar.Workflow.Runtime", references);
        Assert.DoesNotContain(references, r => Forbidden.Any(f => r == f || r.StartsWith(f + ".", StringComparison.Ordinal)));
    }
}
