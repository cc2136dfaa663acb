using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using JcStar.Workflow.Bpmn.Diagnostics;
using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Bpmn.Reading;
using JcStar.Workflow.Bpmn.Validation;
using JcStar.Workflow.Simulation;
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
    public const int Ran = SimulationRun.Ran;
    public const int InvalidDefinition = SimulationRun.InvalidDefinition;
    public const int BadUsage = SimulationRun.BadUsage;

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
        var main = SimulatedFile.Read(File.ReadAllText(file), file, expressions);
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

        var chosen = ProcessSimulation.ChooseProcess(main.Model, processId, file, out var problem);
        if (chosen is null)
        {
            error.WriteLine($"jcstar simulate: {problem}");
            return new SimulationRun(BadUsage, null, null, null);
        }

        var called = ProcessSimulation.CalledFiles(main, Siblings(file, expressions));
        var schemeOptions = new SchemeOptions();
        var place = new SimulationPlace(schemeOptions, CalendarBeside(file, schemeOptions), TemplatesRoot(file), outDir);
        return await ProcessSimulation.RunAsync(main, called, chosen, scenario, scenarioPath ?? "scenario", place, error, "jcstar simulate: ", ct);
    }

    /// <summary>The other .bpmn files beside the main one: the processes its call activities may call.</summary>
    private static IEnumerable<SimulatedFile> Siblings(string file, JintExpressionSyntax expressions) =>
        Directory.EnumerateFiles(Path.GetDirectoryName(Path.GetFullPath(file))!, "*.bpmn").Order(StringComparer.Ordinal)
            .Where(path => Path.GetFullPath(path) != Path.GetFullPath(file))
            .Select(path => SimulatedFile.Read(File.ReadAllText(path), path, expressions));

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
}
