using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Tests.Support;
using Xunit;

namespace JcStar.Workflow.Runtime.Tests;

/// <summary>
/// Process-level conditional start events, evaluated on request as Camunda 7's evaluateStartConditions: every
/// latest version's conditional start event whose condition holds for the variables given starts an instance with them.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class ConditionalStartEventTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Investigation(string condition = "severity >= 7") =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "conditional-start.bpmn")).Replace("severity >= 7", condition, StringComparison.Ordinal);

    private const string ReportForm = """{"components":[{"type":"number","key":"severity"}]}""";

    /// <summary>A second process: a lot recall starts on its message, or when the affected lots are known.</summary>
    private const string Recall = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="R" targetNamespace="urn:test">
          <message id="M_Recall" name="Recall" />
          <process id="LotRecall" isExecutable="true">
            <startEvent id="LotsKnown">
              <messageEventDefinition messageRef="M_Recall" />
              <conditionalEventDefinition><condition xsi:type="tFormalExpression">${lots.length > 0}</condition></conditionalEventDefinition>
            </startEvent>
            <sequenceFlow id="f1" sourceRef="LotsKnown" targetRef="Notify" />
            <userTask id="Notify" />
            <sequenceFlow id="f2" sourceRef="Notify" targetRef="End" />
            <endEvent id="End" />
          </process>
        </definitions>
        """;

    /// <summary>Review starts once the documents have arrived and they have pages, in either order.</summary>
    private const string Gathered = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="G" targetNamespace="urn:test">
          <message id="M_Docs" name="Docs" />
          <process id="Gathered" isExecutable="true">
            <startEvent id="All" parallelMultiple="true">
              <messageEventDefinition messageRef="M_Docs" />
              <conditionalEventDefinition><condition xsi:type="tFormalExpression">${pages > 0}</condition></conditionalEventDefinition>
            </startEvent>
            <sequenceFlow id="f1" sourceRef="All" targetRef="Review" />
            <userTask id="Review" />
            <sequenceFlow id="f2" sourceRef="Review" targetRef="End" />
            <endEvent id="End" />
          </process>
        </definitions>
        """;

    private static ImmutableDictionary<string, JsonElement> Vars(object values) =>
        JsonSerializer.SerializeToElement(values).EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.Clone());

    private static async Task<string> DeployInvestigationAsync(TestRuntime host, string condition = "severity >= 7") =>
        (await host.Deployment.DeployAsync(Investigation(condition), "conditional-start.bpmn", Actors.Admin, Ct, draftForms: new Dictionary<string, string> { ["report"] = ReportForm }))
            .Processes.Single().Definition.Id;

    private static async Task<IReadOnlyList<WorkflowInstance>> InstancesAsync(TestRuntime host, string processId) =>
        (await host.Stores.Instances.QueryAsync(new InstanceQuery(processId, Page: new PageRequest(1, PageRequest.MaxSize)), Ct)).Items;

    private static JsonElement Variable(WorkflowInstance instance, string name) =>
        InstanceStateSerializer.Deserialize(instance.StateJson).Elements.Single(e => e.Parent == 0).Variables![name];

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Evaluating_conditions_starts_exactly_the_processes_whose_condition_holds_with_the_variables_given(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        var investigation = await DeployInvestigationAsync(host);
        await host.DeployAsync(Recall, "recall.bpmn");

        var started = await host.Runtime.EvaluateStartConditionsAsync(Vars(new { severity = 8, product = "ルーター" }), null, "JCS-R-0001", Actors.Admin, Ct);

        var one = Assert.Single(started);
        Assert.Equal(("Investigation", investigation, "Severe"), (one.ProcessId, one.DefinitionId, one.StartEventId));
        var instance = Assert.Single(await InstancesAsync(host, "Investigation"));
        Assert.Equal(one.InstanceId, instance.Id);
        Assert.Equal("JCS-R-0001", instance.BusinessKey);
        Assert.Equal((8, "ルーター"), (Variable(instance, "severity").GetInt32(), Variable(instance, "product").GetString()));
        Assert.Equal(["Investigate"], (await host.Stores.Tasks.QueryAsync(new Tasks.TaskQuery { InstanceId = instance.Id }, Ct)).Items.Select(t => t.ElementId));
        var audit = Assert.Single(await host.Stores.Audit.ListByInstanceAsync(instance.Id, Ct), e => e.Action == AuditActions.ConditionalStart);
        Assert.Equal(("Severe", "admin"), (audit.ElementId, audit.Actor));
        Assert.Equal("${severity >= 7}", JsonDocument.Parse(audit.DataJson!).RootElement.GetProperty("condition").GetString());
        Assert.Empty(await InstancesAsync(host, "LotRecall"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Variables_that_make_no_condition_hold_start_nothing(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await DeployInvestigationAsync(host);
        await host.DeployAsync(Recall, "recall.bpmn");

        Assert.Empty(await host.Runtime.EvaluateStartConditionsAsync(Vars(new { severity = 3, lots = Array.Empty<string>() }), null, null, Actors.Admin, Ct));
        Assert.Empty(await host.Runtime.EvaluateStartConditionsAsync(Vars(new { unrelated = true }), null, null, Actors.Admin, Ct));

        Assert.Empty(await InstancesAsync(host, "Investigation"));
        Assert.Empty(await InstancesAsync(host, "LotRecall"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_conditional_trigger_among_several_starts_the_process_as_its_message_does(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.DeployAsync(Recall, "recall.bpmn");

        var started = Assert.Single(await host.Runtime.EvaluateStartConditionsAsync(Vars(new { lots = new[] { "L-7" } }), "LotRecall", null, Actors.Admin, Ct));
        Assert.Equal(1, await host.Runtime.CorrelateMessageAsync("Recall", null, null, Actors.Admin, Ct));

        Assert.Equal("LotsKnown", started.StartEventId);
        var instances = await InstancesAsync(host, "LotRecall");
        Assert.Equal(2, instances.Count);
        foreach (var instance in instances)
            Assert.Equal(["Notify"], (await host.Stores.Tasks.QueryAsync(new Tasks.TaskQuery { InstanceId = instance.Id }, Ct)).Items.Select(t => t.ElementId));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_parallel_multiple_start_started_by_its_condition_waits_for_its_message_which_runs_the_process(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.DeployAsync(Gathered, "gathered.bpmn");

        var started = Assert.Single(await host.Runtime.EvaluateStartConditionsAsync(Vars(new { pages = 12 }), null, null, Actors.Admin, Ct));
        Assert.Empty((await host.Stores.Tasks.QueryAsync(new Tasks.TaskQuery { InstanceId = started.InstanceId }, Ct)).Items);
        Assert.Equal(1, await host.Runtime.CorrelateMessageAsync("Docs", null, null, Actors.Admin, Ct));

        var instance = Assert.Single(await InstancesAsync(host, "Gathered"));
        Assert.Equal(started.InstanceId, instance.Id);
        Assert.Equal(["Review"], (await host.Stores.Tasks.QueryAsync(new Tasks.TaskQuery { InstanceId = instance.Id }, Ct)).Items.Select(t => t.ElementId));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_condition_that_fails_is_reported_with_its_definition_and_start_event_and_nothing_starts(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await DeployInvestigationAsync(host);
        var recall = await host.DeployAsync(Recall, "recall.bpmn");

        var refused = await Assert.ThrowsAsync<WorkflowInputException>(() =>
            host.Runtime.EvaluateStartConditionsAsync(Vars(new { severity = 9, lots = (string[]?)null }), null, null, Actors.Admin, Ct));

        var message = Assert.Single(refused.Errors["LotsKnown"]);
        Assert.Contains(recall, message, StringComparison.Ordinal);
        Assert.Contains("lots.length > 0", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Severe", refused.Errors.Keys);
        Assert.Empty(await InstancesAsync(host, "Investigation"));
        Assert.Empty(await InstancesAsync(host, "LotRecall"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Only_the_latest_version_of_a_process_is_evaluated(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await DeployInvestigationAsync(host, "severity >= 7");
        var latest = await DeployInvestigationAsync(host, "severity >= 9");

        Assert.Empty(await host.Runtime.EvaluateStartConditionsAsync(Vars(new { severity = 8 }), "Investigation", null, Actors.Admin, Ct));
        var started = Assert.Single(await host.Runtime.EvaluateStartConditionsAsync(Vars(new { severity = 9 }), "Investigation", null, Actors.Admin, Ct));

        Assert.Equal(latest, started.DefinitionId);
        Assert.Equal(latest, Assert.Single(await InstancesAsync(host, "Investigation")).DefinitionId);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Only_a_caller_who_may_start_the_process_starts_it_and_only_with_what_its_start_form_asks_for(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await DeployInvestigationAsync(host);

        await Assert.ThrowsAsync<WorkflowForbiddenException>(() =>
            host.Runtime.EvaluateStartConditionsAsync(Vars(new { severity = 9 }), "Investigation", null, Actors.Outsider, Ct));
        Assert.Empty(await host.Runtime.EvaluateStartConditionsAsync(Vars(new { severity = 9 }), null, null, Actors.Outsider, Ct));
        Assert.Empty(await InstancesAsync(host, "Investigation"));

        var refused = await Assert.ThrowsAsync<WorkflowInputException>(() =>
            host.Runtime.EvaluateStartConditionsAsync(Vars(new { severity = 9, decidedBy = "rei" }), null, null, Actors.Reviewer, Ct));
        Assert.Contains("decidedBy", refused.Errors.Keys);
        Assert.Empty(await InstancesAsync(host, "Investigation"));

        var started = Assert.Single(await host.Runtime.EvaluateStartConditionsAsync(Vars(new { severity = 9 }), null, null, Actors.Reviewer, Ct));
        Assert.Equal("rei", Assert.Single(await InstancesAsync(host, "Investigation"), i => i.Id == started.InstanceId).StartedBy);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_process_named_that_is_not_deployed_or_has_no_conditional_start_is_refused_naming_it(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.DeployAsync(Processes.Approval());

        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => host.Runtime.EvaluateStartConditionsAsync(Vars(new { }), "NoSuchProcess", null, Actors.Admin, Ct));
        var refused = await Assert.ThrowsAsync<WorkflowInputException>(() => host.Runtime.EvaluateStartConditionsAsync(Vars(new { }), "Approval", null, Actors.Admin, Ct));
        Assert.Contains("conditional start event", Assert.Single(refused.Errors["processId"]), StringComparison.Ordinal);
    }
}
