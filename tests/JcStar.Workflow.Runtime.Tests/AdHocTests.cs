using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Tests.Support;
using Xunit;

namespace JcStar.Workflow.Runtime.Tests;

/// <summary>Choosing activities in an ad-hoc sub-process through the runtime, on every store.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class AdHocTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Evaluation = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="D" targetNamespace="urn:test">
          <process id="Evaluation" isExecutable="true">
            <startEvent id="Start" />
            <sequenceFlow id="f1" sourceRef="Start" targetRef="Checks" />
            <adHocSubProcess id="Checks" name="Checks on site">
              <userTask id="Inspect" name="Inspect the device" jc:candidateGroups="reviewers" />
              <userTask id="Interview" jc:candidateGroups="reviewers" />
              <sequenceFlow id="f2" sourceRef="Interview" targetRef="Minutes" />
              <userTask id="Minutes" jc:candidateGroups="reviewers" />
            </adHocSubProcess>
            <sequenceFlow id="f3" sourceRef="Checks" targetRef="End" />
            <endEvent id="End" />
          </process>
        </definitions>
        """;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Staff_choose_an_activity_it_becomes_a_task_and_the_choice_is_in_the_history(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.DeployAsync(Evaluation);
        var instance = await host.Runtime.StartAsync("Evaluation", "JC-9", null, Actors.Reviewer, Ct);
        Assert.Empty((await host.Queries.InboxAsync(Actors.Reviewer, new PageRequest(), Ct)).Items);

        await host.Runtime.ActivateAdHocActivityAsync(instance.Id, "Inspect", Actors.Reviewer, cancellationToken: Ct);

        var task = Assert.Single((await host.Queries.InboxAsync(Actors.Reviewer, new PageRequest(), Ct)).Items);
        Assert.Equal("Inspect", task.ElementId);
        var history = await host.Queries.HistoryAsync(instance.Id, Actors.Admin, Ct);
        Assert.Contains(history, e => e.Action == AuditActions.AdHocActivityChosen && e.Actor == "rei" && e.ElementId == "Inspect");
        await host.Runtime.CompleteTaskAsync(task.Id, null, Actors.Reviewer, Ct);
        Assert.Equal(Engine.InstanceStatus.Completed, (await host.Queries.GetInstanceAsync(instance.Id, Actors.Admin, Ct)).Status);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Someone_who_may_not_see_the_case_finds_nothing_and_an_activity_a_flow_leads_to_cannot_be_chosen(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.DeployAsync(Evaluation);
        var instance = await host.Runtime.StartAsync("Evaluation", "JC-10", null, Actors.Reviewer, Ct);

        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => host.Runtime.ActivateAdHocActivityAsync(instance.Id, "Inspect", Actors.Outsider, cancellationToken: Ct));
        var refused = await Assert.ThrowsAsync<WorkflowInputException>(() => host.Runtime.ActivateAdHocActivityAsync(instance.Id, "Minutes", Actors.Reviewer, cancellationToken: Ct));
        Assert.Contains("Minutes", refused.Message);
        Assert.Empty((await host.Queries.InboxAsync(Actors.Reviewer, new PageRequest(), Ct)).Items);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Staff_see_the_activities_they_may_choose_with_their_names_and_an_outsider_finds_no_case(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.DeployAsync(Evaluation);
        var instance = await host.Runtime.StartAsync("Evaluation", "JC-11", null, Actors.Reviewer, Ct);

        var choice = Assert.Single(await host.Runtime.AdHocChoicesAsync(instance.Id, Actors.Reviewer, Ct));
        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => host.Runtime.AdHocChoicesAsync(instance.Id, Actors.Outsider, Ct));

        Assert.Equal(("Checks", "Checks on site"), (choice.ElementId, choice.Name));
        Assert.Equal(["Inspect", "Interview"], choice.Activities);
        Assert.Equal("Inspect the device", choice.ActivityNames["Inspect"]);
        Assert.False(choice.ActivityNames.ContainsKey("Interview"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Once_the_sub_process_completes_nothing_is_left_to_choose(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.DeployAsync(Evaluation);
        var instance = await host.Runtime.StartAsync("Evaluation", "JC-12", null, Actors.Reviewer, Ct);
        await host.Runtime.ActivateAdHocActivityAsync(instance.Id, "Inspect", Actors.Reviewer, cancellationToken: Ct);
        var task = Assert.Single((await host.Queries.InboxAsync(Actors.Reviewer, new PageRequest(), Ct)).Items);

        await host.Runtime.CompleteTaskAsync(task.Id, null, Actors.Reviewer, Ct);

        Assert.Empty(await host.Runtime.AdHocChoicesAsync(instance.Id, Actors.Admin, Ct));
    }
}
