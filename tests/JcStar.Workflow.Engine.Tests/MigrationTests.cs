using System.Collections.Immutable;
using JcStar.Workflow.Bpmn.Model;
using Xunit;
using static JcStar.Workflow.Engine.Tests.Bpmn;

namespace JcStar.Workflow.Engine.Tests;

/// <summary>
/// A case waiting on version 1 is migrated, snapshot-restored, and then must go on exactly as a case that ran on
/// version 2 from the start: the same path, open tasks, timers and variables.
/// </summary>
public sealed class MigrationTests
{
    /// <summary>Version 2 of a process: version 1's nodes, then a "confirm" task before the end.</summary>
    private static DefinitionSet WithConfirmStep(Action<ProcessBuilder> body, string last, params ProcessBuilder[] others)
    {
        var p = new ProcessBuilder("p");
        body(p);
        p.Add(User("confirm"), End()).Chain(last, "confirm", "end");
        return p.Compile(others);
    }

    private static DefinitionSet Plain(Action<ProcessBuilder> body, string last, params ProcessBuilder[] others)
    {
        var p = new ProcessBuilder("p");
        body(p);
        p.Add(End()).Chain(last, "end");
        return p.Compile(others);
    }

    /// <summary>Runs <paramref name="before"/> on v1, migrates, runs <paramref name="after"/>; and the same steps on v2 alone.</summary>
    private static (InstanceRun Migrated, InstanceRun Straight, MigrationResult Result) Compare(
        DefinitionSet v1, DefinitionSet v2, Action<InstanceRun> before, Action<InstanceRun> after, MigrationPlan? plan = null)
    {
        var migrated = new InstanceRun(v1, restoreAfterEveryCommand: true);
        before(migrated);
        var result = migrated.MigrateTo(v2, plan);
        after(migrated);

        var straight = new InstanceRun(v2, restoreAfterEveryCommand: false);
        before(straight);
        after(straight);

        Assert.Equal(straight.Completed, migrated.Completed);
        Assert.Equal(straight.Status, migrated.Status);
        Assert.Equal(straight.OpenTasks.Order(), migrated.OpenTasks.Order());
        Assert.Equal(straight.PendingTimers.Order(), migrated.PendingTimers.Order());
        Assert.Equal(Variables(straight), Variables(migrated));
        return (migrated, straight, result);
    }

    private static string Variables(InstanceRun run) =>
        run.State!.Elements.FirstOrDefault(e => e.Parent == 0)?.Variables is { } v
            ? string.Join(",", v.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value.GetRawText()}"))
            : "";

    private static void TaskWithTimerAndMessage(ProcessBuilder p) =>
        p.Add(Start(), User("check"), Boundary("late", "check", Timer("P3D")), Boundary("withdrawn", "check", Message("withdraw")),
                User("chase"), End("withdrawnEnd"))
            .Chain("start", "check").Chain("late", "chase").Chain("withdrawn", "withdrawnEnd");

    [Fact]
    public void A_user_task_with_a_timer_and_a_message_boundary_moves_and_goes_on_to_the_step_version_2_added()
    {
        var v1 = Plain(TaskWithTimerAndMessage, "check");
        var v2 = WithConfirmStep(TaskWithTimerAndMessage, "check");

        var (migrated, _, result) = Compare(v1, v2, r => r.Start(), r => r.CompleteTask("check").CompleteTask("confirm"));

        Assert.Empty(result.Effects);
        Assert.Empty(result.Moved);
        Assert.Equal(InstanceStatus.Completed, migrated.Status);
        Assert.Equal(["start", "check", "confirm", "end"], migrated.Completed);
    }

    [Fact]
    public void A_migrated_task_keeps_its_id_its_timer_keeps_its_due_time_and_the_message_still_arrives()
    {
        var v1 = Plain(TaskWithTimerAndMessage, "check");
        var v2 = WithConfirmStep(TaskWithTimerAndMessage, "check");
        var run = new InstanceRun(v1, restoreAfterEveryCommand: true).Start();
        var task = run.TaskId("check");
        var timer = run.State!.Timers.Single();

        run.MigrateTo(v2);

        Assert.Equal(task, run.TaskId("check"));
        Assert.Equal(timer, run.State!.Timers.Single());
        Assert.Equal("withdraw", run.State.Subscriptions.Single().Name);
        Compare(v1, v2, r => r.Start(), r => r.Fire("late").CompleteTask("chase"));
        Compare(v1, v2, r => r.Start(), r => r.Correlate("withdraw"));
    }

