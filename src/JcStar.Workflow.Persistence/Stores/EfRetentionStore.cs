using System.Text.Encodings.Web;
using System.Text.Json;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Retention;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.Stores;

/// <summary>
/// Retention's reads and its one rewrite per case. The rewrite takes the instance row first under its
/// version, as every command on a case does, so it orders with them and loses cleanly to a change made
/// since the case was read. Audit rows are otherwise never updated: this is the one place that does, and
/// only their data, never who, what or when; likewise the activity ledger's outputs.
/// </summary>
public sealed class EfRetentionStore(IDbContextFactory<WorkflowDbContext> factory) : IRetentionStore
{
    private const int Pending = (int)Runtime.Activities.JobStatus.Pending;

    private static readonly JsonSerializerOptions MailJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<IReadOnlyList<string>> ListEndedBeforeAsync(DateTimeOffset endedBefore, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var before = endedBefore.ToUniversalTime();
        return await db.Instances.AsNoTracking()
            .Where(i => i.Status != (int)InstanceStatus.Waiting && i.EndedAt != null && i.EndedAt <= before)
            .OrderBy(i => i.EndedAt).ThenBy(i => i.Id)
            .Select(i => i.Id)
            .ToListAsync(cancellationToken);
    }

    public async Task<RetainedCase?> LoadAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        if (instance is null)
            return null;
        var forms = await db.Tasks.AsNoTracking()
            .Where(t => t.InstanceId == instanceId && t.FormDataJson != null)
            .OrderBy(t => t.Id)
            .Select(t => new RetainedTaskForm(t.Id, t.ElementId, t.FormDataJson!))
            .ToListAsync(cancellationToken);
        var mails = await db.MailOutbox.AsNoTracking().Where(m => m.InstanceId == instanceId).OrderBy(m => m.CreatedAt).ToListAsync(cancellationToken);
        var audit = await db.AuditLog.AsNoTracking().Where(a => a.InstanceId == instanceId).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var jobs = await db.Jobs.AsNoTracking().Where(j => j.InstanceId == instanceId).Select(j => new { j.Id, j.Status, j.InputsJson }).ToListAsync(cancellationToken);
        // The ledger is keyed by job id, which is "{instance id}.{engine job id}" (RuntimeIds.Scoped).
        var prefix = instanceId + ".";
        var ledger = await db.ActivityLedger.AsNoTracking().Where(l => l.IdempotencyKey.StartsWith(prefix)).ToListAsync(cancellationToken);
        return new RetainedCase(instance.ToRecord(), forms, [.. mails.Select(m => m.ToRecord())], [.. audit.Select(a => a.ToRecord())])
        {
            JobInputs = jobs.Where(j => j.Status != Pending).ToDictionary(j => j.Id, j => j.InputsJson, StringComparer.Ordinal),
            PendingJobs = [.. jobs.Where(j => j.Status == Pending).Select(j => j.Id).Order(StringComparer.Ordinal)],
            LedgerOutputs = ledger.ToDictionary(l => l.IdempotencyKey, l => l.OutputsJson, StringComparer.Ordinal),
        };
    }

    public async Task ApplyAsync(RetentionChange change, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var id = change.InstanceId;
        var expected = change.ExpectedVersion;
        var at = change.At.ToUniversalTime();
        var updated = change.StateJson is { } state
            ? await db.Instances.Where(i => i.Id == id && i.Version == expected && i.Status != (int)InstanceStatus.Waiting)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.StateJson, state).SetProperty(i => i.Version, expected + 1).SetProperty(i => i.UpdatedAt, at), cancellationToken)
            : await db.Instances.Where(i => i.Id == id && i.Version == expected && i.Status != (int)InstanceStatus.Waiting)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Version, expected + 1).SetProperty(i => i.UpdatedAt, at), cancellationToken);
        if (updated == 0)
            throw new WorkflowConflictException(ConflictReason.ConcurrentUpdate, $"instance {id} was changed since retention read it");

        foreach (var (taskId, form) in change.TaskForms)
            await db.Tasks.Where(t => t.Id == taskId && t.InstanceId == id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.FormDataJson, form), cancellationToken);
        foreach (var mail in change.Mails)
        {
            var (mailId, to, cc, bcc, replyTo) = (mail.Id, Json(mail.To), Json(mail.Cc), Json(mail.Bcc), Json(mail.ReplyTo));
            var (text, html) = (mail.TextBody, mail.HtmlBody);
            var changed = await db.MailOutbox
                .Where(m => m.Id == mailId && m.InstanceId == id && (m.Status == (int)Runtime.Mail.OutboxStatus.Sent || m.Status == (int)Runtime.Mail.OutboxStatus.Failed))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.To, to).SetProperty(m => m.Cc, cc).SetProperty(m => m.Bcc, bcc).SetProperty(m => m.ReplyTo, replyTo)
                    .SetProperty(m => m.TextBody, text).SetProperty(m => m.HtmlBody, html), cancellationToken);
            if (changed == 0)
                throw new WorkflowConflictException(ConflictReason.ConcurrentUpdate, $"mail {mailId} of instance {id} is being sent again");
        }
        foreach (var (jobId, inputs) in change.JobInputs)
        {
            if (await db.Jobs.Where(j => j.Id == jobId && j.InstanceId == id && j.Status != Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.InputsJson, inputs), cancellationToken) == 0)
                throw new WorkflowConflictException(ConflictReason.ConcurrentUpdate, $"job {jobId} of instance {id} is pending again");
        }
        var prefix = id + ".";
        foreach (var (key, outputs) in change.LedgerOutputs)
            await db.ActivityLedger.Where(l => l.IdempotencyKey == key && l.IdempotencyKey.StartsWith(prefix))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.OutputsJson, outputs), cancellationToken);
        foreach (var (sequence, data) in change.AuditData)
            await db.AuditLog.Where(a => a.Id == sequence && a.InstanceId == id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.DataJson, data), cancellationToken);
        db.AuditLog.Add(change.Record.ToRow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string Json(IReadOnlyList<Runtime.Mail.Mailbox> boxes) => JsonSerializer.Serialize(boxes, MailJson);
}
