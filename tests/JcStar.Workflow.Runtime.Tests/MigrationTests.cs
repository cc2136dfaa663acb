using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Migrations;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Runtime.Tests.Support;
using JcStar.Workflow.Runtime.Timers;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace JcStar.Workflow.Runtime.Tests;

/// <summary>Moving running cases to another version, on every store: one transaction per case, guarded by its version.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class MigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly WorkflowActor SchemeManager = new("mana", []) { Roles = ["scheme-manager"] };

    private const string Head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="D" targetNamespace="urn:test">
          <message id="m1" name="withdraw" />
        """;

    /// <summary>
    /// Review (due in 3 days) with a 5-day timer boundary to Chase and a "withdraw" message boundary; version 2
    /// (<paramref name="confirm"/>) adds Confirm after Review. <paramref name="reviewId"/> lets version 2 rename Review.
    /// </summary>
    public static string Review(bool confirm, string reviewId = "Review") => Head + $"""
          <process id="Migrating" isExecutable="true">
            <startEvent id="Start" />
            <userTask id="{reviewId}" name="Review it" jc:candidateGroups="reviewers" jc:dueDate="P3D" />
            <boundaryEvent id="Late" attachedToRef="{reviewId}"><timerEventDefinition><timeDuration>P5D</timeDuration></timerEventDefinition></boundaryEvent>
            <boundaryEvent id="Withdrawn" attachedToRef="{reviewId}"><messageEventDefinition messageRef="m1" /></boundaryEvent>
            <userTask id="Chase" jc:candidateGroups="reviewers" />
            {(confirm ? "<userTask id=\"Confirm\" jc:candidateGroups=\"reviewers\" />" : "")}
            <endEvent id="End" />
            <endEvent id="WithdrawnEnd" />
            <sequenceFlow id="f1" sourceRef="Start" targetRef="{reviewId}" />
            {(confirm
                ? $"<sequenceFlow id=\"f2\" sourceRef=\"{reviewId}\" targetRef=\"Confirm\" /><sequenceFlow id=\"f3\" sourceRef=\"Confirm\" targetRef=\"End\" />"
                : $"<sequenceFlow id=\"f2\" sourceRef=\"{reviewId}\" targetRef=\"End\" />")}
            <sequenceFlow id="f4" sourceRef="Late" targetRef="Chase" />
            <sequenceFlow id="f5" sourceRef="Chase" targetRef="End" />
            <sequenceFlow id="f6" sourceRef="Withdrawn" targetRef="WithdrawnEnd" />
          </process>
        </definitions>
        """;

    private static InstanceMigrations Migrations(TestRuntime host) => host.Services.GetRequiredService<InstanceMigrations>();

    private static async Task<HumanTask> OpenTask(TestRuntime host, string instanceId) =>
        (await host.Stores.Tasks.QueryAsync(new TaskQuery { InstanceId = instanceId }, Ct)).Items.Single();

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_waiting_case_moves_to_version_2_keeping_its_task_assignee_comment_due_date_and_timer_and_runs_on_to_the_new_step(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        var v1 = await host.DeployAsync(Review(confirm: false), "review.bpmn");
        var started = await host.Runtime.StartAsync("Migrating", "JC-1", null, Actors.Reviewer, Ct);
        var task = await OpenTask(host, started.Id);
        await host.Runtime.ClaimTaskAsync(task.Id, Actors.Reviewer, Ct);
        await host.Runtime.CommentAsync(task.Id, "waiting for the test report", Actors.Reviewer, Ct);
        var timersBefore = await host.Stores.Timers.ListByInstanceAsync(started.Id, Ct);
        var v2 = await host.DeployAsync(Review(confirm: true), "review.bpmn");
        var before = await host.Stores.Instances.FindAsync(started.Id, Ct);

        var report = await Migrations(host).MigrateAsync(new MigrationRequest(v1, v2), SchemeManager, null, Ct);

        Assert.Equal(new CaseMigrationOutcome(started.Id, true, []), Assert.Single(report.Cases));
        var moved = await host.Stores.Instances.FindAsync(started.Id, Ct);
        Assert.Equal((v2, 2, before!.Version + 1), (moved!.DefinitionId, moved.DefinitionVersion, moved.Version));
        var kept = await OpenTask(host, started.Id);
        Assert.Equal((task.Id, "rei", task.DueAt, v2), (kept.Id, kept.Assignee, kept.DueAt, kept.DefinitionId));
        Assert.Equal(timersBefore.Select(t => (t.Id, t.DueAt, t.Status)), (await host.Stores.Timers.ListByInstanceAsync(started.Id, Ct)).Select(t => (t.Id, t.DueAt, t.Status)));
        var history = await host.Stores.Audit.ListByInstanceAsync(started.Id, Ct);
        Assert.Contains(history, e => e.Action == AuditActions.TaskCommented);
        var migrated = Assert.Single(history, e => e.Action == AuditActions.InstanceMigrated);
        Assert.Equal("mana", migrated.Actor);
        Assert.Contains(v2, migrated.DataJson);

        await host.Runtime.CompleteTaskAsync(task.Id, null, Actors.Reviewer, Ct);
        Assert.Equal("Confirm", (await OpenTask(host, started.Id)).ElementId);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_case_the_generated_mapping_cannot_move_is_listed_with_its_reason_and_left_untouched_and_an_edited_mapping_moves_it(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        var v1 = await host.DeployAsync(Review(confirm: false), "review.bpmn");
        var started = await host.Runtime.StartAsync("Migrating", "JC-1", null, Actors.Reviewer, Ct);
        var task = await OpenTask(host, started.Id);
        var v2 = await host.DeployAsync(Review(confirm: true, reviewId: "Examine"), "review.bpmn");

        var plan = await Migrations(host).PlanAsync(v1, v2, SchemeManager, Ct);
        var refused = await Migrations(host).MigrateAsync(new MigrationRequest(v1, v2, InstanceIds: [started.Id]), SchemeManager, null, Ct);

        Assert.Equal(1, plan.UnmappedActiveElements["Review"]);
        var failure = Assert.Single(refused.Cases);
        Assert.False(failure.Migrated);
        Assert.Equal(["active element 'Review' (userTask) of process 'Migrating' is not mapped"], failure.Errors);
        var untouched = await host.Stores.Instances.FindAsync(started.Id, Ct);
        Assert.Equal((started.StateJson, v1, started.Version), (untouched!.StateJson, untouched.DefinitionId, untouched.Version));
        Assert.DoesNotContain(await host.Stores.Audit.ListByInstanceAsync(started.Id, Ct), e => e.Action == AuditActions.InstanceMigrated);

        var edited = plan.Plan with
        {
            Instructions = plan.Plan.Instructions.Add(new MigrationInstruction("Migrating", "Review", "Examine")),
        };
        var checkedEdit = await Migrations(host).PlanAsync(v1, v2, edited.Instructions, SchemeManager, Ct);
        var misspelt = await Migrations(host).PlanAsync(v1, v2, [.. plan.Plan.Instructions, new MigrationInstruction("Migrating", "Review", "Examin")], SchemeManager, Ct);
        var waiting = Assert.Single(await Migrations(host).WaitingCasesAsync(v1, "JC-1", SchemeManager, Ct));
        var report = await Migrations(host).MigrateAsync(new MigrationRequest(v1, v2, edited.Instructions, [started.Id]), SchemeManager, null, Ct);

        Assert.Empty(checkedEdit.Errors);
        Assert.Empty(checkedEdit.UnmappedActiveElements);
        Assert.Equal(["mapping Review → Examin: the target process 'Migrating' has no element 'Examin'"], misspelt.Errors);
        Assert.Equal((started.Id, "JC-1"), (waiting.InstanceId, waiting.BusinessKey));
        Assert.Equal(["Review"], waiting.ElementIds);

        Assert.True(Assert.Single(report.Cases).Migrated);
        var renamed = await OpenTask(host, started.Id);
        Assert.Equal((task.Id, "Examine"), (renamed.Id, renamed.ElementId));
        await host.Runtime.CompleteTaskAsync(task.Id, null, Actors.Reviewer, Ct);
        Assert.Equal("Confirm", (await OpenTask(host, started.Id)).ElementId);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Only_admins_and_scheme_managers_may_migrate_cases(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        var v1 = await host.DeployAsync(Review(confirm: false), "review.bpmn");
        var v2 = await host.DeployAsync(Review(confirm: true), "review.bpmn");

        await Assert.ThrowsAsync<WorkflowForbiddenException>(() => Migrations(host).MigrateAsync(new MigrationRequest(v1, v2), Actors.Reviewer, null, Ct));
        await Assert.ThrowsAsync<WorkflowForbiddenException>(() => Migrations(host).PlanAsync(v1, v2, Actors.Reviewer, Ct));
        Assert.Empty((await Migrations(host).MigrateAsync(new MigrationRequest(v1, v2), Actors.Admin, null, Ct)).Cases);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_dry_run_reports_what_would_move_and_changes_nothing(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        var v1 = await host.DeployAsync(Review(confirm: false), "review.bpmn");
        var started = await host.Runtime.StartAsync("Migrating", "JC-1", null, Actors.Reviewer, Ct);
        var v2 = await host.DeployAsync(Review(confirm: true), "review.bpmn");

        var report = await Migrations(host).MigrateAsync(new MigrationRequest(v1, v2, DryRun: true), SchemeManager, null, Ct);

        Assert.True(Assert.Single(report.Cases).Migrated);
        Assert.Equal(v1, (await host.Stores.Instances.FindAsync(started.Id, Ct))!.DefinitionId);
    }

    /// <summary>The task is completed on another node after the migration read the case's tasks: the migration loses.</summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_migration_that_loses_the_race_to_a_task_completion_is_listed_as_failed_and_nothing_of_it_is_applied(string provider)
    {
        RacingTasks? racing = null;
        await using var host = await TestRuntime.CreateAsync(provider, s => TestRuntime.DecorateStores(s, stores => stores with { Tasks = racing = new RacingTasks(stores.Tasks) }));
        var v1 = await host.DeployAsync(Review(confirm: false), "review.bpmn");
        var started = await host.Runtime.StartAsync("Migrating", "JC-1", null, Actors.Reviewer, Ct);
        var task = await OpenTask(host, started.Id);
        var v2 = await host.DeployAsync(Review(confirm: true), "review.bpmn");
        racing!.AfterNextInstanceQuery(() => host.Runtime.CompleteTaskAsync(task.Id, null, Actors.Reviewer, Ct));

        var report = await Migrations(host).MigrateAsync(new MigrationRequest(v1, v2), SchemeManager, null, Ct);

        var lost = Assert.Single(report.Cases);
        Assert.False(lost.Migrated);
        Assert.Contains("changed while it was being migrated", Assert.Single(lost.Errors));
        var ended = await host.Stores.Instances.FindAsync(started.Id, Ct);
        Assert.Equal((InstanceStatus.Completed, v1), (ended!.Status, ended.DefinitionId));
        var stored = await host.Stores.Tasks.FindAsync(task.Id, Ct);
        Assert.Equal((HumanTaskStatus.Completed, v1), (stored!.Status, stored.DefinitionId));
        Assert.All(await host.Stores.Timers.ListByInstanceAsync(started.Id, Ct), t => Assert.NotEqual(TimerStatus.Pending, t.Status));
        Assert.DoesNotContain(await host.Stores.Audit.ListByInstanceAsync(started.Id, Ct), e => e.Action == AuditActions.InstanceMigrated);
    }

    /// <summary>The migration commits while a completion is between reading the task and committing: the completion re-reads and runs on version 2.</summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_task_completion_that_loses_the_race_to_a_migration_runs_again_on_the_new_version(string provider)
    {
        RacingTasks? racing = null;
        await using var host = await TestRuntime.CreateAsync(provider, s => TestRuntime.DecorateStores(s, stores => stores with { Tasks = racing = new RacingTasks(stores.Tasks) }));
        var v1 = await host.DeployAsync(Review(confirm: false), "review.bpmn");
        var started = await host.Runtime.StartAsync("Migrating", "JC-1", null, Actors.Reviewer, Ct);
        var task = await OpenTask(host, started.Id);
        var v2 = await host.DeployAsync(Review(confirm: true), "review.bpmn");
        MigrationReport? report = null;
        racing!.AfterNextFind(task.Id, async () => report = await Migrations(host).MigrateAsync(new MigrationRequest(v1, v2), SchemeManager, null, Ct));

        await host.Runtime.CompleteTaskAsync(task.Id, null, Actors.Reviewer, Ct);

        Assert.True(Assert.Single(report!.Cases).Migrated);
        var running = await host.Stores.Instances.FindAsync(started.Id, Ct);
        Assert.Equal((InstanceStatus.Waiting, v2), (running!.Status, running.DefinitionId));
        Assert.Equal("Confirm", (await OpenTask(host, started.Id)).ElementId);
        Assert.Equal(HumanTaskStatus.Completed, (await host.Stores.Tasks.FindAsync(task.Id, Ct))!.Status);
    }

    /// <summary>Runs a competing command right after a read, as another node would.</summary>
    private sealed class RacingTasks(ITaskStore inner) : ITaskStore
    {
        private string? _taskId;
        private Func<Task>? _afterFind;
        private Func<Task>? _afterQuery;

        public void AfterNextFind(string taskId, Func<Task> race) => (_taskId, _afterFind) = (taskId, race);

        public void AfterNextInstanceQuery(Func<Task> race) => _afterQuery = race;

        public async Task<HumanTask?> FindAsync(string taskId, CancellationToken cancellationToken)
        {
            var found = await inner.FindAsync(taskId, cancellationToken);
            if (taskId == _taskId && Interlocked.Exchange(ref _afterFind, null) is { } race)
                await race();
            return found;
        }

        public async Task<Page<HumanTask>> QueryAsync(TaskQuery query, CancellationToken cancellationToken)
        {
            var page = await inner.QueryAsync(query, cancellationToken);
            if (query.InstanceId is not null && Interlocked.Exchange(ref _afterQuery, null) is { } race)
                await race();
            return page;
        }
    }
}
