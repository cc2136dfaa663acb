using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Documents;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Mail;
using Microsoft.Extensions.Logging;

namespace JcStar.Workflow.Runtime.Retention;

/// <summary>
/// Retention of personal data in closed cases. Past <see cref="RetentionOptions.ClosedCasesKeptFor"/> the
/// personal fields in the case's variables, task forms, job inputs and activity ledger, and the recipients and bodies of its sent mail, are
/// anonymized; past <see cref="RetentionOptions.AuditKeptFor"/> the same fields in its audit entries' data. What
/// is not a personal field stays: the decision, the label number, the registry entry, who on the staff did what
/// and when. A case still open, or one an open case (an appeal) refers to, is never touched. Each anonymized case
/// gets one <see cref="AuditActions.RetentionAnonymized"/> entry naming the fields, not their values. Past
/// <see cref="RetentionOptions.LettersKeptFor"/> (when set) the content of the case's letters is removed from the
/// document store, each removal audited (<see cref="AuditActions.RetentionLetterRemoved"/>); the record of each letter stays.
/// </summary>
public sealed class CaseRetention(IRetentionStore store, WorkflowStores stores, RetentionOptions options, TimeProvider clock, ILogger<CaseRetention> logger, IDocumentStore? documents = null)
{
    private readonly PersonalFieldRedactor _redactor = new(options);

