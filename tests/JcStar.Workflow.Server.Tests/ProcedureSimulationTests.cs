using System.Net;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Server.Web.Simulation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace JcStar.Workflow.Server.Tests;

/// <summary>
/// Simulation from the procedure pages: the same run as <c>jcstar simulate</c> on the published version or a draft,
/// nothing written to the database, bounded, and a hostile scenario refused with the place it got wrong.
/// </summary>
public sealed class ProcedureSimulationTests(WorkflowServerFactory server) : IClassFixture<WorkflowServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ProcedureSimulator Simulator => server.Services.GetRequiredService<ProcedureSimulator>();

    private async Task<JcStar.Workflow.Runtime.Definitions.DeployedDefinition> ApprovalAsync() =>
        (await server.Services.GetRequiredService<WorkflowQueries>().DefinitionVersionsAsync("Approval", Ct)).MaxBy(v => v.Version)!;

    private async Task<(int Instances, int Tasks, int Audit, int Timers)> RowsAsync()
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync(Ct);
        return (await db.Instances.CountAsync(Ct), await db.Tasks.CountAsync(Ct), await db.AuditLog.CountAsync(Ct), await db.Timers.CountAsync(Ct));
    }

    private const string Draft = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="D" targetNamespace="urn:test">
          <process id="Approval" isExecutable="true">
            <startEvent id="Start" />
            <userTask id="Check" name="形式確認" jc:candidateGroups="reviewers" />
            <exclusiveGateway id="Ok" default="toEnd" />
            <userTask id="Review" name="審査" jc:candidateGroups="reviewers" />
            <endEvent id="End" />
            <sequenceFlow id="f1" sourceRef="Start" targetRef="Check" />
            <sequenceFlow id="f2" sourceRef="Check" targetRef="Ok" />
            <sequenceFlow id="toReview" sourceRef="Ok" targetRef="Review"><conditionExpression>${complete}</conditionExpression></sequenceFlow>
            <sequenceFlow id="toEnd" sourceRef="Ok" targetRef="End" />
            <sequenceFlow id="f3" sourceRef="Review" targetRef="End" />
          </process>
        </definitions>
        """;

    [Fact]
    public async Task The_published_version_and_a_draft_run_in_memory_and_the_database_is_left_as_it_was()
    {
        var approval = await ApprovalAsync();
        var before = await RowsAsync();

        var published = await Simulator.RunAsync(approval, null, "{}", "form", "mori", Ct);
        var draft = await Simulator.RunAsync(approval, Draft, """{"steps": [{"complete": "Check", "variables": {"complete": true}}]}""", "form", "mori", Ct);

        Assert.Empty(published.Problems);
        Assert.Equal("waiting", published.Report!.Status);
        Assert.Equal(["Review"], published.Report.OpenTasks.Select(t => t.Element));
        Assert.Equal(approval.Version, published.Version);
        Assert.Empty(draft.Problems);
        Assert.Null(draft.Version);
        Assert.Equal(["Start", "Check", "Ok"], draft.Report!.Trace.Select(t => t.Element).Take(3));
        Assert.Equal(["Review"], draft.Report.OpenTasks.Select(t => t.Element));
        Assert.Equal(before, await RowsAsync());
        // Kept for the user who ran it only.
        var results = server.Services.GetRequiredService<SimulationResults>();
        Assert.NotNull(results.Find(draft.Id, "mori", "Approval"));
        Assert.Null(results.Find(draft.Id, "sato", "Approval"));
        Assert.Null(results.Find(draft.Id, "mori", "OtherProcess"));
    }

    [Fact]
    public async Task A_hostile_or_mistaken_scenario_is_refused_with_the_place_it_got_wrong()
    {
        var approval = await ApprovalAsync();
        var maxSteps = server.Services.GetRequiredService<IOptions<SimulationOptions>>().Value.MaxSteps;
        var tooMany = "{\"steps\": [" + string.Join(",", Enumerable.Repeat("{\"advance\": \"P1D\"}", maxSteps + 1)) + "]}";

        var cases = new (string Scenario, string? Draft, string Expected)[]
        {
            ("""{"steps": [{"completee": "Review"}]}""", null, "form: steps[0].completee: unknown key"),
            ("""{"steps": [{"advance": "forever"}]}""", null, "steps[0].advance: 'forever' is not an ISO 8601 duration"),
            ("""{"steps": [{"complete": "NoSuchTask"}]}""", null, "steps[0]: no open task 'NoSuchTask' to complete (open: Review)"),
            ("{ not json", null, "form:1: not valid JSON"),
            (tooMany, null, $"a simulation here runs at most {maxSteps} (Simulation:MaxSteps)"),
            ("{}", Draft.Replace("targetRef=\"Review\"", "targetRef=\"Nowhere\"", StringComparison.Ordinal), "toReview"),
            ("{}", Draft.Replace("id=\"Approval\"", "id=\"Renamed\"", StringComparison.Ordinal), "has no executable process 'Approval'"),
        };
        foreach (var (scenario, draft, expected) in cases)
        {
            var run = await Simulator.RunAsync(approval, draft, scenario, "form", "mori", Ct);
            Assert.Null(run.Report);
            Assert.Contains(run.Problems, p => p.Contains(expected, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_simulate_page_is_for_scheme_managers_and_admins_only()
    {
        Assert.Equal(HttpStatusCode.OK, (await server.ClientFor("mori", roles: "scheme-manager").GetAsync("/procedures/Approval/simulate", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.ClientFor("admin", roles: "admin").GetAsync("/procedures/Approval/simulate", Ct)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await server.ClientFor("sato", roles: "label-issuing-staff").GetAsync("/procedures/Approval/simulate", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.ClientFor("mori", roles: "scheme-manager").GetAsync("/procedures/NoSuchProcess/simulate", Ct)).StatusCode);
    }
}