    [Fact]
    public void A_renamed_task_moves_by_an_edited_mapping_and_keeps_its_task_id()
    {
        var v1 = new ProcessBuilder("p").Add(Start(), User("check"), End()).Chain("start", "check", "end").Compile();
        var v2 = new ProcessBuilder("p").Add(Start(), User("examine"), End()).Chain("start", "examine", "end").Compile();
        var run = new InstanceRun(v1, restoreAfterEveryCommand: true).Start();
        var task = run.TaskId("check");
        var generated = InstanceMigrator.Plan(v1, v2, "p");
        Assert.DoesNotContain(generated.Instructions, i => i.SourceElementId == "check");
        var plan = generated with { Instructions = generated.Instructions.Add(new MigrationInstruction("p", "check", "examine")) };

        var result = run.MigrateTo(v2, plan);
        run.CompleteTask("examine");

        var moved = Assert.Single(result.Moved);
        Assert.Equal(new MigratedElement(task, "check", "examine", ElementWait.UserTask), moved);
        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal(task, run.All<UserTaskClosed>().Single().TaskId);
    }

    [Fact]
    public void A_boundary_timer_version_2_adds_is_armed_from_the_migration_and_one_it_removes_is_cancelled()
    {
        var v1 = new ProcessBuilder("p").Add(Start(), User("check"), Boundary("late", "check", Timer("P3D")), User("chase"), End(), End("e2"))
            .Chain("start", "check", "end").Chain("late", "chase", "e2").Compile();
        var v2 = new ProcessBuilder("p").Add(Start(), User("check"), Boundary("reminder", "check", Timer("P1D"), interrupting: false), User("remind"), End(), End("e2"))
            .Chain("start", "check", "end").Chain("reminder", "remind", "e2").Compile();
        var run = new InstanceRun(v1, restoreAfterEveryCommand: true).Start();
        var old = run.State!.Timers.Single();
        run.Advance(TimeSpan.FromHours(5));

        var result = run.MigrateTo(v2);

        var cancelled = Assert.IsType<TimerCancelled>(result.Effects[0]);
        Assert.Equal(run.State!.IdOf(old.Id), cancelled.TimerId);
        var scheduled = Assert.IsType<TimerScheduled>(result.Effects[1]);
        Assert.Equal("reminder", scheduled.ElementId);
        Assert.Equal(InstanceRun.T0.AddHours(5).AddDays(1), scheduled.DueAt);
        run.Fire("reminder");
        Assert.Equal(["check", "remind"], run.OpenTasks.Order());
    }

    [Fact]
    public void A_message_boundary_version_2_adds_is_subscribed_and_correlating_it_takes_the_new_path()
    {
        static void Body(ProcessBuilder p) => p.Add(Start(), User("check")).Chain("start", "check");
        var v1 = Plain(Body, "check");
        var v2 = new ProcessBuilder("p").Add(Start(), User("check"), Boundary("withdrawn", "check", Message("withdraw")), End(), End("e2"))
            .Chain("start", "check", "end").Chain("withdrawn", "e2").Compile();

        var (_, _, result) = Compare(v1, v2, r => r.Start(), r => r.Correlate("withdraw"));

        var opened = Assert.IsType<MessageSubscriptionOpened>(Assert.Single(result.Effects));
        Assert.Equal("withdraw", opened.MessageName);
    }

    [Fact]
    public void A_receive_task_keeps_its_subscription()
    {
        static void Body(ProcessBuilder p) => p.Add(Start(), new ReceiveTask { Id = "wait", MessageName = "paid" }).Chain("start", "wait");
        var (_, _, result) = Compare(Plain(Body, "wait"), WithConfirmStep(Body, "wait"), r => r.Start(), r => r.Correlate("paid").CompleteTask("confirm"));
        Assert.Empty(result.Effects);
    }

