using JcStar.Workflow.Runtime.Tests.Support;
using Xunit;

namespace JcStar.Workflow.Runtime.Tests;

/// <summary>A file whose call activity calls one of its global tasks deploys and runs, on every store.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class GlobalTaskTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Shared = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="D" targetNamespace="urn:test">
          <globalUserTask id="CheckPayment" jc:candidateGroups="reviewers" />
          <process id="Shared" isExecutable="true">
            <startEvent id="Start" />
            <sequenceFlow id="f1" sourceRef="Start" targetRef="Payment" />
            <callActivity id="Payment" calledElement="CheckPayment" />
            <sequenceFlow id="f2" sourceRef="Payment" targetRef="End" />
            <endEvent id="End" />
          </process>
        </definitions>
        """;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_call_of_a_global_task_deploys_without_a_called_process_and_its_task_reaches_the_inbox(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.DeployAsync(Shared);
        var instance = await host.Runtime.StartAsync("Shared", "JC-11", null, Actors.Admin, Ct);

        var task = Assert.Single((await host.Queries.InboxAsync(Actors.Reviewer, new PageRequest(), Ct)).Items);
        Assert.Equal("Payment", task.ElementId);
        await host.Runtime.CompleteTaskAsync(task.Id, null, Actors.Reviewer, Ct);
        Assert.Equal(Engine.InstanceStatus.Completed, (await host.Queries.GetInstanceAsync(instance.Id, Actors.Admin, Ct)).Status);
    }
}
