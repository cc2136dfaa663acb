using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using JcStar.Workflow.Bpmn.Diagnostics;
using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Bpmn.Reading;
using JcStar.Workflow.Bpmn.Validation;
using JcStar.Workflow.Cli.Simulation;
using JcStar.Workflow.Engine.Scripting;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Scheme;
using JcStar.Workflow.Scheme.Activities;
using JcStar.Workflow.Scheme.Calendar;
using JcStar.Workflow.Scheme.Letters;
using JcStar.Workflow.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Cli;

/// <summary>
/// <c>jcstar simulate FILE.bpmn [--scenario S.json] [--out DIR] [--process ID]</c>: runs the process in
/// memory on a virtual clock and prints one JSON object. Exit 0 whenever the simulation ran, 1 when the
/// definition is invalid (diagnostics on stderr), 2 for bad usage or a bad scenario.
/// </summary>
internal static class SimulateCommand
{
    public const int Ran = 0;
    public const int InvalidDefinition = 1;
    public const int BadUsage = 2;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "the BPMN file to run" };
        var scenario = new Option<string?>("--scenario") { Description = "scenario JSON: variables, steps (complete, message, signal, advance), drainTimers" };
        var outDir = new Option<string?>("--out") { Description = "folder for the Word files and .eml mails the run produces" };
        var process = new Option<string?>("--process") { Description = "the process to run when the file has several" };
        var command = new Command("simulate", "run a process in memory on a virtual clock and print what happened as JSON");
        command.Arguments.Add(file);
        command.Options.Add(scenario);
        command.Options.Add(outDir);
        command.Options.Add(process);
        command.SetAction((parseResult, ct) => RunAsync(
            parseResult.GetValue(file)!, parseResult.GetValue(scenario), parseResult.GetValue(outDir), parseResult.GetValue(process),
            parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, ct));
        return command;
    }

    public static async Task<int> RunAsync(string file, string? scenarioPath, string? outDir, string? processId, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var run = await SimulateAsync(file, scenarioPath, outDir, processId, error, ct);
        if (run.Report is { } report)
            output.WriteLine(JsonSerializer.Serialize(report, Json));
        return run.Exit;
    }

    /// <summary>What one simulation produced: the exit code, the report (when it ran) and the scheme's stores as the run left them.</summary>
    internal sealed record SimulationRun(int Exit, SimulationReport? Report, SchemeServices? Scheme, DateOnly? Today);

    /// <summary>
    /// Runs the simulation and returns the report with the scheme's stores (registry, facilities, conflicts), so
    /// an in-process caller can inspect the registry the run left behind. Problems are written to <paramref name="error"/>.
    /// </summary>
    internal static async Task<SimulationRun> SimulateAsync(string file, string? scenarioPath, string? outDir, string? processId, TextWriter error, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            error.WriteLine($"jcstar simulate: {file}: no such file");
            return new SimulationRun(BadUsage, null, null, null);
        }
        var expressions = new JintExpressionSyntax();
        var main = Read(file, expressions);
        if (main.Errors.Count > 0)
        {
            foreach (var d in main.Errors)
                error.WriteLine(d);
            return new SimulationRun(InvalidDefinition, null, null, null);
        }

        Scenario scenario;
        try
        {
            scenario = scenarioPath is null ? Scenario.Empty
                : File.Exists(scenarioPath) ? ScenarioReader.Read(await File.ReadAllTextAsync(scenarioPath, ct), scenarioPath)
                : throw new ScenarioException($"{scenarioPath}: no such file");
        }
        catch (ScenarioException e)
        {
            error.WriteLine($"jcstar simulate: {e.Message}");
            return new SimulationRun(BadUsage, null, null, null);
        }

        var chosen = ChooseProcess(main.Model, processId, file, out var problem);
        if (chosen is null)
        {
            error.WriteLine($"jcstar simulate: {problem}");
            return new SimulationRun(BadUsage, null, null, null);
        }

        // Called processes first: a deployment pins the versions its call activities call.
        var files = CalledFiles(main, Path.GetDirectoryName(Path.GetFullPath(file))!, expressions).Reverse().Append(main).ToList();
        var schemeOptions = new SchemeOptions();
        var scheme = SchemeServices.InMemory(schemeOptions, CalendarBeside(file, schemeOptions));
        try
        {
            scenario.Given.ApplyTo(scheme, scenarioPath ?? "scenario");
        }
        catch (ScenarioException e)
        {
            error.WriteLine($"jcstar simulate: {e.Message}");
            return new SimulationRun(BadUsage, null, scheme, null);
        }
        var handlers = new List<IActivityHandler>(SchemeActivities.All(scheme));
        var clock = new VirtualClock(scenario.Start);
        var artifacts = new SimulationArtifacts(outDir, TemplatesRoot(file), clock, TimeZoneInfo.FindSystemTimeZoneById(schemeOptions.TimeZone));
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
                error.WriteLine($"{file}: {e.Message}");
                foreach (var (where, messages) in e.Errors)
                    error.WriteLine($"  {where}: {string.Join("; ", messages)}");
                return new SimulationRun(InvalidDefinition, null, scheme, null);
            }
            await host.RunAsync(chosen, scenario, scenario.Variables, ct);
        }
        catch (ScenarioException e)
        {
            error.WriteLine($"jcstar simulate: {e.Message}");
            return new SimulationRun(BadUsage, null, scheme, scheme.Today(clock.GetUtcNow()));
        }
        var today = scheme.Today(clock.GetUtcNow());
        var report = await host.ReportAsync(await artifacts.DocumentsAsync(host.InstanceId, ct), await artifacts.MailsAsync(host.InstanceId, ct), ct) with
        {
            Registry = [.. scheme.RegistryStore.All().OrderBy(e => e.RegistrationNumber, StringComparer.Ordinal).Select(e => RegistryEntryReport.From(e, today))],
        };
        return new SimulationRun(Ran, report, scheme, today);
    }

    /// <summary>The holiday file in calendar/ beside the workflow (the repository layout), else the setting's default.</summary>
    private static BusinessCalendar CalendarBeside(string file, SchemeOptions options)
    {
        var beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, "calendar", "syukujitsu.csv");
        return BusinessCalendar.Load(File.Exists(beside) ? options.Calendar with { HolidaysFile = beside } : options.Calendar);
    }

    /// <summary>templates/ beside the workflows folder (the repository layout), else ./templates.</summary>
    private static string TemplatesRoot(string file)
    {
        var beside = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, "..", "templates"));
        return Directory.Exists(beside) ? beside : Path.GetFullPath("templates");
    }

    private sealed record ReadFile(string Path, string Xml, BpmnModel Model, IReadOnlyList<BpmnDiagnostic> Errors);

    private static ReadFile Read(string path, JintExpressionSyntax expressions)
    {
        var xml = File.ReadAllText(path);
        var read = BpmnReader.Read(xml, path);
        var diagnostics = read.HasErrors ? read.Diagnostics : [.. read.Diagnostics, .. BpmnValidator.Validate(read, expressions)];
        return new ReadFile(path, xml, read.Model, [.. diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)]);
    }

    /// <summary>The only executable process; or the one no call activity in the file calls; else the caller must say.</summary>
    private static string? ChooseProcess(BpmnModel model, string? requested, string file, out string problem)
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

    /// <summary>Files beside the main one that hold processes its call activities call, followed transitively.</summary>
    private static IReadOnlyList<ReadFile> CalledFiles(ReadFile main, string folder, JintExpressionSyntax expressions)
    {
        var available = new Dictionary<string, ReadFile>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder, "*.bpmn").Order(StringComparer.Ordinal))
        {
            if (Path.GetFullPath(path) == Path.GetFullPath(main.Path))
                continue;
            var sibling = Read(path, expressions);
            if (sibling.Errors.Count > 0)
                continue;
            foreach (var p in sibling.Model.Processes.Where(p => p.IsExecutable))
                available.TryAdd(p.Id, sibling);
        }
        var own = main.Model.Processes.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var result = new List<ReadFile>();
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
