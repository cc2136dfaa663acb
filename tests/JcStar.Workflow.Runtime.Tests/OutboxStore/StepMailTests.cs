using System.Collections.Immutable;
using System.Data.Common;
using System.Text.Json;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Stores;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.InMemory;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Mail;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Runtime.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Runtime.Tests.OutboxStore;

/// <summary>
/// Issue #5: the mail a step asks for is queued in the transaction that commits the step, on every store.
/// Committed step → exactly one message; step not committed (failure, lost race, instance cancelled) → none.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class StepMailTests
{
    /// <summary>Longer than the default job lease (5 minutes): a run that held the job is presumed dead.</summary>
    private static readonly TimeSpan PastTheLease = TimeSpan.FromMinutes(6);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Process = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="D" targetNamespace="urn:test">
          <process id="Notify" isExecutable="true">
            <startEvent id="Start" />
            <sendTask id="MailApplicant" jc:activity="test.mail" jc:async="true" />
            <userTask id="Review" jc:candidateGroups="reviewers" />
            <endEvent id="End" />
            <sequenceFlow id="f1" sourceRef="Start" targetRef="MailApplicant" />
            <sequenceFlow id="f2" sourceRef="MailApplicant" targetRef="Review" />
            <sequenceFlow id="f3" sourceRef="Review" targetRef="End" />
          </process>
        </definitions>
        """;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_send_task_whose_step_commits_queues_exactly_one_message_with_every_field(string provider)
    {
        await using var host = await MailHost.CreateAsync(provider);
        var (instanceId, jobId) = await host.StartAsync();

        Assert.True(await host.Runtime.Runtime.RunJobAsync(jobId, Ct));

        var stored = Assert.Single(await host.Outbox.ListByInstanceAsync(instanceId, Ct));
        var sent = Assert.Single(host.Mail.Composed);
        Assert.Equal(
            (sent.Id, sent.IdempotencyKey, sent.InstanceId, sent.BusinessKey, sent.ElementId, sent.MessageId, sent.Subject, sent.TextBody, OutboxStatus.Queued, 0),
            (stored.Id, stored.IdempotencyKey, stored.InstanceId, stored.BusinessKey, stored.ElementId, stored.MessageId, stored.Subject, stored.TextBody, stored.Status, stored.Attempts));
        Assert.Equal(jobId, stored.IdempotencyKey);
        Assert.Equal(sent.To, stored.To);
        Assert.Equal(sent.Attachments, stored.Attachments);
        await host.AssertStepCommittedAsync(instanceId, jobId);
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task A_step_commit_that_fails_leaves_no_message_and_the_rerun_queues_one(string provider)
    {
        await using var host = await MailHost.CreateAsync(provider);
        var (instanceId, jobId) = await host.StartAsync();
        // The handler has run; the next transaction to commit is the step's, and it fails.
        host.Mail.DuringRun = (_, run) =>
        {
            if (run == 1)
                host.FailNextCommit.Arm();
            return Task.CompletedTask;
        };

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Runtime.Runtime.RunJobAsync(jobId, Ct));

        Assert.Equal(CommitFailure.Message, failure.Message);
        Assert.Empty(await host.Outbox.ListByInstanceAsync(instanceId, Ct));
        Assert.Equal(JobStatus.Pending, (await host.Runtime.Stores.Jobs.FindAsync(jobId, Ct))!.Status);

        host.Runtime.Time.Advance(PastTheLease);
        Assert.True(await host.Runtime.Runtime.RunJobAsync(jobId, Ct));

        var stored = Assert.Single(await host.Outbox.ListByInstanceAsync(instanceId, Ct));
        Assert.Equal(host.Mail.Composed[1].Id, stored.Id);
        await host.AssertStepCommittedAsync(instanceId, jobId);
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task A_crash_between_the_handler_and_the_step_commit_leaves_no_message_and_the_rerun_queues_one(string provider)
    {
        await using var host = await MailHost.CreateAsync(provider);
        var (instanceId, jobId) = await host.StartAsync();
        using var process = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        // The process dies as the handler returns: the step's commit never starts.
        host.Mail.DuringRun = (_, run) =>
        {
            if (run == 1)
                process.Cancel();
            return Task.CompletedTask;
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Runtime.Runtime.RunJobAsync(jobId, process.Token));
        Assert.Empty(await host.Outbox.ListByInstanceAsync(instanceId, Ct));

        host.Runtime.Time.Advance(PastTheLease);
        var swept = await host.Runtime.Runtime.SweepAsync(TimeSpan.Zero, Ct);

        Assert.Equal(1, swept.JobsRun);
        Assert.Equal(2, host.Mail.Composed.Count);
        var stored = Assert.Single(await host.Outbox.ListByInstanceAsync(instanceId, Ct));
        Assert.Equal(host.Mail.Composed[1].Id, stored.Id);
        await host.AssertStepCommittedAsync(instanceId, jobId);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_job_run_twice_at_once_queues_the_message_of_the_run_that_committed_and_no_other(string provider)
    {
        // The first run's node stalls: its heartbeat cannot renew the lease (as when the database is out of its reach).
        await using var host = await MailHost.CreateAsync(provider, heartbeatStalls: true);
        var (instanceId, jobId) = await host.StartAsync();
        // While the first run is in its handler its lease runs out; a second run (another node) takes the job and commits first.
        host.Mail.DuringRun = async (_, run) =>
        {
            if (run != 1)
                return;
            host.Runtime.Time.Advance(PastTheLease);
            Assert.True(await host.Runtime.Runtime.RunJobAsync(jobId, Ct));
        };

        // The first run's commit finds the job completed by the second and commits nothing.
        Assert.False(await host.Runtime.Runtime.RunJobAsync(jobId, Ct));

        Assert.Equal(2, host.Mail.Composed.Count);
        var stored = Assert.Single(await host.Outbox.ListByInstanceAsync(instanceId, Ct));
        Assert.Equal(host.Mail.Composed[1].Id, stored.Id);
        await host.AssertStepCommittedAsync(instanceId, jobId);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_instance_cancelled_while_the_handler_runs_sends_no_mail(string provider)
    {
        await using var host = await MailHost.CreateAsync(provider);
        var (instanceId, jobId) = await host.StartAsync();
        host.Mail.DuringRun = async (_, _) => await host.Runtime.Runtime.CancelAsync(instanceId, "申請取下げ", Actors.Admin, Ct);

        Assert.False(await host.Runtime.Runtime.RunJobAsync(jobId, Ct));

        Assert.Single(host.Mail.Composed);
        Assert.Empty(await host.Outbox.ListByInstanceAsync(instanceId, Ct));
        Assert.Equal(InstanceStatus.Cancelled, (await host.Runtime.Stores.Instances.FindAsync(instanceId, Ct))!.Status);
        Assert.Equal(JobStatus.Cancelled, (await host.Runtime.Stores.Jobs.FindAsync(jobId, Ct))!.Status);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_message_already_queued_under_the_jobs_key_is_kept_and_the_step_still_commits(string provider)
    {
        await using var host = await MailHost.CreateAsync(provider);
        var (instanceId, jobId) = await host.StartAsync();
        // Queued on its own before (the activity enqueued directly before issue #5, and the step then never committed).
        var earlier = await host.Outbox.EnqueueAsync(MailingActivity.Message(jobId, instanceId, "MailApplicant", "以前の版"), Ct);

        Assert.True(await host.Runtime.Runtime.RunJobAsync(jobId, Ct));

        var stored = Assert.Single(await host.Outbox.ListByInstanceAsync(instanceId, Ct));
        Assert.Equal((earlier.Id, "以前の版"), (stored.Id, stored.Subject));
        await host.AssertStepCommittedAsync(instanceId, jobId);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_commit_that_loses_on_the_instance_version_writes_no_mail(string provider)
    {
        await using var host = await MailHost.CreateAsync(provider);
        var (instanceId, _) = await host.StartAsync();
        var instance = (await host.Runtime.Stores.Instances.FindAsync(instanceId, Ct))!;
        var message = MailingActivity.Message("stale-step", instanceId, "MailApplicant", "古い版");

        await Assert.ThrowsAsync<WorkflowConflictException>(() => host.Runtime.Stores.Instances.CommitAsync(new InstanceCommit
        {
            Instance = instance with { Version = instance.Version + 2 },
            ExpectedVersion = instance.Version + 1,
            OutboxMessages = [message],
        }, Ct));

        Assert.Empty(await host.Outbox.ListByInstanceAsync(instanceId, Ct));
        Assert.Null(await host.Outbox.FindAsync(message.Id, Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_commit_carrying_only_mail_still_writes_it(string provider)
    {
        // No job, timer or task: the kind of commit the stores write with their batched fast path.
        await using var host = await MailHost.CreateAsync(provider);
        var (instanceId, _) = await host.StartAsync();
        var instance = (await host.Runtime.Stores.Instances.FindAsync(instanceId, Ct))!;
        var message = MailingActivity.Message("mail-only", instanceId, "MailApplicant", "単独");

        await host.Runtime.Stores.Instances.CommitAsync(new InstanceCommit
        {
            Instance = instance with { Version = instance.Version + 1 },
            ExpectedVersion = instance.Version,
            OutboxMessages = [message],
        }, Ct);

        Assert.Equal("単独", (await host.Outbox.FindAsync(message.Id, Ct))?.Subject);
        Assert.Equal(instance.Version + 1, (await host.Runtime.Stores.Instances.FindAsync(instanceId, Ct))!.Version);
    }

    /// <summary>The runtime on one store, with <see cref="MailingActivity"/>, the outbox its commits write to, and a commit that can be made to fail.</summary>
    private sealed class MailHost : IAsyncDisposable
    {
        private MailHost(TestRuntime runtime, CommitFailure failNextCommit)
        {
            Runtime = runtime;
            FailNextCommit = failNextCommit;
        }

        public TestRuntime Runtime { get; }

        public CommitFailure FailNextCommit { get; }

        public MailingActivity Mail => Runtime.Services.GetRequiredService<MailingActivity>();

        public IOutbox Outbox => Runtime.Services.GetRequiredService<IOutbox>();

        public static async Task<MailHost> CreateAsync(string provider, bool heartbeatStalls = false)
        {
            var failure = new CommitFailure();
            var runtime = await TestRuntime.CreateAsync(provider, services =>
            {
                if (heartbeatStalls)
                    TestRuntime.DecorateStores(services, stores => stores with { Jobs = new UnrenewableLeases(stores.Jobs) });
                services.AddSingleton<MailingActivity>();
                services.AddSingleton<IActivityHandler>(sp => sp.GetRequiredService<MailingActivity>());
                if (provider == TestDatabase.InMemory)
                {
                    // The in-memory store commits into the outbox the container holds.
                    services.AddSingleton<InMemoryOutbox>();
                    services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<InMemoryOutbox>());
                }
                else
                {
                    services.AddSingleton<IOutbox, EfOutbox>();
                    services.ConfigureDbContext<WorkflowDbContext>(o => o.AddInterceptors(failure));
                }
            });
            var host = new MailHost(runtime, failure);
            if (provider == TestDatabase.InMemory)
                Assert.Same(runtime.Services.GetRequiredService<InMemoryWorkflowStore>().Outbox, host.Outbox);
            return host;
        }

        public async Task<(string InstanceId, string JobId)> StartAsync()
        {
            await Runtime.DeployAsync(Process, "notify.bpmn");
            var instance = await Runtime.Runtime.StartAsync("Notify", "JC-A-2026-000123", null, Actors.Reviewer, Ct);
            return (instance.Id, Runtime.Queue.TakeJobs().Single());
        }

        /// <summary>The send task completed and the token moved on to Review: the step the mail belongs to is committed.</summary>
        public async Task AssertStepCommittedAsync(string instanceId, string jobId)
        {
            Assert.Equal(JobStatus.Completed, (await Runtime.Stores.Jobs.FindAsync(jobId, Ct))!.Status);
            var tasks = await Runtime.Stores.Tasks.QueryAsync(new TaskQuery { InstanceId = instanceId, Page = new PageRequest(1, PageRequest.MaxSize) }, Ct);
            Assert.Equal(["Review"], tasks.Items.Select(t => t.ElementId));
        }

        public ValueTask DisposeAsync() => Runtime.DisposeAsync();
    }

    /// <summary>A node whose lease heartbeat never gets through: every renewal fails, everything else passes through.</summary>
    private sealed class UnrenewableLeases(IJobStore inner) : IJobStore
    {
        public Task<ActivityJob?> FindAsync(string jobId, CancellationToken cancellationToken) => inner.FindAsync(jobId, cancellationToken);

        public Task<bool> TryLeaseAsync(string jobId, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
            inner.TryLeaseAsync(jobId, owner, now, leaseUntil, cancellationToken);

        public Task<bool> RenewLeaseAsync(string jobId, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
            throw new TimeoutException("the database did not answer the heartbeat");

        public Task<bool> ReleaseForRetryAsync(string jobId, string owner, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
            inner.ReleaseForRetryAsync(jobId, owner, nextAttemptAt, error, cancellationToken);

        public Task FinishAsync(string jobId, JobStatus status, DateTimeOffset at, string? error, CancellationToken cancellationToken) =>
            inner.FinishAsync(jobId, status, at, error, cancellationToken);

        public Task<IReadOnlyList<ActivityJob>> FindRunnableAsync(DateTimeOffset dueBy, DateTimeOffset now, int max, CancellationToken cancellationToken) =>
            inner.FindRunnableAsync(dueBy, now, max, cancellationToken);

        public Task<IReadOnlyList<ActivityJob>> ListByInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
            inner.ListByInstanceAsync(instanceId, cancellationToken);
    }

    /// <summary>Fails the next transaction commit once armed, as a lost connection or a full disk would.</summary>
    private sealed class CommitFailure : DbTransactionInterceptor
    {
        public const string Message = "injected: the database refused the step's commit";

        private int _armed;

        public void Arm() => Interlocked.Exchange(ref _armed, 1);

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            Interlocked.Exchange(ref _armed, 0) == 1
                ? throw new InvalidOperationException(Message)
                : base.TransactionCommittingAsync(transaction, eventData, result, cancellationToken);
    }

    /// <summary>
    /// A send task's handler as the mail package writes it: it composes a message keyed by the job and returns it
    /// in its result, never touching the outbox. Each run composes a new id so a test can tell whose message was kept.
    /// </summary>
    private sealed class MailingActivity : IActivityHandler
    {
        private readonly Lock _gate = new();
        private readonly List<OutboxMessage> _composed = [];

        public string Name => "test.mail";

        /// <summary>Runs inside the handler after the message is composed (the run number is 1-based).</summary>
        public Func<ActivityContext, int, Task>? DuringRun { get; set; }

        public IReadOnlyList<OutboxMessage> Composed
        {
            get
            {
                lock (_gate)
                    return [.. _composed];
            }
        }

        public static OutboxMessage Message(string key, string instanceId, string elementId, string subject) => new()
        {
            Id = Guid.NewGuid(),
            IdempotencyKey = key,
            InstanceId = instanceId,
            BusinessKey = "JC-A-2026-000123",
            ElementId = elementId,
            TemplateName = "application-accepted",
            MessageId = OutboxMessage.MessageIdFor(key, "jcstar.example.jp"),
            From = new Mailbox("label@jcstar.example.jp", "JC-STAR 事務局"),
            To = [new Mailbox("tanaka@example.co.jp", "田中 太郎")],
            Subject = subject,
            TextBody = "田中様\n申請を受け付けました。",
            Attachments = [new AttachmentRef("doc-受付票-1")],
            NextAttemptAt = TestRuntime.T0,
            CreatedAt = TestRuntime.T0,
        };

        public async Task<ActivityResult> ExecuteAsync(ImmutableDictionary<string, JsonElement> inputs, ActivityContext context, CancellationToken cancellationToken)
        {
            int run;
            OutboxMessage message;
            lock (_gate)
            {
                run = _composed.Count + 1;
                message = Message(context.IdempotencyKey, context.InstanceId, context.ElementId, $"【JC-STAR】申請受付のお知らせ（{run}回目）");
                _composed.Add(message);
            }
            if (DuringRun is { } hook)
                await hook(context, run);
            return ActivityResult.Completed(ImmutableDictionary<string, JsonElement>.Empty.Add("outboxId", JsonSerializer.SerializeToElement(message.Id)))
                .WithOutboxMessage(message);
        }
    }
}
