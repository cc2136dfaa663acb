using System.CommandLine;
using JcStar.Workflow.Cli.Migration;
using JcStar.Workflow.Persistence.Hosting;
using JcStar.Workflow.Persistence.Sqlite;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Hosting;
using JcStar.Workflow.Runtime.Timers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace JcStar.Workflow.Cli.Tests;

/// <summary><c>jcstar migrate</c> on a SQLite file that a runtime filled with two versions and a waiting case.</summary>
public sealed class MigrateCommandTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"jcstar-cli-migrate-{Guid.NewGuid():N}");

    private string Connection => SqliteWorkflowDatabase.ConnectionStringFor(Path.Combine(_folder, "workflow.db"));

    private static string Approval(string extraStep) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="D" targetNamespace="urn:test">
          <process id="Approval" isExecutable="true">
            <startEvent id="Start" />
            <userTask id="{extraStep}" jc:candidateGroups="reviewers" />
            <endEvent id="End" />
            <sequenceFlow id="f1" sourceRef="Start" targetRef="{extraStep}" />
            <sequenceFlow id="f2" sourceRef="{extraStep}" targetRef="End" />
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

    private async Task<(int Exit, string[] Lines, string Error)> Jcstar(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await JcStarCommandLine.InvokeAsync([.. args, "--provider", "Sqlite", "--connection", Connection], TextReader.Null,
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

    [Fact]
    public async Task Migrate_moves_the_waiting_cases_of_a_version_and_prints_each_one_and_a_dry_run_changes_nothing()
    {
        Assert.Equal(0, (await Jcstar("db", "migrate")).Exit);
        string waiting;
        await using (var runtime = Runtime())
        {
            var deployment = runtime.GetRequiredService<DefinitionDeployment>();
            await deployment.DeployAsync(Approval("Review"), "approval.bpmn", WorkflowActor.System, Ct);
            waiting = (await runtime.GetRequiredService<WorkflowRuntime>().StartAsync("Approval", "JC-1", null, WorkflowActor.System, Ct)).Id;
            await deployment.DeployAsync(Approval("Review").Replace("<endEvent id=\"End\" />", "<endEvent id=\"End\" name=\"done\" />"), "approval.bpmn", WorkflowActor.System, Ct);
        }

        var dry = await Jcstar("migrate", "--from", "Approval:1", "--to", "Approval:2", "--dry-run");
        var run = await Jcstar("migrate", "--from", "Approval:1", "--to", "Approval:2");
        var again = await Jcstar("migrate", "--from", "Approval:1", "--to", "Approval:2", "--instance", waiting);

        Assert.Equal((0, $"would migrate\t{waiting}"), (dry.Exit, dry.Lines[0]));
        Assert.Equal((0, $"migrated\t{waiting}", "Approval:1 → Approval:2: 1 moved, 0 failed"), (run.Exit, run.Lines[0], run.Lines[^1]));
        Assert.Equal(1, again.Exit);
        Assert.StartsWith($"failed\t{waiting}\tcase {waiting} runs Approval:2, not Approval:1", again.Lines[0]);
        await using var after = Runtime();
        Assert.Equal(2, (await after.GetRequiredService<WorkflowStores>().Instances.FindAsync(waiting, Ct))!.DefinitionVersion);
    }

    [Fact]
    public async Task Migrate_refuses_a_version_that_is_not_process_colon_number_with_exit_code_2()
    {
        var run = await Jcstar("migrate", "--from", "Approval", "--to", "Approval:2");

        Assert.Equal(2, run.Exit);
        Assert.Contains("--from 'Approval' is not PROCESS:VERSION", run.Error);
    }
}
