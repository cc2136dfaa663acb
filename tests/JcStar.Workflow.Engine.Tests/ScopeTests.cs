using JcStar.Workflow.Bpmn.Model;
using Xunit;
using static JcStar.Workflow.Engine.Tests.Bpmn;

namespace JcStar.Workflow.Engine.Tests;

public sealed class ScopeTests
{
    [Fact]
    public void An_embedded_sub_process_runs_its_inner_flow_and_then_continues()
    {
        var defs = new ProcessBuilder("p")
            .SubProcess("sub", s => s.Add(Start("s0"), User("inner"), End("e0")).Chain("s0", "inner", "e0"))
            .Add(Start(), User("after"), End()).Chain("start", "sub", "after", "end").Compile();

        var run = Scenario.Run(defs, r => r.Start().CompleteTask("inner"));

        Assert.Equal(["start", "s0", "inner", "e0", "sub"], run.Completed);
        Assert.Equal(["after"], run.OpenTasks);
    }

    [Fact]
    public void An_error_end_event_in_a_sub_process_is_caught_by_the_boundary_of_the_sub_process()
    {
        var defs = new ProcessBuilder("p")
            .SubProcess("sub", s => s.Add(Start("s0"), And("f"), User("other"), End("fail", Error("E42"))).Chain("s0", "f", "other").Chain("f", "fail"))
            .Add(Start(), Boundary("caught", "sub", Error("E42")), User("after"), User("handle"), End("e1"), End("e2"))
            .Chain("start", "sub", "after", "e1").Chain("caught", "handle", "e2").Compile();

        var run = Scenario.Run(defs, r => r.Start());

        Assert.Equal(["handle"], run.OpenTasks);
        Assert.Equal(UserTaskCloseReason.Cancelled, run.All<UserTaskClosed>().Single().Reason);
    }

    [Fact]
    public void A_bpmn_error_from_a_failed_activity_is_caught_by_a_catch_all_error_boundary()
    {
        var defs = new ProcessBuilder("p")
            .Add(Start(), Service("pay", "charge"), Boundary("declined", "pay", Error(null)), End("ok"), User("fix"), End("e2"))
            .Chain("start", "pay", "ok").Chain("declined", "fix", "e2").Compile();

        var run = Scenario.Run(defs, r => r.Start().FailJob("pay", "card declined", "DECLINED"));

        Assert.Equal(["fix"], run.OpenTasks);
        Assert.Empty(run.All<ActivityCancelled>());
    }

    [Fact]
    public void An_uncaught_bpmn_error_fails_the_instance_with_an_incident()
    {
        var defs = new ProcessBuilder("p").Add(Start(), Service("pay", "charge"), End()).Chain("start", "pay", "end").Compile();

        var run = Scenario.Run(defs, r => r.Start().FailJob("pay", "boom", "E1"));

        Assert.Equal(InstanceStatus.Failed, run.Status);
        Assert.Contains("E1", run.All<IncidentRaised>().Single().Message);
        Assert.Equal(InstanceStatus.Failed, run.All<InstanceEnded>().Single().Status);
    }

    [Fact]
    public void An_error_from_a_called_process_propagates_to_the_boundary_of_the_call_activity()
    {
        var child = new ProcessBuilder("child").Add(Start("c0"), Service("work", "work"), End("cend")).Chain("c0", "work", "cend");
        var defs = new ProcessBuilder("p")
            .Add(Start(), new CallActivity { Id = "call", CalledElement = "child" }, Boundary("failed", "call", Error("E9")), End("ok"), User("repair"), End("e2"))
            .Chain("start", "call", "ok").Chain("failed", "repair", "e2").Compile(child);

        var run = Scenario.Run(defs, r => r.Start().FailJob("work", "no", "E9"));

        Assert.Equal(["repair"], run.OpenTasks);
    }

    [Fact]
    public void A_call_activity_runs_the_called_process_with_only_the_mapped_variables_and_maps_results_back()
    {
        var child = new ProcessBuilder("child").Add(Start("c0"), Script("calc", "var doubled = input * 2; var leaked = typeof secret"), End("cend")).Chain("c0", "calc", "cend");
        var call = new CallActivity
        {
            Id = "call",
            CalledElement = "child",
            InMappings = [new VariableMapping { Source = "amount", Target = "input" }],
            OutMappings = [new VariableMapping { Source = "doubled", Target = "result" }],
        };
        var defs = new ProcessBuilder("p").Add(Start(), call, User("after"), End()).Chain("start", "call", "after", "end").Compile(child);

        var run = Scenario.Run(defs, r => r.Start(new { amount = 21, secret = "s" }));

        Assert.Equal(42, run.Variable("result").GetInt32());
        Assert.False(run.State!.Elements.Single(e => e.Parent == 0).Variables!.ContainsKey("doubled"));
        Assert.Contains("call", run.Completed);
    }

