using System.CommandLine;
using JcStar.Workflow.Cli.Migration;
using JcStar.Workflow.Persistence.Hosting;
using JcStar.Workflow.Persistence.Sqlite;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Hosting;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Runtime.Timers;
using JcStar.Workflow.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace JcStar.Workflow.Cli.Tests;

/// <summary><c>jcstar conditions evaluate</c> on a SQLite file holding a process with a conditional start event.</summary>
public sealed class ConditionsCommandTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string Fixture = RepositoryPaths.InRepo("tests", "JcStar.Workflow.Cli.Tests", "Fixtures", "simulate", "conditional-start.bpmn");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"jcstar-cli-conditions-{Guid.NewGuid():N}");

    private string Connection => SqliteWorkflowDatabase.ConnectionStringFor(Path.Combine(_folder, "workflow.db"));

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

    private string Vars(string json)
    {
        var path = Path.Combine(_folder, $"vars-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
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

    private async Task DeployAsync()
    {
        Assert.Equal(0, (await Jcstar(null, "db", "migrate")).Exit);
        await using var runtime = Runtime();
        await runtime.GetRequiredService<DefinitionDeployment>().DeployAsync(await File.ReadAllTextAsync(Fixture, Ct), "conditional-start.bpmn", WorkflowActor.System, Ct);
    }

    [Fact]
    public async Task Evaluate_starts_the_process_whose_condition_holds_and_prints_the_instance_or_that_nothing_held()
    {
        await DeployAsync();

        var held = await Jcstar(null, "conditions", "evaluate", "--vars", Vars("""{"severity": 9}"""), "--business-key", "RPT-9");
        var notHeld = await Jcstar(null, "conditions", "evaluate", "--vars", Vars("""{"severity": 2}"""), "--process", "Investigation");

        Assert.Equal(0, held.Exit);
        Assert.Equal("instance\tprocess\tstartEvent\tdefinition", held.Lines[0]);
        var columns = held.Lines[1].Split('\t');
        Assert.Equal(["Investigation", "Severe"], columns[1..3]);
        Assert.Equal(2, held.Lines.Length);
        Assert.Equal((0, "no start condition held: nothing was started"), (notHeld.Exit, notHeld.Lines[^1]));
        await using var runtime = Runtime();
        var stores = runtime.GetRequiredService<WorkflowStores>();
        Assert.Equal("RPT-9", (await stores.Instances.FindAsync(columns[0], Ct))!.BusinessKey);
        Assert.Equal("investigate", Assert.Single((await stores.Tasks.QueryAsync(new TaskQuery { InstanceId = columns[0] }, Ct)).Items).ElementId);
        Assert.Contains(await stores.Audit.ListByInstanceAsync(columns[0], Ct), e => e.Action == AuditActions.ConditionalStart && e.Actor == "jcstar-cli" && e.ElementId == "Severe");
    }

    [Fact]
    public async Task A_variables_file_that_is_missing_or_not_an_object_is_bad_usage_naming_the_option()
    {
        await DeployAsync();

        var missing = await Jcstar(null, "conditions", "evaluate", "--vars", Path.Combine(_folder, "nowhere.json"));
        var array = await Jcstar(null, "conditions", "evaluate", "--vars", Vars("[1, 2]"));
        var broken = await Jcstar(null, "conditions", "evaluate", "--vars", Vars("{\n  \"severity\": \n}"));

        Assert.Equal(2, missing.Exit);
        Assert.Contains("--vars: file", missing.Error);
        Assert.Equal(2, array.Exit);
        Assert.Contains("must hold one JSON object", array.Error);
        var twice = await Jcstar(null, "conditions", "evaluate", "--vars", Vars("""{"severity": 9, "severity": 1}"""));
        Assert.Equal(2, broken.Exit);
        Assert.Contains("line 3", broken.Error);
        Assert.Equal(2, twice.Exit);
        Assert.Contains("variable 'severity' is given twice", twice.Error);
    }

    [Fact]
    public async Task A_process_that_is_not_deployed_or_that_the_user_may_not_start_is_refused_with_exit_code_1()
    {
        await DeployAsync();
        Assert.Equal(0, (await Jcstar("Staff-Pass-2026-x", "users", "add", "kei", "--role", "label-issuing-staff", "--password-stdin")).Exit);

        var unknown = await Jcstar(null, "conditions", "evaluate", "--vars", Vars("""{"severity": 9}"""), "--process", "NoSuchProcess");
        var refused = await Jcstar(null, "conditions", "evaluate", "--vars", Vars("""{"severity": 9}"""), "--process", "Investigation", "--as", "kei");

        Assert.Equal(1, unknown.Exit);
        Assert.Contains("no process 'NoSuchProcess' is deployed", unknown.Error);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("only admins may start it", refused.Error);
        await using var runtime = Runtime();
        Assert.Empty((await runtime.GetRequiredService<WorkflowStores>().Instances.QueryAsync(new JcStar.Workflow.Runtime.Instances.InstanceQuery("Investigation"), Ct)).Items);
    }
}
