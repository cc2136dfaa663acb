using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Mail;
using JcStar.Workflow.Runtime.Retention;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Runtime.Tests.Support;
using JcStar.Workflow.Scheme.Labels;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace JcStar.Workflow.Runtime.Tests.Retention;

/// <summary>Retention of personal data over the real stores: closed cases anonymized, open and appealed ones untouched.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class RetentionTests
{
    private const string Email = "takahashi.misaki@minato-denki.example.jp";
    private const string Contact = "製品セキュリティ室　高橋 美咲";
    private static readonly TimeSpan CaseKept = TimeSpan.FromDays(3653);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static RetentionOptions Options(TimeSpan? auditKept = null) => new()
    {
        ClosedCasesKeptFor = CaseKept,
        AuditKeptFor = auditKept ?? CaseKept,
        PersonalFields = ["applicant.contactName", "applicant.email", "appellant.*"],
    };

    private static ImmutableDictionary<string, JsonElement> Vars(object values) =>
        JsonSerializer.SerializeToElement(values).EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.Clone());

    private static object Applicant(string id) => new { id, name = "みなと電機株式会社", contactName = Contact, email = Email };

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task A_dry_run_lists_the_closed_case_and_the_appealed_one_and_changes_nothing(string provider)
    {
        await using var host = await RetentionHost.CreateAsync(provider, Options());
        var cases = await ArrangeAsync(host);
        var before = await SnapshotAsync(host, cases.Closed);

        var report = await host.Retention.RunAsync(dryRun: true, WorkflowActor.System, Ct);

        Assert.True(report.DryRun);
        var closed = Assert.Single(report.Anonymized);
        Assert.Equal(cases.Closed, closed.InstanceId);
        Assert.Equal(["applicant.contactName", "applicant.email"], closed.Fields);
        Assert.True(closed.Variables);
        Assert.Equal(1, closed.TaskForms);
        Assert.Equal(1, closed.Mails);
        Assert.True(closed.AuditEntries >= 2, "the start's variables and the task's form are in the history");
        var appealed = Assert.Single(report.Skipped);
        Assert.Equal(cases.Appealed, appealed.InstanceId);
        Assert.Contains("AP-1", appealed.Reason);
        Assert.Equal(before, await SnapshotAsync(host, cases.Closed));
        Assert.DoesNotContain(await host.Stores.Audit.ListByInstanceAsync(cases.Closed, Ct), a => a.Action == AuditActions.RetentionAnonymized);
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task A_real_run_anonymizes_the_closed_case_keeps_its_decision_and_registry_entry_and_leaves_open_and_appealed_cases_alone(string provider)
    {
        await using var host = await RetentionHost.CreateAsync(provider, Options());
        var cases = await ArrangeAsync(host);
        var open = await SnapshotAsync(host, cases.Open);
        var appealed = await SnapshotAsync(host, cases.Appealed);
        Assert.Contains("高橋", await SnapshotAsync(host, cases.Closed));
        var registry = host.Services.GetRequiredService<IRegistryStore>();
        var entryBefore = JsonSerializer.Serialize(registry.Find("JC-R-0001"));

        var report = await host.Retention.RunAsync(dryRun: false, WorkflowActor.System, Ct);

        Assert.Equal(cases.Closed, Assert.Single(report.Anonymized).InstanceId);
        var after = await SnapshotAsync(host, cases.Closed);
        Assert.DoesNotContain(Email, after);
        Assert.DoesNotContain("高橋", after);
        var variables = RootVariables((await host.Stores.Instances.FindAsync(cases.Closed, Ct))!);
        Assert.Equal("[anonymized]", variables["applicant"].GetProperty("email").GetString());
        Assert.Equal("[anonymized]", variables["applicant"].GetProperty("contactName").GetString());
        Assert.Equal("みなと電機株式会社", variables["applicant"].GetProperty("name").GetString());
        Assert.Equal("granted", variables["decision"].GetString());
        Assert.Equal("JC-R-0001", variables["registrationNumber"].GetString());
        var task = (await host.Stores.Tasks.QueryAsync(new TaskQuery { InstanceId = cases.Closed, Status = null }, Ct)).Items.Single();
        Assert.Contains("granted", task.FormDataJson);
        var mail = (await host.Services.GetRequiredService<IOutbox>().ListByInstanceAsync(cases.Closed, Ct)).Single();
        Assert.Equal("anonymized@anonymized.invalid", mail.To.Single().Address);
        Assert.Null(mail.To.Single().DisplayName);
        Assert.Equal("受付通知 JC-1", mail.Subject);
        Assert.Equal(OutboxStatus.Sent, mail.Status);
        var record = (await host.Stores.Audit.ListByInstanceAsync(cases.Closed, Ct)).Single(a => a.Action == AuditActions.RetentionAnonymized);
        Assert.Equal(WorkflowActor.System.Id, record.Actor);
        Assert.Contains("applicant.email", record.DataJson);
        Assert.Contains(mail.Id.ToString(), record.DataJson);
        Assert.Equal(InstanceStatus.Completed, (await host.Stores.Instances.FindAsync(cases.Closed, Ct))!.Status);
        Assert.Equal(entryBefore, JsonSerializer.Serialize(registry.Find("JC-R-0001")));
        Assert.Equal(open, await SnapshotAsync(host, cases.Open));
        Assert.Equal(appealed, await SnapshotAsync(host, cases.Appealed));

        var again = await host.Retention.RunAsync(dryRun: false, WorkflowActor.System, Ct);
        Assert.Empty(again.Anonymized);
        Assert.Single(await host.Stores.Audit.ListByInstanceAsync(cases.Closed, Ct), a => a.Action == AuditActions.RetentionAnonymized);
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task Once_the_appeal_is_closed_the_appealed_case_is_anonymized_too(string provider)
    {
        await using var host = await RetentionHost.CreateAsync(provider, Options());
        var cases = await ArrangeAsync(host);
        await CompleteOnlyTaskAsync(host, cases.Appeal, new { outcome = "dismissed" });
        host.Time.Advance(CaseKept);

        var report = await host.Retention.RunAsync(dryRun: false, WorkflowActor.System, Ct);

        Assert.Empty(report.Skipped);
        Assert.Contains(report.Anonymized, r => r.InstanceId == cases.Appealed);
        var appeal = Assert.Single(report.Anonymized, r => r.InstanceId == cases.Appeal);
        Assert.Equal(["appellant.contactName", "appellant.email", "appellant.name"], appeal.Fields);
        Assert.DoesNotContain(Email, await SnapshotAsync(host, cases.Appealed));
        var subject = RootVariables((await host.Stores.Instances.FindAsync(cases.Appeal, Ct))!)["subjectCaseNumber"].GetString();
        Assert.Equal("JC-3", subject);
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task Audit_data_keeps_its_personal_fields_until_its_own_longer_period_has_passed(string provider)
    {
        await using var host = await RetentionHost.CreateAsync(provider, Options(auditKept: CaseKept * 2));
        var cases = await ArrangeAsync(host);

        var first = await host.Retention.RunAsync(dryRun: false, WorkflowActor.System, Ct);

        var result = Assert.Single(first.Anonymized);
        Assert.Equal(0, result.AuditEntries);
        Assert.True(result.Variables);
        var history = await host.Stores.Audit.ListByInstanceAsync(cases.Closed, Ct);
        Assert.Contains(history, a => a.Action == AuditActions.InstanceStarted && a.DataJson!.Contains("takahashi.misaki"));

        host.Time.Advance(CaseKept);
        var second = await host.Retention.RunAsync(dryRun: false, WorkflowActor.System, Ct);

        var audited = Assert.Single(second.Anonymized, r => r.InstanceId == cases.Closed);
        Assert.False(audited.Variables);
        Assert.True(audited.AuditEntries >= 2);
        history = await host.Stores.Audit.ListByInstanceAsync(cases.Closed, Ct);
        Assert.DoesNotContain(history, a => Decoded(a.DataJson).Contains("takahashi.misaki") || Decoded(a.DataJson).Contains("高橋"));
        Assert.Equal(2, history.Count(a => a.Action == AuditActions.RetentionAnonymized));
        Assert.Contains(history, a => a.Action == AuditActions.TaskCompleted && a.Actor == Actors.Reviewer.Id);
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task The_copies_of_variables_in_job_inputs_and_in_the_activity_ledger_are_anonymized_too(string provider)
    {
        await using var host = await RetentionHost.CreateAsync(provider, Options());
        var instance = await host.Runtime.StartAsync("SyncService", "JC-5", Vars(new { applicant = Applicant("SUP-5") }), Actors.Reviewer, Ct);
        var ledger = host.Services.GetRequiredService<Scheme.Activities.IActivityLedger>();
        ledger.Record($"{instance.Id}.letter", Vars(new { addressee = new { name = "みなと電機株式会社" }, applicant = new { email = Email } }));
        ledger.Record("another-case.letter", Vars(new { applicant = new { email = Email } }));
        await CompleteOnlyTaskAsync(host, instance.Id, new { decision = "granted" });
        var job = (await host.Stores.Jobs.ListByInstanceAsync(instance.Id, Ct)).Single();
        Assert.Contains(Email, job.InputsJson);
        host.Time.Advance(CaseKept + TimeSpan.FromDays(1));

        var report = await host.Retention.RunAsync(dryRun: false, WorkflowActor.System, Ct);

        var result = Assert.Single(report.Anonymized);
        Assert.Equal((1, 1), (result.Jobs, result.LedgerEntries));
        var inputs = (await host.Stores.Jobs.FindAsync(job.Id, Ct))!.InputsJson;
        Assert.DoesNotContain(Email, inputs);
        Assert.Contains("SUP-5", inputs);
        Assert.Equal("[anonymized]", ledger.Find($"{instance.Id}.letter")!["applicant"].GetProperty("email").GetString());
        Assert.Equal("みなと電機株式会社", ledger.Find($"{instance.Id}.letter")!["addressee"].GetProperty("name").GetString());
        Assert.Equal(Email, ledger.Find("another-case.letter")!["applicant"].GetProperty("email").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task A_closed_case_an_open_case_names_by_its_id_is_kept_and_the_report_says_which(string provider)
    {
        await using var host = await RetentionHost.CreateAsync(provider, Options());
        var cases = await ArrangeAsync(host);
        await host.Runtime.StartAsync("Approval", "CP-9", Vars(new { subjectCaseId = cases.Closed }), Actors.Reviewer, Ct);
        var before = await SnapshotAsync(host, cases.Closed);

        var report = await host.Retention.RunAsync(dryRun: false, WorkflowActor.System, Ct);

        Assert.Empty(report.Anonymized);
        Assert.Contains("CP-9", Assert.Single(report.Skipped, s => s.InstanceId == cases.Closed).Reason);
        Assert.Equal(before, await SnapshotAsync(host, cases.Closed));
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task A_case_closed_more_recently_than_the_period_is_not_due(string provider)
    {
        await using var host = await RetentionHost.CreateAsync(provider, Options());
        await ArrangeAsync(host, advance: CaseKept - TimeSpan.FromDays(1));

        var report = await host.Retention.RunAsync(dryRun: true, WorkflowActor.System, Ct);

        Assert.Empty(report.Anonymized);
        Assert.Empty(report.Skipped);
    }

    private sealed record Cases(string Closed, string Open, string Appealed, string Appeal);

    /// <summary>
    /// JC-1 closed with a decision, a registry entry and a sent mail; JC-2 open; JC-3 closed but appealed by AP-1,
    /// which is open. Then the clock moves past the period (or by <paramref name="advance"/>).
    /// </summary>
    private static async Task<Cases> ArrangeAsync(RetentionHost host, TimeSpan? advance = null)
    {
        var closed = await host.Runtime.StartAsync("Approval", "JC-1", Vars(new { applicant = Applicant("SUP-1") }), Actors.Reviewer, Ct);
        await CompleteOnlyTaskAsync(host, closed.Id, new { decision = "granted", registrationNumber = "JC-R-0001", applicant = Applicant("SUP-1") });
        host.Services.GetRequiredService<IRegistryStore>().Add(new RegistryEntry
        {
            RegistrationNumber = "JC-R-0001",
            ApplicationNumber = "JC-1",
            Level = LabelLevel.Star1,
            SupplierId = "SUP-1",
            SupplierName = "みなと電機株式会社",
            Products = [new LabelledProduct("ネットワークカメラ", ["MC-300"], new DateOnly(2026, 4, 1))],
            IssueDate = new DateOnly(2026, 4, 1),
            ExpiryDate = new DateOnly(2028, 4, 1),
            GrantDate = new DateOnly(2026, 4, 1),
            PublishedFields = [PublicationField.Supplier],
            VulnerabilityContact = "psirt@minato-denki.example.jp",
            History = [new RegistryEvent(new DateOnly(2026, 4, 1), "granted", "★1 適合ラベル付与", "審査員 山田")],
        });
        await SentMailAsync(host, closed.Id);

        var open = await host.Runtime.StartAsync("Approval", "JC-2", Vars(new { applicant = Applicant("SUP-2") }), Actors.Reviewer, Ct);
        var appealed = await host.Runtime.StartAsync("Approval", "JC-3", Vars(new { applicant = Applicant("SUP-3") }), Actors.Reviewer, Ct);
        await CompleteOnlyTaskAsync(host, appealed.Id, new { decision = "refused" });
        var appeal = await host.Runtime.StartAsync("Approval", "AP-1",
            Vars(new { subjectCaseNumber = "JC-3", appellant = new { name = "みなと電機株式会社", contactName = Contact, email = Email } }), Actors.Reviewer, Ct);

        host.Time.Advance(advance ?? CaseKept + TimeSpan.FromDays(1));
        return new Cases(closed.Id, open.Id, appealed.Id, appeal.Id);
    }

    private static async Task CompleteOnlyTaskAsync(RetentionHost host, string instanceId, object form)
    {
        var task = (await host.Stores.Tasks.QueryAsync(new TaskQuery { InstanceId = instanceId }, Ct)).Items.Single();
        await host.Runtime.CompleteTaskAsync(task.Id, Vars(form), Actors.Reviewer, Ct);
    }

    private static async Task SentMailAsync(RetentionHost host, string instanceId)
    {
        var outbox = host.Services.GetRequiredService<IOutbox>();
        var now = host.Time.GetUtcNow();
        await outbox.EnqueueAsync(new OutboxMessage
        {
            Id = Guid.NewGuid(),
            IdempotencyKey = $"{instanceId}:ack",
            InstanceId = instanceId,
            BusinessKey = "JC-1",
            ElementId = "Acknowledge",
            MessageId = $"{Guid.NewGuid():N}@jcstar.test",
            From = new Mailbox("noreply@jcstar.test"),
            To = [new Mailbox(Email, Contact)],
            Subject = "受付通知 JC-1",
            TextBody = $"{Contact} 様\n申請を受け付けました。",
            HtmlBody = $"<p>{Contact} 様</p>",
            NextAttemptAt = now,
            CreatedAt = now,
        }, Ct);
        foreach (var claimed in await outbox.ClaimDueAsync(now, 10, TimeSpan.FromMinutes(1), Ct))
            await outbox.MarkSentAsync(claimed.Id, now, Ct);
    }

    private static ImmutableDictionary<string, JsonElement> RootVariables(Instances.WorkflowInstance instance) =>
        InstanceStateSerializer.Deserialize(instance.StateJson).Elements.First(e => e.Parent == 0).Variables!;

    /// <summary>Everything retention could touch in a case, as text, so "unchanged" compares all of it.</summary>
    private static async Task<string> SnapshotAsync(RetentionHost host, string instanceId)
    {
        var instance = await host.Stores.Instances.FindAsync(instanceId, Ct);
        var tasks = (await host.Stores.Tasks.QueryAsync(new TaskQuery { InstanceId = instanceId, Status = null }, Ct)).Items.Select(t => t.FormDataJson);
        var mails = await host.Services.GetRequiredService<IOutbox>().ListByInstanceAsync(instanceId, Ct);
        var audit = (await host.Stores.Audit.ListByInstanceAsync(instanceId, Ct)).Select(a => a.DataJson);
        return Decoded(JsonSerializer.Serialize(new { instance, tasks, mails, audit }));
    }

    /// <summary>\uXXXX escapes (at any nesting, JSON in JSON) decoded, so a plain search finds a Japanese name.</summary>
    private static string Decoded(string? json) =>
        System.Text.RegularExpressions.Regex.Replace(json ?? "", @"\\+u([0-9A-Fa-f]{4})", m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
}
