using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using JcStar.Workflow.Cli;
using JcStar.Workflow.Simulation;
using JcStar.Workflow.Scheme;
using JcStar.Workflow.Testing;
using MimeKit;

namespace JcStar.Workflow.Procedures.Tests;

/// <summary>One scenario of workflows/scenarios run in-process through <c>jcstar simulate</c>, with its letters and mails in a temporary folder.</summary>
internal sealed class ScenarioRun : IDisposable
{
    private ScenarioRun(string scenario, string outDir, SimulationReport? report, SchemeServices? scheme, DateOnly? today, int exit, string error, JsonElement expect)
    {
        Scenario = scenario;
        OutDir = outDir;
        Report = report;
        Scheme = scheme;
        Today = today;
        Exit = exit;
        Error = error;
        Expect = expect;
    }

    public string Scenario { get; }
    public string OutDir { get; }
    public SimulationReport? Report { get; }
    public SchemeServices? Scheme { get; }
    public DateOnly? Today { get; }
    public int Exit { get; }
    public string Error { get; }
    public JsonElement Expect { get; }

    public static string ScenariosRoot => RepositoryPaths.InRepo("workflows", "scenarios");

    /// <summary>"self-declaration-application/granted" → runs workflows/self-declaration-application.bpmn with that scenario.</summary>
    public static async Task<ScenarioRun> RunAsync(string name)
    {
        var workflow = name.Split('/')[0];
        var scenario = Path.Combine(ScenariosRoot, workflow, name.Split('/')[1] + ".json");
        var outDir = Directory.CreateTempSubdirectory("jcstar-proc-").FullName;
        var error = new StringWriter();
        var run = await SimulateCommand.SimulateAsync(RepositoryPaths.InRepo("workflows", workflow + ".bpmn"), scenario, outDir, null, error, TestContext.Current.CancellationToken);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(scenario, TestContext.Current.CancellationToken));
        var expect = doc.RootElement.TryGetProperty("expect", out var e) ? e.Clone() : default;
        return new ScenarioRun(name, outDir, run.Report, run.Scheme, run.Today, run.Exit, error.ToString(), expect);
    }

    /// <summary>The report of a run that must have run; a template or workflow problem shows as the incident that stopped it.</summary>
    public SimulationReport Ran()
    {
        Assert.True(Exit == 0 && Report is not null, $"{Scenario}: simulate exited {Exit}: {Error}");
        return Report!;
    }

    public SimulationReport Completed(string status = "completed")
    {
        var report = Ran();
        Assert.True(report.Status == status,
            $"{Scenario}: status {report.Status}, expected {status}; incidents: {string.Join("; ", report.Incidents.Select(i => $"{i.Element}: {i.Message}"))}; trace: {string.Join(" ", Trace)}");
        return report;
    }

    public IReadOnlyList<string> Trace => Report?.Trace.Select(t => t.Element).ToList() ?? [];

    public DocumentEntry Document(string template) =>
        Assert.Single(Ran().Documents, d => d.Template == template);

    /// <summary>The letter's text as Word shows it (paragraphs and table rows), read back with the OpenXML SDK.</summary>
    public string LetterText(string template)
    {
        var path = Document(template).Path;
        Assert.NotNull(path);
        return ReadLetter(path!);
    }

    public static string ReadLetter(string path)
    {
        using var word = WordprocessingDocument.Open(path, false);
        var body = word.MainDocumentPart!.Document!.Body!;
        return string.Join("\n", body.Descendants<Paragraph>().Select(p => string.Concat(p.Descendants<Text>().Select(t => t.Text))));
    }

    public MailEntry Mail(string template) => Assert.Single(Ran().Mails, m => m.Template == template);

    public MimeMessage MailMessage(string template)
    {
        var path = Mail(template).Path;
        Assert.NotNull(path);
        return MimeMessage.Load(path!);
    }

    /// <summary>Every letter's text and every mail's text of the run, for "never appears anywhere" checks.</summary>
    public IEnumerable<(string What, string Text)> Everything()
    {
        foreach (var d in Ran().Documents)
            yield return (d.Name, ReadLetter(d.Path!));
        foreach (var m in Ran().Mails)
        {
            var message = MimeMessage.Load(m.Path!);
            yield return (m.Subject, message.Subject + "\n" + message.TextBody + "\n" + message.HtmlBody);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(OutDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
