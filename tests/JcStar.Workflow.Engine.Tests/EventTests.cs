using JcStar.Workflow.Bpmn.Model;
using Xunit;
using static JcStar.Workflow.Engine.Tests.Bpmn;

namespace JcStar.Workflow.Engine.Tests;

public sealed class EventTests
{
    [Fact]
    public void An_intermediate_timer_fires_on_the_fake_clock_and_only_once()
    {
        var defs = new ProcessBuilder("p").Add(Start(), Catch("wait", Timer("PT2H")), User("after"), End()).Chain("start", "wait", "after", "end").Compile();

        var run = Scenario.Run(defs, r =>
        {
            r.Start();
            var timer = r.TimerId("wait");
            Assert.Equal(CommandRejection.Invalid, r.Rejected(new FireTimer(timer)));
            r.Advance(TimeSpan.FromHours(2));
            r.Send(new FireTimer(timer));
            Assert.Equal(CommandRejection.NoLongerPending, r.Rejected(new FireTimer(timer)));
        });

        Assert.Equal(InstanceRun.T0.AddHours(2), run.All<TimerScheduled>().Single().DueAt);
        Assert.Equal(["after"], run.OpenTasks);
    }

    [Fact]
    public void A_timer_value_can_be_an_expression_giving_an_iso_date()
    {
        var defs = new ProcessBuilder("p").Add(Start(), Catch("wait", Timer("${deadline}", TimerKind.Date)), End()).Chain("start", "wait", "end").Compile();

        var run = Scenario.Run(defs, r => r.Start(new { deadline = "2026-02-01T00:00:00+09:00" }).Fire("wait"));

        Assert.Equal(DateTimeOffset.Parse("2026-02-01T00:00:00+09:00"), run.All<TimerScheduled>().Single().DueAt);
        Assert.Equal(InstanceStatus.Completed, run.Status);
    }

    [Fact]
    public void An_interrupting_boundary_timer_cancels_the_task_and_takes_its_own_path()
    {
        var defs = new ProcessBuilder("p")
            .Add(Start(), User("review"), Boundary("late", "review", Timer("P10D")), User("escalate"), End("done"), End("lateEnd"))
            .Chain("start", "review", "done").Chain("late", "escalate", "lateEnd").Compile();

        var run = Scenario.Run(defs, r => r.Start().Fire("late"));

        Assert.Equal(UserTaskCloseReason.Cancelled, run.All<UserTaskClosed>().Single().Reason);
        Assert.Equal(["escalate"], run.OpenTasks);
    }

    [Fact]
    public void A_non_interrupting_cycle_boundary_timer_fires_repeatedly_while_the_task_stays_open()
    {
        var defs = new ProcessBuilder("p")
            .Add(Start(), User("review"), Boundary("remind", "review", Timer("R3/P1D", TimerKind.Cycle), interrupting: false), Service("mail", "sendReminder"), End("done"), End("mailed"))
            .Chain("start", "review", "done").Chain("remind", "mail", "mailed").Compile();

        var run = Scenario.Run(defs, r =>
        {
            r.Start().Fire("remind").CompleteJob("mail").Fire("remind").CompleteJob("mail").Fire("remind").CompleteJob("mail");
            Assert.Empty(r.PendingTimers);
            r.CompleteTask("review");
        });

        Assert.Equal(3, run.All<ActivityInvoked>().Count());
        Assert.Equal([InstanceRun.T0.AddDays(1), InstanceRun.T0.AddDays(2), InstanceRun.T0.AddDays(3)], run.All<TimerScheduled>().Select(t => t.DueAt));
        Assert.Equal(InstanceStatus.Completed, run.Status);
    }

    [Fact]
    public void An_interrupting_message_boundary_with_a_correlation_key_cancels_the_job()
    {
        var defs = new ProcessBuilder("p")
            .Add(Start(), Service("check", "check"), Boundary("withdrawn", "check", Message("withdraw", "${caseId}")), End("done"), End("stopped"))
            .Chain("start", "check", "done").Chain("withdrawn", "stopped").Compile();

        var run = Scenario.Run(defs, r => r.Start(new { caseId = "c-1" }).Correlate("withdraw", "c-1", new { reason = "applicant" }));

        Assert.Single(run.All<ActivityCancelled>());
        Assert.Equal("applicant", run.Variable("reason").GetString());
        Assert.Equal(["start", "withdrawn", "stopped"], run.Completed);
    }

    [Fact]
    public void A_non_interrupting_message_boundary_runs_beside_the_task()
    {
        var defs = new ProcessBuilder("p")
            .Add(Start(), User("review"), Boundary("question", "review", Message("ask"), interrupting: false), User("answer"), End("done"), End("answered"))
            .Chain("start", "review", "done").Chain("question", "answer", "answered").Compile();

        var run = Scenario.Run(defs, r => r.Start().Correlate("ask").Correlate("ask"));

        Assert.Equal(["answer", "answer", "review"], run.OpenTasks.Order());
    }

