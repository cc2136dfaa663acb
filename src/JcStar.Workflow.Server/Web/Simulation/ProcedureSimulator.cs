using System.Security.Cryptography;
using JcStar.Workflow.Documents;
using JcStar.Workflow.Engine.Scripting;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Documents;
using JcStar.Workflow.Scheme;
using JcStar.Workflow.Server.Hosting;
using JcStar.Workflow.Simulation;
using Microsoft.Extensions.Options;

namespace JcStar.Workflow.Server.Web.Simulation;

/// <summary>
/// Runs a procedure (its published version or a draft from the modeler) through the same simulation as
/// <c>jcstar simulate</c>: in-memory stores, a virtual clock, letters rendered and mails composed but never sent.
/// It reads the published definitions (the draft's called processes) and the letter template versions, and writes nothing to the database.
/// Bounded: scenario size and steps, a time limit, and a few runs at once.
/// </summary>
public sealed class ProcedureSimulator(
    WorkflowQueries queries, SchemeOptions scheme, SchemeServices schemeServices, DocumentsOptions documents,
    IOptions<SimulationOptions> options, IOptions<WorkflowFilesOptions> workflows, SimulationResults results, TimeProvider time, ILetterTemplateStore templateVersions)
{
    private readonly SemaphoreSlim turns = new(Math.Max(1, options.Value.MaxConcurrent));

    /// <summary>The scenarios kept for the procedure's BPMN file (workflows/scenarios/&lt;file name&gt;/*.json), by name.</summary>
    public IReadOnlyList<string> Scenarios(DeployedDefinition definition)
    {
        var folder = ScenarioFolder(definition);
        return Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>A kept scenario's text; only a name from <see cref="Scenarios"/> is read, so no path reaches the file system.</summary>
    public string? ScenarioText(DeployedDefinition definition, string name) =>
        Scenarios(definition).Contains(name, StringComparer.Ordinal) ? File.ReadAllText(Path.Combine(ScenarioFolder(definition), name + ".json")) : null;

    private string ScenarioFolder(DeployedDefinition definition) =>
        Path.Combine(options.Value.ScenariosPath is { Length: > 0 } path ? path : Path.Combine(workflows.Value.Path, "scenarios"), Path.GetFileNameWithoutExtension(definition.SourceName));

    /// <param name="draft">The modeler's XML; null runs the published version.</param>
    /// <param name="scenarioJson">A scenario in the format of workflows/scenarios (the form's composition is written in it).</param>
    public async Task<SimulationResult> RunAsync(DeployedDefinition published, string? draft, string scenarioJson, string scenarioName, string owner, CancellationToken ct)
    {
        var limits = options.Value;
        var xml = draft ?? published.Xml;
        var source = draft is null ? published.SourceName : $"draft {published.SourceName}";
        var result = new SimulationResult(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), owner, published.ProcessId, draft is null ? published.Version : null,
            xml, scenarioName, null, [], [], [], time.GetUtcNow());
        SimulationResult Refused(params string[] problems)
        {
            var refused = result with { Problems = problems };
            results.Add(refused);
            return refused;
        }

        if (xml.Length > limits.MaxInputChars || scenarioJson.Length > limits.MaxInputChars)
            return Refused($"the draft or the scenario is longer than Simulation:MaxInputChars ({limits.MaxInputChars} characters)");
        Scenario scenario;
        try
        {
            scenario = ScenarioReader.Read(scenarioJson, scenarioName);
        }
        catch (ScenarioException e)
        {
            return Refused(e.Message);
        }
        if (scenario.Steps.Length > limits.MaxSteps)
            return Refused($"{scenarioName}: steps: {scenario.Steps.Length} steps; a simulation here runs at most {limits.MaxSteps} (Simulation:MaxSteps)");

        var expressions = new JintExpressionSyntax();
        var main = SimulatedFile.Read(xml, source, expressions);
        if (main.Errors.Count > 0)
            return Refused([.. main.Errors.Select(d => d.ToString())]);
        var chosen = ProcessSimulation.ChooseProcess(main.Model, published.ProcessId, source, out var problem);
        if (chosen is null)
            return Refused(problem);
        var others = (await queries.DefinitionsAsync(ct))
            .Where(d => d.SourceName != published.SourceName)
            .GroupBy(d => d.SourceName, StringComparer.Ordinal).Select(g => g.MaxBy(d => d.Version)!)
            .OrderBy(d => d.SourceName, StringComparer.Ordinal).ToList();
        var called = ProcessSimulation.CalledFiles(main, others.Select(d => SimulatedFile.Read(d.Xml, d.SourceName, expressions)));

        var gate = turns;
        if (!await gate.WaitAsync(limits.QueueWait, ct))
            return Refused($"{limits.MaxConcurrent} simulations are running (Simulation:MaxConcurrent); try again in a moment");
        var outDir = Directory.CreateTempSubdirectory("jcstar-simulation-").FullName;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(limits.Timeout);
            var error = new StringWriter();
            // Letters as a case would get them now: the latest uploaded version of each template (read, never written), else the folder's file.
            var place = new SimulationPlace(scheme, schemeServices.Calendar, Path.GetFullPath(documents.TemplatesRoot), outDir) { TemplateVersions = templateVersions };
            SimulationRun run;
            try
            {
                run = await Task.Run(() => ProcessSimulation.RunAsync(main, called, chosen, scenario, scenarioName, place, error, "", timeout.Token), timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return Refused($"{scenarioName}: the simulation was stopped after {limits.Timeout.TotalSeconds:0} seconds (Simulation:Timeout); a timer cycle or a loop may never end");
            }
            var problems = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (run.Report is not { } report)
                return Refused(problems);
            var done = result with
            {
                Report = report,
                Problems = problems,
                Letters = await SimulationOutput.LettersAsync(report, ct),
                Mails = await SimulationOutput.MailsAsync(report, ct),
            };
            results.Add(done);
            return done;
        }
        finally
        {
            gate.Release();
            Directory.Delete(outDir, recursive: true);
        }
    }
}
