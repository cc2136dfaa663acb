using JcStar.Workflow.Bpmn.Model;
using Xunit;
using static JcStar.Workflow.Engine.Tests.Bpmn;

namespace JcStar.Workflow.Engine.Tests;

public sealed class TaskTests
{
    [Fact]
    public void A_user_task_waits_and_completing_it_ends_the_instance()
    {
        var defs = new ProcessBuilder("p").Add(Start(), User("review", assignee: "${reviewer}", due: "P3D"), End()).Chain("start", "review", "end").Compile();

        var run = Scenario.Run(defs, r => r.Start(new { reviewer = "sato" }).CompleteTask("review", new { approved = true }));

        var opened = Assert.Single(run.All<UserTaskOpened>());
        Assert.Equal("sato", opened.Assignee);
        Assert.Equal(InstanceRun.T0.AddDays(3), opened.DueDate);
        Assert.Equal(["start", "review", "end"], run.Completed);
        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal(InstanceStatus.Completed, run.All<InstanceEnded>().Single().Status);
        Assert.Equal(UserTaskCloseReason.Completed, run.All<UserTaskClosed>().Single().Reason);
    }

    [Fact]
    public void A_service_task_invokes_its_activity_with_the_visible_variables_and_merges_the_outputs()
    {
        var defs = new ProcessBuilder("p").Add(Start(), Service("classify", "classify"), User("next"), End()).Chain("start", "classify", "next", "end").Compile();

        var run = Scenario.Run(defs, r => r.Start(new { docId = "d1" }).CompleteJob("classify", new { docClass = "invoice" }));

        var invoked = Assert.Single(run.All<ActivityInvoked>());
        Assert.Equal("classify", invoked.ActivityName);
        Assert.Equal("d1", invoked.Inputs["docId"].GetString());
        Assert.Equal("invoice", run.Variable("docClass").GetString());
        Assert.Equal(["next"], run.OpenTasks);
    }

    [Fact]
    public void Input_mappings_add_to_the_visible_variables_the_activity_sees_and_output_mappings_shape_what_it_returns()
    {
        var task = Service("calc", "calc") with { Inputs = Io(("amount", "${price * qty}")), Outputs = Io(("total", "${result + 1}")) };
        var defs = new ProcessBuilder("p").Add(Start(), task, User("next"), End()).Chain("start", "calc", "next", "end").Compile();

        var run = Scenario.Run(defs, r => r.Start(new { price = 3, qty = 4 }).CompleteJob("calc", new { result = 12 }));

        var invoked = Assert.Single(run.All<ActivityInvoked>());
        Assert.Equal(["amount", "price", "qty"], invoked.Inputs.Keys.Order());
        Assert.Equal(12, invoked.Inputs["amount"].GetInt32());
        Assert.False(run.State!.Elements.Single(e => e.Parent == 0).Variables!.ContainsKey("amount"));
        Assert.Equal(13, run.Variable("total").GetInt32());
        Assert.False(run.State!.Elements.Single(e => e.Parent == 0).Variables!.ContainsKey("result"));
    }

    [Fact]
    public void A_result_variable_holds_all_outputs_of_the_activity()
    {
        var defs = new ProcessBuilder("p").Add(Start(), Service("s", "lookup", resultVariable: "found"), User("next"), End()).Chain("start", "s", "next", "end").Compile();

        var run = Scenario.Run(defs, r => r.Start().CompleteJob("s", new { a = 1, b = "x" }));

        Assert.Equal("x", run.Variable("found").GetProperty("b").GetString());
    }

    [Fact]
    public void A_failed_activity_without_error_code_raises_an_incident_and_a_retry_invokes_it_again_with_the_same_job_id()
    {
        var defs = new ProcessBuilder("p").Add(Start(), Service("s", "send"), End()).Chain("start", "s", "end").Compile();

        var run = Scenario.Run(defs, r =>
        {
            r.Start().FailJob("s", "smtp down");
            r.Send(new RetryIncident(r.All<IncidentRaised>().Single().IncidentId));
            r.CompleteJob("s");
        });

        var invocations = run.All<ActivityInvoked>().ToList();
        Assert.Equal(2, invocations.Count);
        Assert.Equal(invocations[0].JobId, invocations[1].JobId);
        Assert.Equal("smtp down", run.All<IncidentRaised>().Single().Message);
        Assert.Equal(InstanceStatus.Completed, run.Status);
    }

    [Fact]
    public void Manual_tasks_plain_tasks_and_send_tasks_without_activity_pass_straight_through()
    {
        var send = new SendTask { Id = "notify", MessageName = "notified" };
        var defs = new ProcessBuilder("p").Add(Start(), new ManualTask { Id = "m" }, Task("t"), send, End()).Chain("start", "m", "t", "notify", "end").Compile();

        var run = Scenario.Run(defs, r => r.Start(new { a = 1 }));

        Assert.Equal(["start", "m", "t", "notify", "end"], run.Completed);
        Assert.Equal("notified", run.All<MessageThrown>().Single().MessageName);
    }

