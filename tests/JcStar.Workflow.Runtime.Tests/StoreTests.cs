using JcStar.Workflow.Engine;
using JcStar.Workflow.Persistence.Databases;
using JcStar.Workflow.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using JcStar.Workflow.Persistence.Stores;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Subscriptions;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Runtime.Tests.Support;
using JcStar.Workflow.Runtime.Timers;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace JcStar.Workflow.Runtime.Tests;

/// <summary>The store adapters' promises, checked on SQLite and on a real PostgreSQL, without the engine.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class StoreTests
{
    private static readonly DateTimeOffset T0 = TestRuntime.T0;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static WorkflowInstance Instance(string id, int version = 1, InstanceStatus status = InstanceStatus.Waiting) => new()
    {
        Id = id, DefinitionId = "P:1", ProcessId = "P", DefinitionVersion = 1, BusinessKey = "JC-" + id, Status = status,
        StateJson = "{}", Version = version, StartedAt = T0, UpdatedAt = T0,
    };

    private static HumanTask Task(string id, string instanceId, DateTimeOffset? due, string[] groups, string? assignee = null) => new()
    {
        Id = id, EngineTaskId = id, InstanceId = instanceId, DefinitionId = "P:1", ProcessId = "P", ElementId = "Review",
        CandidateGroups = [.. groups], Assignee = assignee, DueAt = due, Status = HumanTaskStatus.Open, CreatedAt = T0,
    };

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task A_commit_with_a_stale_version_is_refused_and_writes_nothing(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        var instances = host.Stores.Instances;
        await instances.CommitAsync(new InstanceCommit { Instance = Instance("i1") }, Ct);
        await instances.CommitAsync(new InstanceCommit { Instance = Instance("i1", 2) with { StateJson = "{\"v\":2}" }, ExpectedVersion = 1 }, Ct);

        var stale = new InstanceCommit
        {
            Instance = Instance("i1", 2) with { StateJson = "{\"stale\":true}" },
            ExpectedVersion = 1,
            Tasks = [Task("t-stale", "i1", null, ["reviewers"])],
            Audit = [new AuditEntry { At = T0, Actor = "x", Action = "stale", InstanceId = "i1" }],
        };
        var conflict = await Assert.ThrowsAsync<WorkflowConflictException>(() => instances.CommitAsync(stale, Ct));

        Assert.Equal(ConflictReason.ConcurrentUpdate, conflict.Reason);
        var stored = await instances.FindAsync("i1", Ct);
        Assert.Equal(2, stored!.Version);
        Assert.Equal("{\"v\":2}", stored.StateJson);
        Assert.Null(await host.Stores.Tasks.FindAsync("t-stale", Ct));
        Assert.Empty(await host.Stores.Audit.ListByInstanceAsync("i1", Ct));
        await Assert.ThrowsAsync<WorkflowConflictException>(() => instances.CommitAsync(new InstanceCommit { Instance = Instance("i1") }, Ct));
    }

    /// <summary>
    /// SQLite writes commits that arrive together in one transaction (a group commit); each must still stand
    /// or fall alone: a stale one, a second start of an existing case, or one whose instance update went
    /// through before a later statement failed (a task id that is taken) leaves nothing of its own behind
    /// and the others written. On SQLite the test also checks that groups of several commands formed: a
    /// test whose commits were each written alone would say nothing about the savepoints.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task Commits_arriving_together_each_stand_or_fall_alone(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        var instances = host.Stores.Instances;
        const int cases = 12;
        for (var i = 0; i < cases; i++)
        {
            await instances.CommitAsync(new InstanceCommit { Instance = Instance($"i{i}") }, Ct);
            // c{i} holds task t-taken-{i}; its step below passes the version check, then collides on that task id.
            await instances.CommitAsync(new InstanceCommit
            {
                Instance = Instance($"c{i}") with { StateJson = "{\"before\":true}" },
                Tasks = [Task($"t-taken-{i}", $"c{i}", null, ["reviewers"])],
                NewRowIds = new HashSet<string> { $"t-taken-{i}" },
            }, Ct);
        }
        using var groups = new GroupSizes(host.Database);

        InstanceCommit Step(int i, string kind, int expected) => new()
        {
            Instance = Instance($"i{i}", expected + 1) with { StateJson = $"{{\"{kind}\":{i}}}" },
            ExpectedVersion = expected,
            Tasks = [Task($"t-{kind}-{i}", $"i{i}", null, ["reviewers"])],
            NewRowIds = new HashSet<string> { $"t-{kind}-{i}" },
            Audit = [new AuditEntry { At = T0, Actor = "x", Action = kind, InstanceId = $"i{i}" }],
        };
        var commits = Enumerable.Range(0, cases).SelectMany(i => new (string Kind, InstanceCommit Commit)[]
        {
            ("good", Step(i, "good", expected: 1)),
            ("stale", Step(i, "stale", expected: 7)),
            ("restart", new InstanceCommit { Instance = Instance($"i{i}") with { StateJson = "{\"restart\":true}" }, Audit = [new AuditEntry { At = T0, Actor = "x", Action = "restart", InstanceId = $"i{i}" }] }),
            ("new", new InstanceCommit { Instance = Instance($"n{i}"), Audit = [new AuditEntry { At = T0, Actor = "x", Action = "new", InstanceId = $"n{i}" }] }),
            ("collide", new InstanceCommit
            {
                Instance = Instance($"c{i}", 2) with { StateJson = "{\"collide\":true}" },
                ExpectedVersion = 1,
                Tasks = [Task($"t-free-{i}", $"c{i}", null, ["reviewers"]), Task($"t-taken-{i}", $"c{i}", null, ["others"])],
                NewRowIds = new HashSet<string> { $"t-free-{i}", $"t-taken-{i}" },
                Audit = [new AuditEntry { At = T0, Actor = "x", Action = "collide", InstanceId = $"c{i}" }],
            }),
        }).ToList();

        // On SQLite the writer's turn is held while the commits arrive, so they queue behind it whatever the machine's
        // timing; it is let go once several wait, and the first of them to take the turn writes the queue as one group.
        await using var context = provider == TestDatabase.Sqlite ? host.Database!.NewContext() : null;
        var turn = context is null ? null : await host.Services.GetRequiredService<ICommitStrategy>().EnterWriterAsync(context, Ct);
        using var start = new Barrier(commits.Count);
        var running = System.Threading.Tasks.Task.WhenAll(commits.Select(c => System.Threading.Tasks.Task.Run(async () =>
        {
            start.SignalAndWait(Ct);
            try
            {
                await instances.CommitAsync(c.Commit, Ct);
                return (c.Kind, Error: (Exception?)null);
            }
            catch (Exception e)
            {
                return (c.Kind, Error: e);
            }
        })));
        if (turn is not null)
        {
            Assert.True(await Poll.UntilAsync(() => System.Threading.Tasks.Task.FromResult(groups.Queued >= 2), () => running.IsCompleted, Ct),
                $"the commits did not queue behind the held writer ({groups.Queued} queued)");
            turn.Dispose();
        }
        var outcomes = await running;

        Assert.All(outcomes.Where(o => o.Kind is "good" or "new"), o => Assert.Null(o.Error));
        Assert.All(outcomes.Where(o => o.Kind is "stale" or "restart"), o => Assert.Equal(ConflictReason.ConcurrentUpdate, Assert.IsType<WorkflowConflictException>(o.Error).Reason));
        Assert.All(outcomes.Where(o => o.Kind is "collide"), o => Assert.NotNull(o.Error));
        if (provider == TestDatabase.Sqlite)
            Assert.True(groups.Largest > 1, $"every commit was written alone (largest group {groups.Largest}): the savepoints were not exercised");
        for (var i = 0; i < cases; i++)
        {
            var stored = await instances.FindAsync($"i{i}", Ct);
            Assert.Equal(2, stored!.Version);
            Assert.Equal($"{{\"good\":{i}}}", stored.StateJson);
            Assert.NotNull(await host.Stores.Tasks.FindAsync($"t-good-{i}", Ct));
            Assert.Null(await host.Stores.Tasks.FindAsync($"t-stale-{i}", Ct));
            Assert.Equal(["good"], (await host.Stores.Audit.ListByInstanceAsync($"i{i}", Ct)).Select(a => a.Action));
            Assert.Equal(["new"], (await host.Stores.Audit.ListByInstanceAsync($"n{i}", Ct)).Select(a => a.Action));
            // The collision came after the instance update: none of it stayed, not even that update.
            var collided = await instances.FindAsync($"c{i}", Ct);
            Assert.Equal(1, collided!.Version);
            Assert.Equal("{\"before\":true}", collided.StateJson);
            Assert.Null(await host.Stores.Tasks.FindAsync($"t-free-{i}", Ct));
            Assert.Equal(["reviewers"], (await host.Stores.Tasks.FindAsync($"t-taken-{i}", Ct))!.CandidateGroups);
            Assert.Empty(await host.Stores.Audit.ListByInstanceAsync($"c{i}", Ct));
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task The_group_inbox_lists_open_tasks_earliest_due_first_with_undated_ones_last_one_page_at_a_time(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.Stores.Instances.CommitAsync(new InstanceCommit
        {
            Instance = Instance("i1"),
            Tasks =
            [
                Task("late", "i1", T0.AddDays(9), ["reviewers"]),
                Task("undated", "i1", null, ["reviewers"]),
                Task("soon", "i1", T0.AddDays(1), ["reviewers", "managers"]),
                Task("other-group", "i1", T0, ["sales"]),
                Task("mine", "i1", T0.AddDays(5), [], assignee: "rei"),
                Task("claimed-by-ren", "i1", T0.AddDays(2), ["reviewers"], assignee: "ren"),
            ],
        }, Ct);

        var first = await host.Stores.Tasks.QueryAsync(TaskQuery.InboxOf(Actors.Reviewer, new PageRequest(1, 2)), Ct);
        var second = await host.Stores.Tasks.QueryAsync(TaskQuery.InboxOf(Actors.Reviewer, new PageRequest(2, 2)), Ct);
        var byGroup = await host.Stores.Tasks.QueryAsync(new TaskQuery { CandidateGroups = ["managers"] }, Ct);

        Assert.Equal(["soon", "mine"], first.Items.Select(t => t.Id));
        Assert.True(first.HasMore);
        Assert.Equal(["late", "undated"], second.Items.Select(t => t.Id));
        Assert.False(second.HasMore);
        Assert.Equal(["soon"], byGroup.Items.Select(t => t.Id));
        Assert.Equal(["reviewers", "managers"], byGroup.Items.Single().CandidateGroups);
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task Inbox_counts_equal_the_tasks_the_inbox_lists_each_task_once_and_stop_at_the_limit_asked(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        var actor = new WorkflowActor("rei", ["reviewers", "managers"]);
        var tasks = new List<HumanTask>();
        for (var i = 0; i < 7; i++)
        {
            tasks.Add(Task($"both-groups-{i}", "i1", T0.AddDays(i), ["reviewers", "managers"]));
            tasks.Add(Task($"reviewers-{i}", "i1", i % 2 == 0 ? null : T0.AddDays(i), ["reviewers"]));
        }
        tasks.Add(Task("to-rei-and-group", "i1", T0, ["managers"]) with { CandidateUsers = ["rei"] });
        tasks.Add(Task("to-rei-only", "i1", null, []) with { CandidateUsers = ["rei"] });
        tasks.Add(Task("mine-1", "i1", T0, ["reviewers"], assignee: "rei"));
        tasks.Add(Task("mine-2", "i1", null, [], assignee: "rei"));
        tasks.Add(Task("claimed-by-ren", "i1", T0, ["reviewers"], assignee: "ren"));
        tasks.Add(Task("sales", "i1", T0, ["sales"]));
        tasks.Add(Task("done", "i1", T0, ["reviewers"]) with { Status = HumanTaskStatus.Completed, CompletedAt = T0 });
        tasks.Add(Task("done-mine", "i1", T0, ["managers"], assignee: "rei") with { Status = HumanTaskStatus.Completed, CompletedAt = T0 });
        await host.Stores.Instances.CommitAsync(new InstanceCommit { Instance = Instance("i1"), Tasks = [.. tasks] }, Ct);

        async Task<int> Listed(TaskQuery query)
        {
            var ids = new HashSet<string>();
            for (var number = 1; ; number++)
            {
                var page = await host.Stores.Tasks.QueryAsync(query with { Page = new PageRequest(number, 4) }, Ct);
                ids.UnionWith(page.Items.Select(t => t.Id));
                if (!page.HasMore)
                    return ids.Count;
            }
        }

        var inbox = TaskQuery.InboxOf(actor, new PageRequest());
        var mine = inbox with { CandidateUser = null, CandidateGroups = [] };
        var offered = inbox with { Assignee = null };
        Assert.Equal(2, await host.Stores.Tasks.CountAsync(mine, 1000, Ct));
        Assert.Equal(16, await host.Stores.Tasks.CountAsync(offered, 1000, Ct));
        foreach (var query in new[] { inbox, mine, offered, inbox with { UnassignedCandidatesOnly = false }, new TaskQuery { CandidateGroups = ["reviewers"] }, new TaskQuery() })
        {
            var listed = await Listed(query);
            Assert.Equal(listed, await host.Stores.Tasks.CountAsync(query, 1000, Ct));
            Assert.Equal(Math.Min(listed, 5), await host.Stores.Tasks.CountAsync(query, 5, Ct));
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task The_inbox_read_as_single_prepared_statements_answers_as_the_EF_queries_do(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        var tasks = new List<HumanTask>();
        for (var i = 0; i < 9; i++)
        {
            tasks.Add(Task($"both-{i}", i % 3 == 0 ? "i2" : "i1", i % 4 == 0 ? null : T0.AddDays(9 - i), ["reviewers", "managers"]));
            tasks.Add(Task($"reviewers-{i}", "i1", i % 2 == 0 ? null : T0.AddHours(i), ["reviewers"]) with { CreatedAt = T0.AddMinutes(-i) });
        }
        // Undated and same-day tasks created in the reverse of their ids' order: a range cut at the page's end must
        // keep the earliest created, whatever the ids say.
        for (var i = 0; i < 15; i++)
        {
            tasks.Add(Task($"undated-{i:00}", "i1", null, ["reviewers"]) with { CreatedAt = T0.AddMinutes(-100 - i) });
            tasks.Add(Task($"same-day-{i:00}", "i2", T0.AddDays(1), ["managers"]) with { CreatedAt = T0.AddMinutes(-100 - i) });
            tasks.Add(Task($"mine-same-day-{i:00}", "i1", T0.AddDays(3), [], assignee: "rei") with { CreatedAt = T0.AddMinutes(-100 - i) });
        }
        tasks.Add(Task("to-rei", "i2", T0, ["managers"]) with { CandidateUsers = ["rei"] });
        tasks.Add(Task("to-rei-only", "i1", null, []) with { CandidateUsers = ["rei"] });
        tasks.Add(Task("mine-1", "i2", T0.AddDays(2), ["reviewers"], assignee: "rei"));
        tasks.Add(Task("mine-2", "i1", null, [], assignee: "rei"));
        tasks.Add(Task("claimed-by-ren", "i1", T0, ["reviewers"], assignee: "ren"));
        tasks.Add(Task("done", "i1", T0, ["reviewers"]) with { Status = HumanTaskStatus.Completed, CompletedAt = T0 });
        tasks.Add(Task("done-mine", "i2", T0, ["managers"], assignee: "rei") with { Status = HumanTaskStatus.Completed, CompletedAt = T0 });
        await host.Stores.Instances.CommitAsync(new InstanceCommit { Instance = Instance("i1"), Tasks = [.. tasks.Where(t => t.InstanceId == "i1")] }, Ct);
        await host.Stores.Instances.CommitAsync(new InstanceCommit { Instance = Instance("i2"), Tasks = [.. tasks.Where(t => t.InstanceId == "i2")] }, Ct);
        var sessions = host.Stores.Tasks;
        // The host's store reads with its own statements (a read through them answers); this one through EF only.
        Assert.NotNull(await host.Services.GetRequiredService<ICommitStrategy>().ReadAsync<TaskRow>([],
            r => ($"SELECT {r.SelectList} FROM {r.Table} LIMIT 1", []), Ct));
        var ef = new EfTaskStore(host.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>(), TrackedCommits.Instance);

        var inbox = TaskQuery.InboxOf(new WorkflowActor("rei", ["reviewers", "managers"]), new PageRequest());
        TaskQuery[] queries =
        [
            inbox, inbox with { CandidateUser = null, CandidateGroups = [] }, inbox with { Assignee = null },
            inbox with { UnassignedCandidatesOnly = false }, inbox with { ExcludedInstanceIds = ["i2"] },
            inbox with { Status = null }, inbox with { Status = HumanTaskStatus.Completed },
            new TaskQuery { CandidateGroups = ["managers", "reviewers"] }, new TaskQuery { Assignee = "ren" },
        ];
        foreach (var query in queries)
        {
            foreach (var size in new[] { 3, 50 })
            {
                for (var number = 1; number <= 20; number++)
                {
                    var paged = query with { Page = new PageRequest(number, size) };
                    var expected = await ef.QueryAsync(paged, Ct);
                    var actual = await sessions.QueryAsync(paged, Ct);
                    Assert.Equal(expected.Items.Select(t => t.Id), actual.Items.Select(t => t.Id));
                    Assert.Equal(expected.HasMore, actual.HasMore);
                    Assert.Equivalent(expected.Items, actual.Items, strict: true);
                }
            }
            foreach (var atMost in new[] { 1, 4, 1000 })
                Assert.Equal(await ef.CountAsync(query, atMost, Ct), await sessions.CountAsync(query, atMost, Ct));
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task A_closed_task_leaves_the_group_inbox(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        var open = Task("t1", "i1", T0, ["reviewers"]);
        await host.Stores.Instances.CommitAsync(new InstanceCommit { Instance = Instance("i1"), Tasks = [open] }, Ct);
        await host.Stores.Instances.CommitAsync(new InstanceCommit
        {
            Instance = Instance("i1", 2),
            ExpectedVersion = 1,
            Tasks = [open with { Status = HumanTaskStatus.Completed, CompletedAt = T0, CompletedBy = "rei", FormDataJson = "{\"ok\":true}" }],
        }, Ct);

        Assert.Empty((await host.Stores.Tasks.QueryAsync(new TaskQuery { CandidateGroups = ["reviewers"] }, Ct)).Items);
        var closed = await host.Stores.Tasks.QueryAsync(new TaskQuery { CandidateGroups = ["reviewers"], Status = HumanTaskStatus.Completed }, Ct);
        Assert.Equal("{\"ok\":true}", closed.Items.Single().FormDataJson);
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task Ending_an_instance_closes_whatever_work_its_effects_left_open(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.Stores.Instances.CommitAsync(new InstanceCommit
        {
            Instance = Instance("i1"),
            Tasks = [Task("t1", "i1", T0, ["reviewers"])],
            Timers = [new TimerRecord { Id = "tm1", EngineTimerId = "tm1", InstanceId = "i1", ElementId = "Late", DueAt = T0.AddDays(1), Status = TimerStatus.Pending, CreatedAt = T0 }],
            MessageSubscriptionsOpened = [new MessageSubscription { Id = "m1", EngineSubscriptionId = "m1", InstanceId = "i1", ElementId = "W", MessageName = "Paid", CorrelationKey = "JC-1", CreatedAt = T0 }],
        }, Ct);

        await host.Stores.Instances.CommitAsync(new InstanceCommit { Instance = Instance("i1", 2, InstanceStatus.Cancelled), ExpectedVersion = 1 }, Ct);

        Assert.Equal(HumanTaskStatus.Cancelled, (await host.Stores.Tasks.FindAsync("t1", Ct))!.Status);
        Assert.Empty((await host.Stores.Tasks.QueryAsync(new TaskQuery { CandidateGroups = ["reviewers"] }, Ct)).Items);
        Assert.Equal(TimerStatus.Cancelled, (await host.Stores.Timers.FindAsync("tm1", Ct))!.Status);
        Assert.Empty(await host.Stores.Timers.FindDueAsync(T0.AddDays(2), 10, Ct));
        Assert.Empty(await host.Stores.Subscriptions.FindMessageSubscriptionsAsync("Paid", "JC-1", Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task Of_many_nodes_racing_for_a_job_exactly_one_gets_the_lease(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.Stores.Instances.CommitAsync(new InstanceCommit
        {
            Instance = Instance("i1"),
            Jobs = [new ActivityJob { Id = "j1", EngineJobId = "j1", InstanceId = "i1", Kind = JobKind.Activity, ElementId = "S", Name = "x", InputsJson = "{}", MaxRetries = 3, Status = JobStatus.Pending, NextAttemptAt = T0, CreatedAt = T0 }],
        }, Ct);

        var takers = await System.Threading.Tasks.Task.WhenAll(Enumerable.Range(0, 8).Select(n =>
            System.Threading.Tasks.Task.Run(() => host.Stores.Jobs.TryLeaseAsync("j1", $"node-{n}", T0, T0.AddMinutes(5), Ct), Ct)));

        Assert.Equal(1, takers.Count(t => t));
        var job = await host.Stores.Jobs.FindAsync("j1", Ct);
        Assert.Equal(1, job!.Attempts);
        Assert.False(await host.Stores.Jobs.TryLeaseAsync("j1", "late", T0.AddMinutes(1), T0.AddMinutes(6), Ct));
        Assert.True(await host.Stores.Jobs.TryLeaseAsync("j1", "after-expiry", T0.AddMinutes(5), T0.AddMinutes(10), Ct));
        Assert.False(await host.Stores.Jobs.ReleaseForRetryAsync("j1", job.LeaseOwner!, T0.AddMinutes(20), "boom", Ct));
        Assert.True(await host.Stores.Jobs.ReleaseForRetryAsync("j1", "after-expiry", T0.AddMinutes(20), "boom", Ct));
        Assert.Empty(await host.Stores.Jobs.FindRunnableAsync(T0.AddMinutes(19), T0.AddMinutes(19), 10, Ct));
        Assert.Single(await host.Stores.Jobs.FindRunnableAsync(T0.AddMinutes(20), T0.AddMinutes(20), 10, Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task Message_subscriptions_are_found_by_name_and_correlation_key_and_signals_by_name(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        await host.Stores.Instances.CommitAsync(new InstanceCommit
        {
            Instance = Instance("i1"),
            MessageSubscriptionsOpened =
            [
                new MessageSubscription { Id = "a", EngineSubscriptionId = "a", InstanceId = "i1", ElementId = "W", MessageName = "Paid", CorrelationKey = "JC-1", CreatedAt = T0 },
                new MessageSubscription { Id = "b", EngineSubscriptionId = "b", InstanceId = "i1", ElementId = "W", MessageName = "Paid", CorrelationKey = "JC-2", CreatedAt = T0 },
                new MessageSubscription { Id = "c", EngineSubscriptionId = "c", InstanceId = "i1", ElementId = "W", MessageName = "Paid", CorrelationKey = null, CreatedAt = T0 },
            ],
            SignalSubscriptionsOpened = [new SignalSubscription { Id = "s", EngineSubscriptionId = "s", InstanceId = "i1", ElementId = "R", SignalName = "Recall", CreatedAt = T0 }],
        }, Ct);

        Assert.Equal(["a"], (await host.Stores.Subscriptions.FindMessageSubscriptionsAsync("Paid", "JC-1", Ct)).Select(s => s.Id));
        Assert.Equal(["c"], (await host.Stores.Subscriptions.FindMessageSubscriptionsAsync("Paid", null, Ct)).Select(s => s.Id));
        Assert.Equal(["s"], (await host.Stores.Subscriptions.FindSignalSubscriptionsAsync("Recall", Ct)).Select(s => s.Id));

        await host.Stores.Instances.CommitAsync(new InstanceCommit { Instance = Instance("i1", 2), ExpectedVersion = 1, MessageSubscriptionsClosed = ["a"], SignalSubscriptionsClosed = ["s"] }, Ct);
        Assert.Empty(await host.Stores.Subscriptions.FindMessageSubscriptionsAsync("Paid", "JC-1", Ct));
        Assert.Empty(await host.Stores.Subscriptions.FindSignalSubscriptionsAsync("Recall", Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task A_second_node_publishing_the_same_version_of_a_process_gets_a_conflict(string provider)
    {
        await using var host = await TestRuntime.CreateAsync(provider);
        var definition = new DeployedDefinition
        {
            Id = "P:1", ProcessId = "P", Version = 1, ContentHash = "h", Xml = "<x/>", SourceName = "p.bpmn", PublishedAt = T0,
            CalledDefinitionIds = ["Q:3"],
        };
        await host.Stores.Definitions.AddAsync(definition, Ct);

        await Assert.ThrowsAsync<WorkflowConflictException>(() => host.Stores.Definitions.AddAsync(definition with { ContentHash = "other" }, Ct));
        await host.Stores.Definitions.AddAsync(definition with { Id = "P:2", Version = 2, ContentHash = "h2" }, Ct);
        Assert.Equal(2, (await host.Stores.Definitions.FindLatestAsync("P", Ct))!.Version);
        Assert.Equal(["Q:3"], (await host.Stores.Definitions.FindAsync("P:1", Ct))!.CalledDefinitionIds);
        Assert.Single(await host.Stores.Definitions.ListLatestAsync(Ct));
    }
}