    public async Task<RetentionReport> RunAsync(bool dryRun, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (options.LettersKeptFor is not null && documents is null)
            throw new InvalidOperationException($"{RetentionOptions.Section}:LettersKeptFor is set but no document store was given to retention");
        if (_redactor.IsEmpty && options.LettersKeptFor is null)
            throw new InvalidOperationException($"{RetentionOptions.Section}:PersonalFields is empty: there is nothing retention could anonymize; list the personal fields (applicant.contactName, applicant.email, …)");
        var now = clock.GetUtcNow();
        var caseCutoff = now - options.ClosedCasesKeptFor;
        var auditCutoff = now - options.AuditKeptFor;
        DateTimeOffset? lettersCutoff = options.LettersKeptFor is { } letters ? now - letters : null;
        var referencedBy = await OpenReferencesAsync(cancellationToken);
        var anonymized = new List<RetentionCaseResult>();
        var skipped = new List<RetentionSkip>();
        var latest = caseCutoff > auditCutoff ? caseCutoff : auditCutoff;
        if (lettersCutoff > latest)
            latest = lettersCutoff.Value;
        var due = await store.ListEndedBeforeAsync(latest, cancellationToken);
        foreach (var id in due)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var outcome = await RetainAsync(id, now, caseCutoff, auditCutoff, lettersCutoff, referencedBy, dryRun, actor, cancellationToken);
                    if (outcome is RetentionCaseResult result)
                        anonymized.Add(result);
                    else if (outcome is RetentionSkip skip)
                        skipped.Add(skip);
                    break;
                }
                catch (WorkflowConflictException) when (attempt < 3)
                {
                    // The case changed between reading and writing (a late retry of its mail): read it again.
                }
            }
        }
        return new RetentionReport(dryRun, now, anonymized, skipped);
    }

    private async Task<object?> RetainAsync(
        string id, DateTimeOffset now, DateTimeOffset caseCutoff, DateTimeOffset auditCutoff, DateTimeOffset? lettersCutoff,
        IReadOnlyDictionary<string, string> referencedBy, bool dryRun, WorkflowActor actor, CancellationToken ct)
    {
        if (await store.LoadAsync(id, ct) is not { } retained)
            return null;
        var instance = retained.Instance;
        if (!instance.HasEnded)
            return new RetentionSkip(id, instance.BusinessKey, "the case is open");
        if (referencedBy.TryGetValue(id, out var referrer) || (instance.BusinessKey is { } key && referencedBy.TryGetValue(key, out referrer)))
            return new RetentionSkip(id, instance.BusinessKey, $"open case {referrer} refers to it (an appeal or complaint about it)");
        var ended = instance.EndedAt ?? instance.UpdatedAt;
        var caseDue = ended <= caseCutoff;
        var auditDue = ended <= auditCutoff;
        var lettersDue = ended <= lettersCutoff;
        if ((caseDue || lettersDue) && retained.Mails.FirstOrDefault(m => m.Status is OutboxStatus.Queued or OutboxStatus.Sending) is { } pending)
            return new RetentionSkip(id, instance.BusinessKey, $"mail {pending.Id} is still {pending.Status.ToString().ToLowerInvariant()}");
        if (caseDue && retained.PendingJobs.Count > 0)
            return new RetentionSkip(id, instance.BusinessKey, $"job {retained.PendingJobs[0]} is still pending");

        var fields = new SortedSet<string>(StringComparer.Ordinal);
        var state = caseDue ? RedactState(instance.StateJson, fields) : null;
        var forms = new Dictionary<string, string>(StringComparer.Ordinal);
        var mails = new List<RetainedMail>();
        var jobs = new Dictionary<string, string>(StringComparer.Ordinal);
        var ledger = new Dictionary<string, string>(StringComparer.Ordinal);
        if (caseDue)
        {
            foreach (var form in retained.TaskForms)
                if (_redactor.Redact(form.FormDataJson, fields) is { } redacted)
                    forms[form.TaskId] = redacted;
            mails.AddRange(retained.Mails.Select(Anonymize).OfType<RetainedMail>());
            Redact(retained.JobInputs, jobs, fields);
            Redact(retained.LedgerOutputs, ledger, fields);
        }
        var audit = new Dictionary<long, string>();
        if (auditDue)
        {
            foreach (var entry in retained.Audit.Where(a => a.Action != AuditActions.RetentionAnonymized))
                if (_redactor.Redact(entry.DataJson, fields) is { } redacted)
                    audit[entry.Sequence] = redacted;
        }
        var letters = lettersDue ? await LettersOfAsync(instance, ct) : [];
        var personal = state is not null || forms.Count > 0 || mails.Count > 0 || audit.Count > 0 || jobs.Count > 0 || ledger.Count > 0;
        if (!personal && letters.Count == 0)
            return null;

        var result = new RetentionCaseResult(id, instance.BusinessKey, ended, [.. fields], state is not null, forms.Count, mails.Count, audit.Count, jobs.Count, ledger.Count) { Letters = letters };
        if (dryRun)
            return result;
        await RemoveLettersAsync(instance, ended, letters, now, actor, ct);
        if (!personal)
            return result;
        await store.ApplyAsync(new RetentionChange
        {
            InstanceId = id,
            ExpectedVersion = instance.Version,
            At = now,
            StateJson = state,
            TaskForms = forms,
            Mails = mails,
            AuditData = audit,
            JobInputs = jobs,
            LedgerOutputs = ledger,
            Record = new AuditEntry
            {
                At = now,
                Actor = actor.Id,
                Action = AuditActions.RetentionAnonymized,
                InstanceId = id,
                DataJson = JsonSerializer.Serialize(new
                {
                    fields = result.Fields,
                    variables = result.Variables,
                    taskForms = forms.Keys.Order(StringComparer.Ordinal).ToList(),
                    mails = mails.Select(m => m.Id).ToList(),
                    auditEntries = audit.Keys.Order().ToList(),
                    jobs = jobs.Keys.Order(StringComparer.Ordinal).ToList(),
                    ledgerEntries = ledger.Keys.Order(StringComparer.Ordinal).ToList(),
                    endedAt = ended,
                    closedCasesKeptFor = caseDue ? options.ClosedCasesKeptFor.ToString() : null,
                    auditKeptFor = auditDue ? options.AuditKeptFor.ToString() : null,
                }),
            },
        }, ct);
        logger.LogInformation("Retention anonymized case {InstanceId} ({BusinessKey}): {Fields}", id, instance.BusinessKey, string.Join(", ", fields));
        return result;
    }

    /// <summary>The case's letters (documents rendered from a template; uploads are not letters) whose content is still stored, with their document numbers.</summary>
    private async Task<IReadOnlyList<RetentionLetter>> LettersOfAsync(Instances.WorkflowInstance instance, CancellationToken ct)
    {
        var stored = (await documents!.ListByInstanceAsync(instance.Id, ct)).Where(d => d.TemplateName.Length > 0 && !d.ContentRemoved).ToList();
        if (stored.Count == 0)
            return [];
        var recorded = InstanceStateSerializer.Deserialize(instance.StateJson).Elements.FirstOrDefault(e => e.Parent == 0)?.Variables is { } variables
            && variables.TryGetValue("letters", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(l => l.ValueKind == JsonValueKind.Object).ToList()
            : [];
        string? NumberOf(CaseDocument document)
        {
            foreach (var letter in recorded)
            {
                var number = letter.TryGetProperty("documentNumber", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
                if (letter.TryGetProperty("documentId", out var i) && i.ValueKind == JsonValueKind.String && i.GetString() == document.Id)
                    return number;
                // The PDF beside the Word file carries the same name but its extension, and the same number.
                if (letter.TryGetProperty("documentName", out var name) && name.ValueKind == JsonValueKind.String
                    && Path.GetFileNameWithoutExtension(name.GetString()) == Path.GetFileNameWithoutExtension(document.Name))
                    return number;
            }
            return null;
        }
        return [.. stored.Select(d => new RetentionLetter(d.Id, d.Name, NumberOf(d), d.Sha256, d.Size))];
    }

    private async Task RemoveLettersAsync(Instances.WorkflowInstance instance, DateTimeOffset ended, IReadOnlyList<RetentionLetter> letters, DateTimeOffset now, WorkflowActor actor, CancellationToken ct)
    {
        var reason = $"retention: removed on {now:yyyy-MM-dd}, {options.LettersKeptFor} after the case closed on {ended:yyyy-MM-dd} ({RetentionOptions.Section}:LettersKeptFor)";
        foreach (var letter in letters)
        {
            if (await documents!.RemoveContentAsync(letter.DocumentId, now, reason, ct) is null)
                continue;
            await stores.Audit.AppendAsync(new AuditEntry
            {
                At = now,
                Actor = actor.Id,
                Action = AuditActions.RetentionLetterRemoved,
                InstanceId = instance.Id,
                DataJson = JsonSerializer.Serialize(new
                {
                    documentId = letter.DocumentId,
                    name = letter.Name,
                    documentNumber = letter.DocumentNumber,
                    sha256 = letter.Sha256,
                    size = letter.Size,
                    endedAt = ended,
                    lettersKeptFor = options.LettersKeptFor?.ToString(),
                }),
            }, ct);
            logger.LogInformation("Retention removed the content of letter {DocumentId} ({Name}, {DocumentNumber}) of case {InstanceId}", letter.DocumentId, letter.Name, letter.DocumentNumber, instance.Id);
        }
    }

    private void Redact(IReadOnlyDictionary<string, string> source, Dictionary<string, string> changed, ISet<string> fields)
    {
        foreach (var (key, json) in source)
            if (_redactor.Redact(json, fields) is { } redacted)
                changed[key] = redacted;
    }

    /// <summary>The state's variables (and multi-instance collections) anonymized, or null when none matched; the tokens stay as they are.</summary>
    private string? RedactState(string stateJson, ISet<string> fields)
    {
        var state = JsonNode.Parse(stateJson);
        var changed = false;
        foreach (var element in (state?["elements"] as JsonArray ?? []).OfType<JsonObject>())
            foreach (var part in new[] { "variables", "items", "results" })
                changed |= _redactor.Walk(element[part], fields);
        return changed ? state!.ToJsonString() : null;
    }

    private RetainedMail? Anonymize(OutboxMessage mail)
    {
        IReadOnlyList<Mailbox> Boxes(IReadOnlyList<Mailbox> boxes) => [.. boxes.Select(_ => new Mailbox(options.ReplacementAddress))];
        var recipients = mail.To.Concat(mail.Cc).Concat(mail.Bcc).Concat(mail.ReplyTo);
        var done = recipients.All(b => b.Address == options.ReplacementAddress && b.DisplayName is null)
            && mail.TextBody == options.Replacement && (mail.HtmlBody is null || mail.HtmlBody == options.Replacement);
        return done ? null : new RetainedMail(
            mail.Id, Boxes(mail.To), Boxes(mail.Cc), Boxes(mail.Bcc), Boxes(mail.ReplyTo),
            options.Replacement, mail.HtmlBody is null ? null : options.Replacement);
    }

    /// <summary>Case id or case number → the open case whose variables name it.</summary>
    private async Task<IReadOnlyDictionary<string, string>> OpenReferencesAsync(CancellationToken ct)
    {
        var references = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var number = 1; ; number++)
        {
            var page = await stores.Instances.QueryAsync(new InstanceQuery(Status: InstanceStatus.Waiting, Page: new PageRequest(number, PageRequest.MaxSize)), ct);
            foreach (var open in page.Items)
            {
                var variables = InstanceStateSerializer.Deserialize(open.StateJson).Elements.FirstOrDefault(e => e.Parent == 0)?.Variables
                    ?? ImmutableDictionary<string, JsonElement>.Empty;
                foreach (var field in options.EffectiveCaseReferenceFields)
                    if (variables.TryGetValue(field, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } named)
                        references.TryAdd(named, open.BusinessKey ?? open.Id);
            }
            if (!page.HasMore)
                return references;
        }
    }
}