    [Fact]
    public void A_broadcast_signal_triggers_every_matching_subscription()
    {
        var defs = new ProcessBuilder("p")
            .Add(Start(), And("fork"), Catch("s1", Signal("recall")), Catch("s2", Signal("recall")), End("e1"), End("e2"))
            .Chain("start", "fork", "s1", "e1").Chain("fork", "s2", "e2").Compile();

        var run = Scenario.Run(defs, r =>
        {
            r.Start();
            Assert.Equal(CommandRejection.NotFound, r.Rejected(new BroadcastSignal("other", Vars.None)));
            r.Broadcast("recall");
        });

        Assert.Equal(2, run.All<SignalSubscriptionOpened>().Count());
        Assert.Equal(InstanceStatus.Completed, run.Status);
    }

    [Fact]
    public void A_signal_thrown_inside_the_instance_triggers_its_own_subscriptions_and_tells_the_host()
    {
        var defs = new ProcessBuilder("p")
            .Add(Start(), And("fork"), Catch("listen", Signal("go")), Throw("shout", Signal("go")), User("heard"), End("e1"), End("e2"))
            .Chain("start", "fork", "listen", "heard", "e1").Chain("fork", "shout", "e2").Compile();

        var run = Scenario.Run(defs, r => r.Start());

        Assert.Equal("go", run.All<SignalThrown>().Single().SignalName);
        Assert.Equal(["heard"], run.OpenTasks);
    }

    [Fact]
    public void A_link_throw_continues_at_the_catch_link_of_the_same_name()
    {
        var defs = new ProcessBuilder("p")
            .Add(Start(), Throw("jump", Link("toEnd")), Catch("land", Link("toEnd")), User("after"), End())
            .Chain("start", "jump").Chain("land", "after", "end").Compile();

        var run = Scenario.Run(defs, r => r.Start());

        Assert.Equal(["start", "jump", "land"], run.Completed);
        Assert.Equal(["after"], run.OpenTasks);
    }

    [Fact]
    public void A_terminate_end_event_ends_every_other_branch()
    {
        var defs = new ProcessBuilder("p")
            .Add(Start(), And("fork"), User("slow"), End("stop", Terminate()), End("e"))
            .Chain("start", "fork", "slow", "e").Chain("fork", "stop").Compile();

        var run = Scenario.Run(defs, r => r.Start());

        Assert.Equal(InstanceStatus.Terminated, run.Status);
        Assert.Equal(UserTaskCloseReason.Cancelled, run.All<UserTaskClosed>().Single().Reason);
    }

    [Fact]
    public void A_terminate_end_event_inside_a_sub_process_ends_only_that_sub_process()
    {
        var defs = new ProcessBuilder("p")
            .SubProcess("sub", s => s.Add(Start("s0"), And("f"), User("inner"), End("stop", Terminate()), End("e0")).Chain("s0", "f", "inner", "e0").Chain("f", "stop"))
            .Add(Start(), User("after"), End()).Chain("start", "sub", "after", "end").Compile();

        var run = Scenario.Run(defs, r => r.Start());

        Assert.Equal(InstanceStatus.Waiting, run.Status);
        Assert.Equal(["after"], run.OpenTasks);
    }

    [Fact]
    public void A_message_start_event_starts_the_instance_with_the_message_variables()
    {
        var defs = new ProcessBuilder("p").Add(Start("byMail", Message("application")), Start("plain"), User("a"), User("b"), End("e1"), End("e2"))
            .Chain("byMail", "a", "e1").Chain("plain", "b", "e2").Compile();

        var run = Scenario.Run(defs, r => r.Start(new { applicant = "x" }, message: "application"));

        Assert.Equal(["a"], run.OpenTasks);
    }

    [Fact]
    public void The_host_starts_a_process_at_the_timer_or_signal_start_event_it_names_and_no_timer_is_armed_for_it()
    {
        var defs = new ProcessBuilder("p").Add(Start("monthly", Timer("R/P1M", TimerKind.Cycle)), Start("recall", Signal("Recall")), Start("plain"),
                User("a"), User("b"), User("c"), End("e1"), End("e2"), End("e3"))
            .Chain("monthly", "a", "e1").Chain("recall", "b", "e2").Chain("plain", "c", "e3").Compile();

        var byTimer = Scenario.Run(defs, r => r.Send(new StartInstance("i1", "p", Vars.None, StartEventId: "monthly")));
        var bySignal = Scenario.Run(defs, r => r.Send(new StartInstance("i1", "p", Vars.Of(new { reason = "defect" }), StartEventId: "recall")));
        var plain = Scenario.Run(defs, r => r.Start());

        Assert.Equal(["a"], byTimer.OpenTasks);
        Assert.Empty(byTimer.PendingTimers);
        Assert.Equal(["b"], bySignal.OpenTasks);
        Assert.Equal("defect", bySignal.Variable("reason").GetString());
        Assert.Equal(["c"], plain.OpenTasks);
        var refused = Assert.Throws<WorkflowCommandException>(() => new WorkflowEngine().Execute(defs, null, new StartInstance("i1", "p", Vars.None, StartEventId: "a"), InstanceRun.T0));
        Assert.Equal(CommandRejection.Invalid, refused.Rejection);
    }
}