    [Theory]
    [InlineData("timer")]
    [InlineData("message")]
    [InlineData("signal")]
    public void An_intermediate_catch_event_waiting_moves_and_is_triggered_on_version_2(string kind)
    {
        EventDefinition on = kind switch { "timer" => Timer("PT2H"), "message" => Message("docs"), _ => Signal("reopen") };
        void Body(ProcessBuilder p) => p.Add(Start(), Catch("wait", on)).Chain("start", "wait");
        void Trigger(InstanceRun r)
        {
            _ = kind switch { "timer" => r.Fire("wait"), "message" => r.Correlate("docs"), _ => r.Broadcast("reopen") };
        }

        var (migrated, _, result) = Compare(Plain(Body, "wait"), WithConfirmStep(Body, "wait"), r => r.Start(), r => Trigger(r));

        Assert.Empty(result.Effects);
        Assert.Equal(["confirm"], migrated.OpenTasks);
    }

    [Fact]
    public void An_intermediate_catch_whose_trigger_changed_from_a_timer_to_a_message_is_re_armed()
    {
        var v1 = new ProcessBuilder("p").Add(Start(), Catch("wait", Timer("PT2H")), End()).Chain("start", "wait", "end").Compile();
        var v2 = new ProcessBuilder("p").Add(Start(), Catch("wait", Message("docs")), End()).Chain("start", "wait", "end").Compile();

        var (_, _, result) = Compare(v1, v2, r => r.Start(), r => r.Correlate("docs"));

        Assert.Equal(["TimerCancelled", "MessageSubscriptionOpened"], result.Effects.Select(e => e.GetType().Name));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_event_based_gateway_keeps_its_timer_and_message_and_either_wins_on_version_2(bool messageWins)
    {
        static void Body(ProcessBuilder p) => p.Add(Start(), EventGateway("g"), Catch("timeout", Timer("P7D")), Catch("answer", Message("answer")), User("chase"))
            .Chain("start", "g").Flow("g", "timeout").Flow("g", "answer").Chain("timeout", "chase").Chain("answer", "done");
        static void V1(ProcessBuilder p) { Body(p); p.Add(Task("done")); }
        static void V2(ProcessBuilder p) { Body(p); p.Add(Task("done")); }

        var (migrated, _, result) = Compare(Plain(V1, "done"), WithConfirmStep(V2, "done"), r => r.Start(),
            r => { if (messageWins) r.Correlate("answer"); else r.Fire("timeout"); });

        Assert.Empty(result.Effects);
        Assert.Equal(messageWins ? ["confirm"] : ["chase"], migrated.OpenTasks);
    }

    [Fact]
    public void A_sub_process_and_the_task_inside_it_move_together()
    {
        static void Body(ProcessBuilder p) => p.Add(Start())
            .SubProcess("review", s => s.Add(Start("s0"), User("read"), End("s1")).Chain("s0", "read", "s1"))
            .Chain("start", "review");
        var (migrated, _, _) = Compare(Plain(Body, "review"), WithConfirmStep(Body, "review"), r => r.Start(), r => r.CompleteTask("read"));
        Assert.Equal(["confirm"], migrated.OpenTasks);
    }

    [Fact]
    public void A_parallel_multi_instance_half_done_moves_with_its_iterations_and_results()
    {
        static void Body(ProcessBuilder p) => p.Add(Start(),
                User("sign") with { Loop = new MultiInstanceLoopCharacteristics { InputCollection = X("${signers}"), InputElement = "signer", OutputCollection = "signed", OutputElement = X("${signer}") } },
                Boundary("late", "sign", Timer("P10D")), End("lateEnd"))
            .Chain("start", "sign").Chain("late", "lateEnd");
        var v1 = Plain(Body, "sign");
        var v2 = WithConfirmStep(Body, "sign");

        var (migrated, _, result) = Compare(v1, v2,
            r => { r.Start(new { signers = new[] { "a", "b", "c" } }); r.Send(new CompleteUserTask(r.TaskIds("sign")[0], Vars.None)); },
            r => r.CompleteTasks("sign"));

        Assert.Empty(result.Effects);
        Assert.Equal(["confirm"], migrated.OpenTasks);
        Assert.Equal("[\"a\",\"b\",\"c\"]", migrated.Variable("signed").GetRawText());
    }

    [Fact]
    public void A_called_process_running_under_a_call_activity_moves_with_the_caller_onto_version_2_of_both()
    {
        var child1 = new ProcessBuilder("child").Add(Start("c0"), User("fill"), End("c1")).Chain("c0", "fill", "c1");
        var child2 = new ProcessBuilder("child").Add(Start("c0"), User("fill"), User("countersign"), End("c1")).Chain("c0", "fill", "countersign", "c1");
        static void Body(ProcessBuilder p) => p.Add(Start(), new CallActivity { Id = "call", CalledElement = "child" }).Chain("start", "call");

        var (migrated, _, _) = Compare(Plain(Body, "call", child1), WithConfirmStep(Body, "call", child2),
            r => r.Start("p"), r => r.CompleteTask("fill").CompleteTask("countersign").CompleteTask("confirm"));

        Assert.Equal(InstanceStatus.Completed, migrated.Status);
    }

    [Fact]
    public void An_unmapped_active_element_refuses_the_migration_and_names_the_element()
    {
        var v1 = new ProcessBuilder("p").Add(Start(), User("check"), End()).Chain("start", "check", "end").Compile();
        var v2 = new ProcessBuilder("p").Add(Start(), User("examine"), End()).Chain("start", "examine", "end").Compile();
        var run = new InstanceRun(v1, restoreAfterEveryCommand: false).Start();

        var result = new InstanceMigrator().Migrate(v1, v2, run.State!, InstanceMigrator.Plan(v1, v2, "p"), run.Now);

        Assert.False(result.Succeeded);
        Assert.Null(result.State);
        Assert.Equal(["active element 'check' (userTask) of process 'p' is not mapped"], result.Errors);
    }

    [Fact]
    public void A_mapping_between_incompatible_kinds_is_refused_before_anything_moves()
    {
        var v1 = new ProcessBuilder("p").Add(Start(), User("check"), End()).Chain("start", "check", "end").Compile();
        var v2 = new ProcessBuilder("p").Add(Start(), Service("check", "classify"), End()).Chain("start", "check", "end").Compile();
        var plan = new MigrationPlan("p", "p", [new MigrationInstruction("p", "check", "check")]);

        var errors = InstanceMigrator.Check(v1, v2, plan);

        Assert.Equal(["mapping check → check: 'check' is a userTask but 'check' is a serviceTask"], errors);
        Assert.DoesNotContain(InstanceMigrator.Plan(v1, v2, "p").Instructions, i => i.SourceElementId == "check");
    }

    [Fact]
    public void A_task_mapped_out_of_its_sub_process_is_refused_because_its_scope_does_not_move_with_it()
    {
        var v1 = new ProcessBuilder("p").Add(Start()).SubProcess("review", s => s.Add(Start("s0"), User("read"), End("s1")).Chain("s0", "read", "s1"))
            .Add(End()).Chain("start", "review", "end").Compile();
        var v2 = new ProcessBuilder("p").Add(Start(), User("read")).SubProcess("review", s => s.Add(Start("s0"), End("s1")).Chain("s0", "s1"))
            .Add(End()).Chain("start", "read", "review", "end").Compile();
        var run = new InstanceRun(v1, restoreAfterEveryCommand: false).Start();

        var result = new InstanceMigrator().Migrate(v1, v2, run.State!, InstanceMigrator.Plan(v1, v2, "p"), run.Now);

        Assert.Equal(["'read' maps to 'read', which is inside 'p' in the target, but its scope 'review' maps to 'review'"], result.Errors);
    }

    [Fact]
    public void An_ended_instance_is_not_migrated()
    {
        var v1 = new ProcessBuilder("p").Add(Start(), User("check"), End()).Chain("start", "check", "end").Compile();
        var run = new InstanceRun(v1, restoreAfterEveryCommand: false).Start().CompleteTask("check");

        var result = new InstanceMigrator().Migrate(v1, v1, run.State!, InstanceMigrator.Plan(v1, v1, "p"), run.Now);

        Assert.Equal(["instance i1 has ended (Completed)"], result.Errors);
    }
}
