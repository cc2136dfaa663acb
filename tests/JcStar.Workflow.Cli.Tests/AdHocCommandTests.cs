using System.CommandLine;
using JcStar.Workflow.Cli.Migration;
using JcStar.Workflow.Persistence.Hosting;
using JcStar.Workflow.Persistence.Sqlite;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Hosting;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Runtime.Timers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace JcStar.Workflow.Cli.Tests;

/// <summary><c>jcstar adhoc list|start</c> on a SQLite file holding a case waiting in an ad-hoc sub-process.</summary>
public sealed class AdHocCommandTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"jcstar-cli-adhoc-{Guid.NewGuid():N}");

    private string Connection => SqliteWorkflowDatabase.ConnectionStringFor(Path.Combine(_folder, "workflow.db"));

    private const string Evaluation = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="D" targetNamespace="urn:test">
          <process id="Evaluation" isExecutable="true">
            <startEvent id="Start" />
            <sequenceFlow id="f1" sourceRef="Start" targetRef="Checks" />
            <adHocSubProcess id="Checks" name="確認">
              <userTask id="Inspect" name="現地確認" jc:candidateGroups="label-issuing-staff" />
              <userTask id="Interview" jc:candidateGroups="label-issuing-staff" />
              <sequenceFlow id="f2" sourceRef="Interview" targetRef="Minutes" />
              <userTask id="Minutes" jc:candidateGroups="label-issuing-staff" />
            </adHocSubProcess>
            <sequenceFlow id="f3" sourceRef="Checks" targetRef="End" />
            <endEvent id="End" />
          </process>
        </definitions>
        """;

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    private async Task<(int Exit, string[] Lines, string Error)> Jcstar(string? stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await JcStarCommandLine.InvokeAsync([.. args, "--provider", "Sqlite", "--connection", Connection], new StringReader(stdin ?? ""),
            new InvocationConfiguration { Output = output, Error = error }, Ct);
        return (exit, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), error.ToString());
    }

    private ServiceProvider Runtime()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<SweptWakeUps>();
        services.AddSingleton<ITimerScheduler>(sp => sp.GetRequiredService<SweptWakeUps>());
        services.AddSingleton<IJobDispatcher>(sp => sp.GetRequiredService<SweptWakeUps>());
        services.AddWorkflowEfStores(o => SqliteWorkflowDatabase.Configure(o, Connection));
        services.AddWorkflowRuntime();
        return services.BuildServiceProvider();
    }

    private async Task<string> StartCaseAsync()
    {
        Assert.Equal(0, (await Jcstar(null, "db", "migrate")).Exit);
        await using var runtime = Runtime();
        await runtime.GetRequiredService<DefinitionDeployment>().DeployAsync(Evaluation, "evaluation.bpmn", WorkflowActor.System, Ct);
        return (await runtime.GetRequiredService<WorkflowRuntime>().StartAsync("Evaluation", "JC-ADHOC", null, WorkflowActor.System, Ct)).Id;
    }

    [Fact]
    public async Task List_prints_each_activity_that_may_be_started_and_start_makes_it_a_task()
    {
        var caseId = await StartCaseAsync();

        var list = await Jcstar(null, "adhoc", "list", caseId);
        var start = await Jcstar(null, "adhoc", "start", caseId, "Inspect");

        Assert.Equal(0, list.Exit);
        Assert.Equal("adhoc\tsubprocess\tactivity\tname", list.Lines[0]);
        Assert.Matches("^\\S+\tChecks\tInspect\t現地確認$", list.Lines[1]);
        Assert.Matches("^\\S+\tChecks\tInterview\t-$", list.Lines[2]);
        Assert.Equal(3, list.Lines.Length);
        Assert.Equal((0, $"started Inspect in case {caseId} (waiting)"), (start.Exit, start.Lines[0]));
        await using var runtime = Runtime();
        var task = Assert.Single((await runtime.GetRequiredService<WorkflowStores>().Tasks.QueryAsync(new TaskQuery { InstanceId = caseId }, Ct)).Items);
        Assert.Equal("Inspect", task.ElementId);
        var history = await runtime.GetRequiredService<WorkflowStores>().Audit.ListByInstanceAsync(caseId, Ct);
        Assert.Contains(history, e => e.Action == JcStar.Workflow.Runtime.Audit.AuditActions.AdHocActivityChosen && e.Actor == "jcstar-cli");
    }

    [Fact]
    public async Task As_a_user_the_access_policy_decides_and_a_refusal_names_the_activity_with_exit_code_1()
    {
        var caseId = await StartCaseAsync();
        Assert.Equal(0, (await Jcstar("Staff-Pass-2026-x", "users", "add", "kei", "--role", "label-issuing-staff", "--password-stdin")).Exit);
        Assert.Equal(0, (await Jcstar("Cert-Pass-2026-x", "users", "add", "chie", "--role", "certification-staff", "--password-stdin")).Exit);

        var stranger = await Jcstar(null, "adhoc", "list", caseId, "--as", "chie");
        var unknown = await Jcstar(null, "adhoc", "list", caseId, "--as", "nobody");
        var flowTarget = await Jcstar(null, "adhoc", "start", caseId, "Minutes", "--as", "kei");
        var chosen = await Jcstar(null, "adhoc", "start", caseId, "Interview", "--as", "kei");

        Assert.Equal(1, stranger.Exit);
        Assert.Contains($"instance {caseId} does not exist", stranger.Error);
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("--as: no active user 'nobody'", unknown.Error);
        Assert.Equal(1, flowTarget.Exit);
        Assert.Contains("'Minutes' cannot be chosen", flowTarget.Error);
        Assert.Equal(0, chosen.Exit);
        await using var runtime = Runtime();
        var history = await runtime.GetRequiredService<WorkflowStores>().Audit.ListByInstanceAsync(caseId, Ct);
        Assert.Contains(history, e => e.Action == JcStar.Workflow.Runtime.Audit.AuditActions.AdHocActivityChosen && e.Actor == "kei" && e.ElementId == "Interview");
    }
}
