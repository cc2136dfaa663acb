using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Documents;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Scheme;
using JcStar.Workflow.Scheme.Activities;
using JcStar.Workflow.Scheme.Calendar;
using JcStar.Workflow.Scheme.Letters;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Simulation;

/// <summary>
/// One simulation as <c>jcstar simulate</c> and the procedure pages run it: the scenario's preconditions on
/// in-memory scheme stores, the called processes deployed first, the scheme's activities and letters, the
/// real runtime on a virtual clock. Problems are written to <c>error</c>, each line after <c>errorPrefix</c>.
/// </summary>
public static class ProcessSimulation
{
    public static async Task<SimulationRun> RunAsync(SimulatedFile main, IReadOnlyList<SimulatedFile> called, string processId, Scenario scenario, string scenarioSource,
        SimulationPlace place, TextWriter error, string errorPrefix, CancellationToken ct)
    {
        // Called processes first: a deployment pins the versions its call activities call.
        var files = called.Reverse().Append(main).ToList();
        var schemeOptions = place.SchemeOptions;
        var scheme = SchemeServices.InMemory(schemeOptions, place.Calendar);
        try
        {
            scenario.Given.ApplyTo(scheme, scenarioSource);
        }
        catch (ScenarioException e)
        {
            error.WriteLine($"{errorPrefix}{e.Message}");
            return new SimulationRun(SimulationRun.BadUsage, null, scheme, null);
        }
        var handlers = new List<IActivityHandler>(SchemeActivities.All(scheme));
        var clock = new VirtualClock(scenario.Start);
        var artifacts = new SimulationArtifacts(place.OutDir, place.TemplatesRoot, clock, TimeZones.Find(schemeOptions.TimeZone), place.TemplateVersions);
        // Letters get their document number, addressee block and appeal date from the scheme around the Word renderer.
        handlers.AddRange(artifacts.Handlers.Select(h => h.Name == DocumentRenderActivityHandler.ActivityName ? new SchemeLetterActivity(h, scheme) : h));

        await using var host = new SimulationHost(clock, handlers, files.SelectMany(f => ActivityNames(f.Model)), [new SchemeStartVariableSource(schemeOptions)], artifacts.Outbox,
            [(RecordDecision.ActivityName, sp => new RecordDecision(scheme, sp.GetRequiredService<IAuditLog>()))]);
        try
        {
            try
            {
                await host.DeployAsync(files.Select(f => (f.Xml, f.Path)), ct);
            }
            catch (WorkflowInputException e)
            {
                error.WriteLine($"{main.Path}: {e.Message}");
                foreach (var (where, messages) in e.Errors)
                    error.WriteLine($"  {where}: {string.Join("; ", messages)}");
                return new SimulationRun(SimulationRun.InvalidDefinition, null, scheme, null);
            }
            await host.RunAsync(processId, scenario, scenario.Variables, ct);
        }
        catch (ScenarioException e)
        {
            error.WriteLine($"{errorPrefix}{e.Message}");
            return new SimulationRun(SimulationRun.BadUsage, null, scheme, scheme.Today(clock.GetUtcNow()));
        }
        var today = scheme.Today(clock.GetUtcNow());
        var report = await host.ReportAsync(await artifacts.DocumentsAsync(host.InstanceId, ct), await artifacts.MailsAsync(host.InstanceId, ct), ct) with
        {
            Registry = [.. scheme.RegistryStore.All().OrderBy(e => e.RegistrationNumber, StringComparer.Ordinal).Select(e => RegistryEntryReport.From(e, today))],
        };
        return new SimulationRun(SimulationRun.Ran, report, scheme, today);
    }

    /// <summary>The only executable process; or the one no call activity in the file calls; else the caller must say.</summary>
    public static string? ChooseProcess(BpmnModel model, string? requested, string file, out string problem)
    {
        var executable = model.Processes.Where(p => p.IsExecutable).Select(p => p.Id).ToList();
        problem = "";
        if (requested is not null)
        {
            if (executable.Contains(requested, StringComparer.Ordinal))
                return requested;
            problem = $"{file} has no executable process '{requested}' (it has: {string.Join(", ", executable)})";
            return null;
        }
        if (executable.Count == 1)
            return executable[0];
        var called = model.Processes.SelectMany(p => Nodes(p.Scope)).OfType<CallActivity>().Select(c => c.CalledElement).ToHashSet(StringComparer.Ordinal);
        var roots = executable.Where(id => !called.Contains(id)).ToList();
        if (roots.Count == 1)
            return roots[0];
        problem = executable.Count == 0
            ? $"{file} has no executable process"
            : $"{file} has several processes that could run; choose one with --process: {string.Join(", ", roots.Count > 0 ? roots : executable)}";
        return null;
    }

    /// <summary>Of the <paramref name="siblings"/> (valid or not), those that hold processes the main file's call activities call, followed transitively.</summary>
    public static IReadOnlyList<SimulatedFile> CalledFiles(SimulatedFile main, IEnumerable<SimulatedFile> siblings)
    {
        var available = new Dictionary<string, SimulatedFile>(StringComparer.Ordinal);
        foreach (var sibling in siblings)
        {
            if (sibling.Errors.Count > 0)
                continue;
            foreach (var p in sibling.Model.Processes.Where(p => p.IsExecutable))
                available.TryAdd(p.Id, sibling);
        }
        var own = main.Model.Processes.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var result = new List<SimulatedFile>();
        var pending = new Queue<BpmnModel>([main.Model]);
        while (pending.TryDequeue(out var model))
        {
            foreach (var call in model.Processes.SelectMany(p => Nodes(p.Scope)).OfType<CallActivity>())
            {
                if (own.Contains(call.CalledElement) || !available.TryGetValue(call.CalledElement, out var file) || result.Contains(file))
                    continue;
                result.Add(file);
                foreach (var p in file.Model.Processes)
                    own.Add(p.Id);
                pending.Enqueue(file.Model);
            }
        }
        return result;
    }

    private static IEnumerable<string> ActivityNames(BpmnModel model) =>
        model.Processes.SelectMany(p => Nodes(p.Scope)).Select(n => n switch
        {
            ServiceTask s => s.ActivityName,
            SendTask s => s.ActivityName,
            BusinessRuleTask b => b.ActivityName,
            IntermediateThrowEvent t => t.ActivityName,
            _ => null,
        }).OfType<string>();

    private static IEnumerable<FlowNode> Nodes(FlowScope scope) =>
        scope.Nodes.SelectMany(n => n is SubProcess s ? [n, .. Nodes(s.Scope)] : new[] { n });
}