    [Fact]
    public void An_escalation_caught_by_a_non_interrupting_boundary_lets_the_sub_process_continue()
    {
        var defs = new ProcessBuilder("p")
            .SubProcess("sub", s => s.Add(Start("s0"), Throw("raise", Escalation("LATE")), User("inner"), End("e0")).Chain("s0", "raise", "inner", "e0"))
            .Add(Start(), Boundary("esc", "sub", Escalation("LATE"), interrupting: false), User("notify"), End("e1"), End("e2"))
            .Chain("start", "sub", "e1").Chain("esc", "notify", "e2").Compile();

        var run = Scenario.Run(defs, r => r.Start());

        Assert.Equal(["inner", "notify"], run.OpenTasks.Order());
    }

    [Fact]
    public void An_uncaught_escalation_just_continues()
    {
        var defs = new ProcessBuilder("p").Add(Start(), Throw("raise", Escalation("X")), User("after"), End()).Chain("start", "raise", "after", "end").Compile();

        var run = Scenario.Run(defs, r => r.Start());

        Assert.Equal(["after"], run.OpenTasks);
    }

    [Fact]
    public void An_interrupting_message_event_sub_process_cancels_the_rest_of_the_process()
    {
        var defs = new ProcessBuilder("p")
            .Add(Start(), User("work"), End()).Chain("start", "work", "end")
            .SubProcess("onCancel", s => s.Add(Start("cs", Message("cancel", "${caseId}")), User("cleanup"), End("ce")).Chain("cs", "cleanup", "ce"), triggeredByEvent: true)
            .Compile();

        var run = Scenario.Run(defs, r => r.Start(new { caseId = "k" }).Correlate("cancel", "k").CompleteTask("cleanup"));

        Assert.Equal(UserTaskCloseReason.Cancelled, run.All<UserTaskClosed>().First().Reason);
        Assert.Equal(InstanceStatus.Completed, run.Status);
    }

    [Fact]
    public void A_non_interrupting_timer_event_sub_process_runs_beside_the_process()
    {
        var defs = new ProcessBuilder("p")
            .Add(Start(), User("work"), End()).Chain("start", "work", "end")
            .SubProcess("reminder", s => s.Add(Start("rs", Timer("P1D"), interrupting: false), User("remind"), End("re")).Chain("rs", "remind", "re"), triggeredByEvent: true)
            .Compile();

        var run = Scenario.Run(defs, r =>
        {
            r.Start().Fire("rs");
            Assert.Equal(["remind", "work"], r.OpenTasks.Order());
            r.CompleteTask("work");
            Assert.Equal(InstanceStatus.Waiting, r.Status);
            r.CompleteTask("remind");
        });

        Assert.Equal(InstanceStatus.Completed, run.Status);
    }

    [Fact]
    public void An_error_event_sub_process_catches_an_error_thrown_in_its_scope()
    {
        var defs = new ProcessBuilder("p")
            .Add(Start(), Service("s", "risky"), End()).Chain("start", "s", "end")
            .SubProcess("onError", s => s.Add(Start("es", Error("E")), User("investigate"), End("ee")).Chain("es", "investigate", "ee"), triggeredByEvent: true)
            .Compile();

        var run = Scenario.Run(defs, r => r.Start().FailJob("s", "x", "E"));

        Assert.Equal(["investigate"], run.OpenTasks);
    }