    [Fact]
    public void A_send_task_and_a_business_rule_task_with_an_activity_wait_for_it()
    {
        var defs = new ProcessBuilder("p")
            .Add(Start(), new SendTask { Id = "mail", ActivityName = "sendMail" }, new BusinessRuleTask { Id = "rule", ActivityName = "decide", ResultVariable = "decision" }, End())
            .Chain("start", "mail", "rule", "end").Compile();

        var run = Scenario.Run(defs, r => r.Start().CompleteJob("mail").CompleteJob("rule", new { ok = true }));

        Assert.Equal(["sendTask", "businessRuleTask"], run.All<ActivityInvoked>().Select(a => a.ElementType));
        Assert.True(run.Variable("decision").GetProperty("ok").GetBoolean());
    }

    [Fact]
    public void A_receive_task_waits_for_its_message_with_the_correlation_key()
    {
        var receive = new ReceiveTask { Id = "wait", MessageName = "paid", CorrelationKey = X("${orderId}") };
        var defs = new ProcessBuilder("p").Add(Start(), receive, End()).Chain("start", "wait", "end").Compile();

        var run = Scenario.Run(defs, r =>
        {
            r.Start(new { orderId = "o-7" });
            Assert.Equal(CommandRejection.NotFound, r.Rejected(new CorrelateMessage("paid", "o-8", Vars.None)));
            r.Correlate("paid", "o-7", new { amount = 10 });
        });

        Assert.Equal("o-7", run.All<MessageSubscriptionOpened>().Single().CorrelationKey);
        Assert.Equal(10, run.Variable("amount").GetInt32());
        Assert.Equal(InstanceStatus.Completed, run.Status);
    }

    [Fact]
    public void A_script_task_reads_and_writes_variables_as_globals_and_through_execution()
    {
        var script = Script("s", "total = price * 2; var label = 'x' + total; execution.setVariable('viaApi', execution.getVariable('price') + 1); total + 1", resultVariable: "last");
        var defs = new ProcessBuilder("p").Add(Start(), script, User("next"), End()).Chain("start", "s", "next", "end").Compile();

        var run = Scenario.Run(defs, r => r.Start(new { price = 5, total = 0 }));

        Assert.Equal(10, run.Variable("total").GetInt32());
        Assert.Equal("x10", run.Variable("label").GetString());
        Assert.Equal(6, run.Variable("viaApi").GetInt32());
        Assert.Equal(11, run.Variable("last").GetInt32());
    }

    [Fact]
    public void A_script_creates_a_new_process_variable_by_plain_assignment()
    {
        var script = Script("s", "total = price * quantity; flags = { big: total > 10 };");
        var defs = new ProcessBuilder("p").Add(Start(), script, User("next"), End()).Chain("start", "s", "next", "end").Compile();

        var run = Scenario.Run(defs, r => r.Start(new { price = 5, quantity = 3 }));

        Assert.Equal(15, run.Variable("total").GetInt32());
        Assert.True(run.Variable("flags").GetProperty("big").GetBoolean());
    }

    [Fact]
    public void A_completed_instance_refuses_further_commands_as_no_longer_pending()
    {
        var defs = new ProcessBuilder("p").Add(Start(), User("a"), End()).Chain("start", "a", "end").Compile();

        Scenario.Run(defs, r =>
        {
            r.Start();
            var task = r.TaskId("a");
            r.CompleteTask("a");
            Assert.Equal(CommandRejection.NoLongerPending, r.Rejected(new CompleteUserTask(task, Vars.None)));
            Assert.Equal(CommandRejection.NoLongerPending, r.Rejected(new CancelInstance()));
        });
    }

    [Fact]
    public void A_task_id_of_another_instance_is_not_found()
    {
        var defs = new ProcessBuilder("p").Add(Start(), User("a"), End()).Chain("start", "a", "end").Compile();

        Scenario.Run(defs, r =>
        {
            r.Start();
            Assert.Equal(CommandRejection.NotFound, r.Rejected(new CompleteUserTask("other:2", Vars.None)));
        });
    }

    [Fact]
    public void Cancelling_an_instance_closes_everything_it_waited_on()
    {
        var defs = new ProcessBuilder("p")
            .Add(Start(), And("fork"), User("a"), Service("b", "work"), Boundary("late", "a", Timer("P1D")), End("e1"), End("e2"), End("e3"))
            .Chain("start", "fork", "a", "e1").Chain("fork", "b", "e2").Flow("late", "e3").Compile();

        var run = Scenario.Run(defs, r => r.Start().Send(new CancelInstance("withdrawn")));

        Assert.Single(run.All<UserTaskClosed>(), c => c.Reason == UserTaskCloseReason.Cancelled);
        Assert.Single(run.All<ActivityCancelled>());
        Assert.Single(run.All<TimerCancelled>());
        Assert.Equal(InstanceStatus.Cancelled, run.Status);
    }
}
