using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Runtime.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace JcStar.Workflow.Runtime.Tests;

/// <summary>The use cases end to end over the real engine, on every store (in memory, SQLite, PostgreSQL).</summary>
[Collection(DatabaseCollection.Name)]
public sealed class RuntimeTests
{
    private static ImmutableDictionary<string, JsonElement> Vars(object values) =>
        JsonSerializer.SerializeToElement(values).EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.Clone());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Deploying_an_unchanged_file_keeps_one_version_and_a_changed_one_publishes_the_next(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);

        var first = await host.Deployment.DeployAsync(Processes.Approval(), "approval.bpmn", Actors.Admin, Ct);
        var again = await host.Deployment.DeployAsync(Processes.Approval(), "approval.bpmn", Actors.Admin, Ct);
        var changed = await host.Deployment.DeployAsync(Processes.Approval("Review v2"), "approval.bpmn", Actors.Admin, Ct);

        Assert.True(first.Processes.Single().IsNewVersion);
        Assert.False(again.Processes.Single().IsNewVersion);
        Assert.Equal(1, again.Processes.Single().Definition.Version);
        Assert.Equal(2, changed.Processes.Single().Definition.Version);
        Assert.Equal(2, (await host.Queries.DefinitionVersionsAsync("Approval", Ct)).Count);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_instance_started_on_v1_finishes_on_v1_after_v2_is_deployed_and_new_instances_start_on_v2(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.DeployAsync(Processes.Approval("Review v1"));
        var old = await host.Runtime.StartAsync("Approval", "JC-1", null, Actors.Reviewer, Ct);

        await host.DeployAsync(Processes.Approval("Review v2"));
        var fresh = await host.Runtime.StartAsync("Approval", "JC-2", null, Actors.Reviewer, Ct);

        var inbox = await host.Queries.InboxAsync(Actors.Reviewer, new PageRequest(), Ct);
        Assert.Equal("Review v1", inbox.Items.Single(t => t.InstanceId == old.Id).Name);
        Assert.Equal("Review v2", inbox.Items.Single(t => t.InstanceId == fresh.Id).Name);
        await host.Runtime.CompleteTaskAsync(inbox.Items.Single(t => t.InstanceId == old.Id).Id, null, Actors.Reviewer, Ct);

        var finished = await host.Queries.GetInstanceAsync(old.Id, Actors.Admin, Ct);
        Assert.Equal(InstanceStatus.Completed, finished.Status);
        Assert.Equal(1, finished.DefinitionVersion);
        Assert.Equal(2, fresh.DefinitionVersion);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Completing_the_task_in_the_group_inbox_ends_the_instance_and_the_history_says_who_did_what(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.DeployAsync(Processes.Approval());
        var instance = await host.Runtime.StartAsync("Approval", "JC-7", Vars(new { applicant = "ACME" }), Actors.Reviewer, Ct);

        var task = (await host.Queries.InboxAsync(Actors.OtherReviewer, new PageRequest(), Ct)).Items.Single();
        Assert.Equal("JC-7", task.BusinessKey);
        Assert.Equal("review", task.FormKey);
        var done = await host.Runtime.CompleteTaskAsync(task.Id, Vars(new { approved = true }), Actors.OtherReviewer, Ct);

        Assert.Equal(HumanTaskStatus.Completed, done.Status);
        Assert.Equal("ren", done.CompletedBy);
        Assert.Equal(TestRuntime.T0, done.CompletedAt);
        Assert.Contains("approved", done.FormDataJson);
        Assert.Empty((await host.Queries.InboxAsync(Actors.Reviewer, new PageRequest(), Ct)).Items);
        Assert.Equal(InstanceStatus.Completed, (await host.Queries.GetInstanceAsync(instance.Id, Actors.Admin, Ct)).Status);
        var history = await host.Queries.HistoryAsync(instance.Id, Actors.Admin, Ct);
        Assert.Equal(AuditActions.InstanceStarted, history[0].Action);
        Assert.Contains(history, e => e.Action == AuditActions.TaskCompleted && e.Actor == "ren");
        Assert.Equal(AuditActions.InstanceEnded, history.Last(e => e.Action != AuditActions.FlowNodeCompleted).Action);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_task_completed_a_second_time_is_a_conflict_and_the_instance_is_unchanged(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.DeployAsync(Processes.Approval());
        var instance = await host.Runtime.StartAsync("Approval", "JC-1", null, Actors.Reviewer, Ct);
        var task = (await host.Queries.InboxAsync(Actors.Reviewer, new PageRequest(), Ct)).Items.Single();
        await host.Runtime.CompleteTaskAsync(task.Id, null, Actors.Reviewer, Ct);
        var before = await host.Queries.GetInstanceAsync(instance.Id, Actors.Admin, Ct);

        var conflict = await Assert.ThrowsAsync<WorkflowConflictException>(() => host.Runtime.CompleteTaskAsync(task.Id, null, Actors.Reviewer, Ct));

        Assert.Equal(ConflictReason.NoLongerPending, conflict.Reason);
        Assert.Equal(before.Version, (await host.Queries.GetInstanceAsync(instance.Id, Actors.Admin, Ct)).Version);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Two_racing_completions_of_one_task_give_exactly_one_completion_and_one_conflict(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.DeployAsync(Processes.Approval());
        await host.Runtime.StartAsync("Approval", "JC-1", null, Actors.Reviewer, Ct);
        var task = (await host.Queries.InboxAsync(Actors.Reviewer, new PageRequest(), Ct)).Items.Single();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            try
            {
                await host.Runtime.CompleteTaskAsync(task.Id, null, Actors.Reviewer, Ct);
                return "done";
            }
            catch (WorkflowConflictException)
            {
                return "conflict";
            }
        }, Ct)));

        Assert.Equal(1, results.Count(r => r == "done"));
        Assert.Equal(3, results.Count(r => r == "conflict"));
        var history = await host.Queries.HistoryAsync(task.InstanceId, Actors.Admin, Ct);
        Assert.Single(history, e => e.Action == AuditActions.TaskCompleted);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Someone_outside_the_candidate_groups_may_neither_see_nor_complete_the_task(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.DeployAsync(Processes.Approval());
        await host.Runtime.StartAsync("Approval", "JC-1", null, Actors.Reviewer, Ct);
        var task = (await host.Queries.InboxAsync(Actors.Reviewer, new PageRequest(), Ct)).Items.Single();

        Assert.Empty((await host.Queries.InboxAsync(Actors.Outsider, new PageRequest(), Ct)).Items);
        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => host.Queries.GetTaskAsync(task.Id, Actors.Outsider, Ct));
        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => host.Runtime.CompleteTaskAsync(task.Id, null, Actors.Outsider, Ct));
        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => host.Queries.GetInstanceAsync(task.InstanceId, Actors.Outsider, Ct));
        Assert.Equal(HumanTaskStatus.Open, (await host.Queries.GetTaskAsync(task.Id, Actors.Admin, Ct)).Status);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_claimed_task_leaves_the_other_candidates_inbox_and_only_its_holder_may_complete_it(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.DeployAsync(Processes.Approval());
        await host.Runtime.StartAsync("Approval", "JC-1", null, Actors.Reviewer, Ct);
        var task = (await host.Queries.InboxAsync(Actors.Reviewer, new PageRequest(), Ct)).Items.Single();

        var claimed = await host.Runtime.ClaimTaskAsync(task.Id, Actors.Reviewer, Ct);

        Assert.Equal("rei", claimed.Assignee);
        Assert.Empty((await host.Queries.InboxAsync(Actors.OtherReviewer, new PageRequest(), Ct)).Items);
        Assert.Single((await host.Queries.InboxAsync(Actors.Reviewer, new PageRequest(), Ct)).Items);
        await Assert.ThrowsAsync<WorkflowConflictException>(() => host.Runtime.ClaimTaskAsync(task.Id, Actors.OtherReviewer, Ct));
        await Assert.ThrowsAsync<WorkflowForbiddenException>(() => host.Runtime.CompleteTaskAsync(task.Id, null, Actors.OtherReviewer, Ct));

        await host.Runtime.ReassignTaskAsync(task.Id, "ren", Actors.Reviewer, Ct);
        await host.Runtime.CompleteTaskAsync(task.Id, null, Actors.OtherReviewer, Ct);
        Assert.Equal("ren", (await host.Queries.GetTaskAsync(task.Id, Actors.Admin, Ct)).CompletedBy);
    }

    /// <summary>
    /// Another node completes the task between the claim's read of the task and its read of the case, and
    /// the case runs on: the claim must not write its Open copy of the task back over the completion.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_claim_that_loses_the_race_to_a_completion_on_another_node_changes_nothing(string provider)
    {
        RacingTaskStore? racing = null;
        await using var host = await TestRuntime.CreateAsync(provider, s => TestRuntime.DecorateStores(s, stores => stores with { Tasks = racing = new RacingTaskStore(stores.Tasks) }));
        await host.DeployAsync(Processes.TwoSteps);
        await host.Runtime.StartAsync("TwoSteps", "JC-1", null, Actors.Reviewer, Ct);
        var review = (await host.Queries.InboxAsync(Actors.Reviewer, new PageRequest(), Ct)).Items.Single();
        racing!.AfterNextRead(review.Id, () => host.Runtime.CompleteTaskAsync(review.Id, null, Actors.OtherReviewer, Ct));

        var lost = await Assert.ThrowsAsync<WorkflowConflictException>(() => host.Runtime.ClaimTaskAsync(review.Id, Actors.Reviewer, Ct));

        Assert.Equal(ConflictReason.NoLongerPending, lost.Reason);
        var stored = await host.Queries.GetTaskAsync(review.Id, Actors.Admin, Ct);
        Assert.Equal(HumanTaskStatus.Completed, stored.Status);
        Assert.Equal("ren", stored.CompletedBy);
        Assert.Null(stored.Assignee);
        var inbox = (await host.Queries.InboxAsync(Actors.Reviewer, new PageRequest(), Ct)).Items;
        Assert.Equal("Approve", Assert.Single(inbox).ElementId);
    }

    /// <summary>Runs a competing command right after the next read of one task, as another node would.</summary>
    private sealed class RacingTaskStore(ITaskStore inner) : ITaskStore
    {
        private string? _taskId;
        private Func<Task>? _race;

        public void AfterNextRead(string taskId, Func<Task> race) => (_taskId, _race) = (taskId, race);

        public async Task<HumanTask?> FindAsync(string taskId, CancellationToken cancellationToken)
        {
            var found = await inner.FindAsync(taskId, cancellationToken);
            if (taskId == _taskId && Interlocked.Exchange(ref _race, null) is { } race)
                await race();
            return found;
        }

        public Task<Page<HumanTask>> QueryAsync(TaskQuery query, CancellationToken cancellationToken) => inner.QueryAsync(query, cancellationToken);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_form_validator_refuses_a_bad_form_field_by_field_and_nothing_changes(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider, s => s.AddSingleton<ITaskFormValidator, RequiresApproved>());
        await host.DeployAsync(Processes.Approval());
        await host.Runtime.StartAsync("Approval", "JC-1", null, Actors.Reviewer, Ct);
        var task = (await host.Queries.InboxAsync(Actors.Reviewer, new PageRequest(), Ct)).Items.Single();

        var refused = await Assert.ThrowsAsync<WorkflowInputException>(() => host.Runtime.CompleteTaskAsync(task.Id, Vars(new { note = "x" }), Actors.Reviewer, Ct));
        Assert.Equal(["required"], refused.Errors["approved"]);
        Assert.Equal(HumanTaskStatus.Open, (await host.Queries.GetTaskAsync(task.Id, Actors.Reviewer, Ct)).Status);

        await host.Runtime.CompleteTaskAsync(task.Id, Vars(new { approved = true }), Actors.Reviewer, Ct);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_boundary_timer_is_scheduled_with_its_due_time_and_fires_once_when_the_clock_reaches_it(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.DeployAsync(Processes.Deadline("P10D"));
        var instance = await host.Runtime.StartAsync("Deadline", "JC-1", null, Actors.Reviewer, Ct);
        var (timerId, dueAt) = host.Queue.ScheduledTimers.Single();
        Assert.Equal(TestRuntime.T0.AddDays(10), dueAt);

        Assert.False(await host.Runtime.FireTimerAsync(timerId, Ct));
        Assert.Equal(new SweepResult(0, 0), await host.Runtime.SweepAsync(TimeSpan.Zero, Ct));
        host.Time.Advance(TimeSpan.FromDays(10));
        Assert.True(await host.Runtime.FireTimerAsync(timerId, Ct));
        Assert.False(await host.Runtime.FireTimerAsync(timerId, Ct));

        var tasks = await host.Stores.Tasks.QueryAsync(new TaskQuery { InstanceId = instance.Id, Status = null }, Ct);
        Assert.Equal(HumanTaskStatus.Cancelled, tasks.Items.Single(t => t.ElementId == "Review").Status);
        Assert.Equal(HumanTaskStatus.Open, tasks.Items.Single(t => t.ElementId == "Escalate").Status);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_timer_whose_wake_up_was_lost_is_fired_by_the_sweep(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.DeployAsync(Processes.Deadline("PT2S"));
        var instance = await host.Runtime.StartAsync("Deadline", "JC-1", null, Actors.Reviewer, Ct);
        host.Time.Advance(TimeSpan.FromMinutes(5));

        var swept = await host.Runtime.SweepAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(1, swept.TimersFired);
        var open = await host.Stores.Tasks.QueryAsync(new TaskQuery { InstanceId = instance.Id }, Ct);
        Assert.Equal("Escalate", open.Items.Single().ElementId);
        Assert.Equal(new SweepResult(0, 0), await host.Runtime.SweepAsync(TimeSpan.Zero, Ct));
    }

    /// <summary>
    /// A SQLite row keeps a due time to the millisecond (PostgreSQL: microsecond). Were the engine's finer, a wake-up at
    /// the row's due time would be a hair early for the engine, which refuses early timers; the engine keeps due times
    /// to the whole millisecond, rounded up, so the stored time is exactly the engine's.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_timer_woken_at_its_stored_due_time_fires_though_the_engine_keeps_a_finer_time(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.DeployAsync(Processes.Deadline("PT2S"));
        host.Time.Advance(TimeSpan.FromTicks(4_999));
        var instance = await host.Runtime.StartAsync("Deadline", "JC-1", null, Actors.Reviewer, Ct);
        var timer = (await host.Stores.Timers.ListByInstanceAsync(instance.Id, Ct)).Single();
        host.Time.SetUtcNow(timer.DueAt);

        Assert.True(await host.Runtime.FireTimerAsync(timer.Id, Ct));
        var open = await host.Stores.Tasks.QueryAsync(new TaskQuery { InstanceId = instance.Id }, Ct);
        Assert.Equal("Escalate", open.Items.Single().ElementId);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_synchronous_service_task_runs_once_inline_and_the_instance_moves_on_to_the_next_task(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.DeployAsync(Processes.SyncService);

        var instance = await host.Runtime.StartAsync("SyncService", "JC-1", null, Actors.Reviewer, Ct);

        var echo = host.Services.GetRequiredService<EchoActivity>();
        var key = Assert.Single(echo.Runs).Key;
        Assert.Equal(1, echo.Runs[key]);
        Assert.False(await host.Runtime.RunJobAsync(key, Ct));
        Assert.Equal(1, echo.Runs[key]);
        var jobs = await host.Stores.Jobs.ListByInstanceAsync(instance.Id, Ct);
        Assert.Equal(JobStatus.Completed, jobs.Single().Status);
        Assert.Equal("Review", (await host.Queries.InboxAsync(Actors.Reviewer, new PageRequest(), Ct)).Items.Single().ElementId);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_async_activity_is_retried_with_backoff_then_becomes_an_incident_that_staff_can_retry(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider, options: o => o.RetryBaseDelay = TimeSpan.FromSeconds(10));
        var flaky = host.Services.GetRequiredService<FlakyActivity>();
        flaky.FailuresLeft = 3;
        await host.DeployAsync(Processes.AsyncFlaky);
        var instance = await host.Runtime.StartAsync("AsyncFlaky", "JC-1", null, Actors.Reviewer, Ct);
        var jobId = host.Queue.TakeJobs().Single();

        Assert.True(await host.Runtime.RunJobAsync(jobId, Ct));
        var retry = (await host.Stores.Jobs.FindAsync(jobId, Ct))!;
        Assert.Equal(TestRuntime.T0.AddSeconds(10), retry.NextAttemptAt);
        Assert.False(await host.Runtime.RunJobAsync(jobId, Ct));
        host.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(await host.Runtime.RunJobAsync(jobId, Ct));
        Assert.Equal(TestRuntime.T0.AddSeconds(30), (await host.Stores.Jobs.FindAsync(jobId, Ct))!.NextAttemptAt);
        host.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.True(await host.Runtime.RunJobAsync(jobId, Ct));

        Assert.Equal(JobStatus.Failed, (await host.Stores.Jobs.FindAsync(jobId, Ct))!.Status);
        var incident = (await host.Queries.OpenIncidentsAsync(instance.Id, new PageRequest(), Actors.Admin, Ct)).Items.Single();
        Assert.Equal(jobId, incident.JobId);
        Assert.Contains("flaky failure", incident.Message);

        await host.Runtime.RetryIncidentAsync(incident.Id, Actors.Admin, Ct);
        Assert.Empty((await host.Queries.OpenIncidentsAsync(instance.Id, new PageRequest(), Actors.Admin, Ct)).Items);
        foreach (var again in host.Queue.TakeJobs())
            await host.Runtime.RunJobAsync(again, Ct);
        Assert.Equal(4, flaky.Runs);
        Assert.Equal(InstanceStatus.Completed, (await host.Queries.GetInstanceAsync(instance.Id, Actors.Admin, Ct)).Status);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_message_reaches_only_the_instance_waiting_under_its_correlation_key(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.DeployAsync(Processes.Payment);
        var mine = await host.Runtime.StartAsync("Payment", "JC-1", Vars(new { caseNo = "JC-1" }), Actors.Admin, Ct);
        var other = await host.Runtime.StartAsync("Payment", "JC-2", Vars(new { caseNo = "JC-2" }), Actors.Admin, Ct);

        Assert.Equal(1, await host.Runtime.CorrelateMessageAsync("Paid", "JC-1", null, Actors.Admin, Ct));
        Assert.Equal(0, await host.Runtime.CorrelateMessageAsync("Paid", "JC-1", null, Actors.Admin, Ct));

        Assert.Equal(InstanceStatus.Completed, (await host.Queries.GetInstanceAsync(mine.Id, Actors.Admin, Ct)).Status);
        Assert.Equal(InstanceStatus.Waiting, (await host.Queries.GetInstanceAsync(other.Id, Actors.Admin, Ct)).Status);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_signal_reaches_every_subscribed_instance(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.DeployAsync(Processes.Recall);
        var a = await host.Runtime.StartAsync("Recall", "A", null, Actors.Admin, Ct);
        var b = await host.Runtime.StartAsync("Recall", "B", null, Actors.Admin, Ct);

        Assert.Equal(2, await host.Runtime.BroadcastSignalAsync("Recall", null, Actors.Admin, Ct));

        Assert.Equal(InstanceStatus.Completed, (await host.Queries.GetInstanceAsync(a.Id, Actors.Admin, Ct)).Status);
        Assert.Equal(InstanceStatus.Completed, (await host.Queries.GetInstanceAsync(b.Id, Actors.Admin, Ct)).Status);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Cancelling_an_instance_closes_its_tasks_and_timers(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.DeployAsync(Processes.Deadline("P1D"));
        var instance = await host.Runtime.StartAsync("Deadline", "JC-1", null, Actors.Reviewer, Ct);

        var cancelled = await host.Runtime.CancelAsync(instance.Id, "withdrawn", Actors.Admin, Ct);

        Assert.Equal(InstanceStatus.Cancelled, cancelled.Status);
        Assert.Empty((await host.Queries.InboxAsync(Actors.Reviewer, new PageRequest(), Ct)).Items);
        host.Time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(new SweepResult(0, 0), await host.Runtime.SweepAsync(TimeSpan.Zero, Ct));
        await Assert.ThrowsAsync<WorkflowConflictException>(() => host.Runtime.CancelAsync(instance.Id, null, Actors.Admin, Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Unknown_processes_tasks_and_instances_are_not_found(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);

        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => host.Runtime.StartAsync("Nope", null, null, Actors.Admin, Ct));
        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => host.Runtime.CompleteTaskAsync("nope", null, Actors.Admin, Ct));
        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => host.Queries.GetInstanceAsync("nope", Actors.Admin, Ct));
    }

    private sealed class RequiresApproved : ITaskFormValidator
    {
        public ValueTask<FormValidationResult> ValidateAsync(HumanTask task, ImmutableDictionary<string, JsonElement> formData, CancellationToken cancellationToken) =>
            ValueTask.FromResult(formData.ContainsKey("approved")
                ? FormValidationResult.Valid
                : new FormValidationResult(new Dictionary<string, string[]> { ["approved"] = ["required"] }));
    }
}