    [Fact]
    public void A_parallel_multi_instance_creates_one_task_per_item_and_stops_at_the_completion_condition()
    {
        var task = User("assess") with
        {
            Loop = new MultiInstanceLoopCharacteristics
            {
                InputCollection = X("${reviewers}"),
                InputElement = "reviewer",
                CompletionCondition = X("${nrOfCompletedInstances >= 2}"),
            },
            Human = new HumanTaskDefinition { Assignee = X("${reviewer}") },
        };
        var defs = new ProcessBuilder("p").Add(Start(), task, User("after"), End()).Chain("start", "assess", "after", "end").Compile();

        var run = Scenario.Run(defs, r =>
        {
            r.Start(new { reviewers = new[] { "a", "b", "c" } });
            var tasks = r.All<UserTaskOpened>().ToList();
            r.Send(new CompleteUserTask(tasks[0].TaskId, Vars.None));
            r.Send(new CompleteUserTask(tasks[2].TaskId, Vars.None));
        });

        Assert.Equal(["a", "b", "c"], run.All<UserTaskOpened>().Where(t => t.ElementId == "assess").Select(t => t.Assignee));
        Assert.Equal(UserTaskCloseReason.Cancelled, run.All<UserTaskClosed>().Last(c => c.ElementId == "assess").Reason);
        Assert.Equal(2, run.Completed.Count(c => c == "assess"));
        Assert.Equal(["after"], run.OpenTasks);
    }

    [Fact]
    public void A_sequential_multi_instance_runs_one_after_another_and_collects_the_outputs()
    {
        var task = Script("square", "result = item * item") with
        {
            Loop = new MultiInstanceLoopCharacteristics
            {
                IsSequential = true,
                InputCollection = X("numbers"),
                InputElement = "item",
                OutputCollection = "squares",
                OutputElement = X("result"),
            },
            Inputs = Io(("result", "${0}")),
        };
        var defs = new ProcessBuilder("p").Add(Start(), task, User("after"), End()).Chain("start", "square", "after", "end").Compile();

        var run = Scenario.Run(defs, r => r.Start(new { numbers = new[] { 1, 2, 3 } }));

        Assert.Equal([1, 4, 9], run.Variable("squares").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(3, run.Completed.Count(c => c == "square"));
    }

    [Fact]
    public void A_multi_instance_with_a_cardinality_runs_that_many_times()
    {
        var task = Service("ping", "ping") with { Loop = new MultiInstanceLoopCharacteristics { LoopCardinality = X("3") } };
        var defs = new ProcessBuilder("p").Add(Start(), task, End()).Chain("start", "ping", "end").Compile();

        var run = Scenario.Run(defs, r =>
        {
            r.Start();
            foreach (var job in r.All<ActivityInvoked>().ToList())
                r.Send(new CompleteActivity(job.JobId, Vars.None));
        });

        Assert.Equal(3, run.All<ActivityInvoked>().Select(a => a.JobId).Distinct().Count());
        Assert.Equal(InstanceStatus.Completed, run.Status);
    }

    [Fact]
    public void A_standard_loop_repeats_until_its_condition_fails()
    {
        var task = Script("count", "n = n + 1") with { Loop = new StandardLoopCharacteristics { LoopCondition = X("n < 3") } };
        var defs = new ProcessBuilder("p").Add(Start(), task, User("after"), End()).Chain("start", "count", "after", "end").Compile();

        var run = Scenario.Run(defs, r => r.Start(new { n = 0 }));

        Assert.Equal(3, run.Variable("n").GetInt32());
        Assert.Equal(3, run.Completed.Count(c => c == "count"));
    }

    [Fact]
    public void A_standard_loop_that_tests_before_may_run_zero_times_and_respects_its_maximum()
    {
        var never = Script("never", "n = n + 1") with { Loop = new StandardLoopCharacteristics { LoopCondition = X("n < 0"), TestBefore = true } };
        var capped = Script("capped", "m = m + 1") with { Loop = new StandardLoopCharacteristics { LoopCondition = X("true"), LoopMaximum = 4 } };
        var defs = new ProcessBuilder("p").Add(Start(), never, capped, User("after"), End()).Chain("start", "never", "capped", "after", "end").Compile();

        var run = Scenario.Run(defs, r => r.Start(new { n = 0, m = 0 }));

        Assert.Equal(0, run.Variable("n").GetInt32());
        Assert.Equal(4, run.Variable("m").GetInt32());
    }

    [Fact]
    public void A_gateway_cycle_without_a_wait_state_fails_the_instance_instead_of_hanging()
    {
        var defs = new ProcessBuilder("p").Add(Start(), Xor("a"), Xor("b")).Chain("start", "a", "b", "a").Compile();

        var run = Scenario.Run(defs, r => r.Start(), new EngineOptions { MaxStepsPerCommand = 1000 });

        Assert.Equal(InstanceStatus.Failed, run.Status);
    }
}
