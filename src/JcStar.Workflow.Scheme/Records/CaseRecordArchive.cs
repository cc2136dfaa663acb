using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Documents;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Mail;
using JcStar.Workflow.Scheme.Activities;

namespace JcStar.Workflow.Scheme.Records;

/// <summary>
/// One case's records as an accreditation assessor asks for them (JIS Q 17065 7.12): its letters as stored (Word
/// and PDF), its mail log, its history, every decision with who made it, and the conflict-of-interest checks that
/// were made, in one zip with a manifest of every file and its SHA-256. The CLI (<c>jcstar cases export</c>) and the
/// server's download both write it here; who may ask is the caller's business (the server asks the access policy).
/// </summary>
public sealed class CaseRecordArchive(IInstanceStore instances, IDocumentStore documents, IOutbox outbox, IAuditLog audit, IActivityLedger ledger, TimeProvider time)
{
    /// <summary>The scheme activities that check impartiality (JSS-01 6.2); each run of one is a conflict check on record.</summary>
    public static readonly IReadOnlySet<string> ConflictCheckActivities = new HashSet<string>(StringComparer.Ordinal)
    {
        "scheme.check-facility",
        "scheme.check-appeal-handler",
    };

    private static readonly JsonSerializerOptions Json = new(SchemeJson.Options) { WriteIndented = true };

    /// <summary>The case with that instance id, else the one with that business key (application, appeal or label number); null when neither.</summary>
    public async Task<WorkflowInstance?> FindAsync(string idOrBusinessKey, CancellationToken ct)
    {
        if (await instances.FindAsync(idOrBusinessKey, ct) is { } byId)
            return byId;
        var page = await instances.QueryAsync(new InstanceQuery(BusinessKey: idOrBusinessKey, Page: new Runtime.PageRequest(1, 2)), ct);
        return page.Items.Count == 1 ? page.Items[0] : null;
    }

    /// <summary>Writes the archive of <paramref name="instance"/> to <paramref name="destination"/> and returns its manifest.</summary>
    public async Task<CaseArchiveManifest> WriteAsync(WorkflowInstance instance, Stream destination, string exportedBy, CancellationToken ct)
    {
        var files = new List<CaseArchiveFile>();
        var variables = Engine.InstanceStateSerializer.Deserialize(instance.StateJson).Elements.FirstOrDefault(e => e.Parent == 0)?.Variables
            ?? System.Collections.Immutable.ImmutableDictionary<string, JsonElement>.Empty;
        var history = await audit.ListByInstanceAsync(instance.Id, ct);
        var letters = await documents.ListByInstanceAsync(instance.Id, ct);
        var mails = await outbox.ListByInstanceAsync(instance.Id, ct);
        var decisions = Decisions(variables, history);
        var checks = ConflictChecks(history);

        using (var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8))
        {
            void Add(string path, string kind, byte[] bytes, string? note = null)
            {
                var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
                using (var s = entry.Open())
                    s.Write(bytes);
                files.Add(new CaseArchiveFile(path, kind, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.LongLength, note));
            }

            Add("case.json", "case", JsonSerializer.SerializeToUtf8Bytes(new
            {
                instance.Id,
                instance.BusinessKey,
                instance.ProcessId,
                instance.DefinitionId,
                Status = instance.Status.ToString(),
                instance.StartedAt,
                instance.StartedBy,
                instance.EndedAt,
                Variables = variables,
            }, Json));

            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var letter in letters)
            {
                var path = UniquePath(names, "letters/", letter.Name);
                var opened = await documents.OpenAsync(letter.Id, ct);
                if (letter.ContentRemoved)
                    Add(path + ".removed.txt", "letter-removed", Encoding.UTF8.GetBytes($"{letter.Name}: content removed by retention on {letter.ContentRemovedAt:yyyy-MM-dd} ({letter.ContentRemovedReason}); the record stays: id {letter.Id}, sha256 {letter.Sha256}, {letter.Size} bytes\n"));
                else if (opened is { } stored)
                    Add(path, "letter", stored.Content, $"{letter.TemplateName}; stored {letter.CreatedAt:O}; sha256 {letter.Sha256}");
                else
                    Add(path + ".missing.txt", "letter-missing", Encoding.UTF8.GetBytes($"{letter.Name}: listed for the case (id {letter.Id}, sha256 {letter.Sha256}) but its content is not in the document store\n"));
            }
            Add("letters.csv", "letters", RegisterCsv.Write(
                ["ファイル", "文書ID", "テンプレート", "SHA-256", "バイト数", "種類", "作成日時", "内容の削除"],
                letters.Select(l => (IReadOnlyList<string?>)[l.Name, l.Id, l.TemplateName, l.Sha256, l.Size.ToString(CultureInfo.InvariantCulture), l.ContentType, l.CreatedAt.ToString("O", CultureInfo.InvariantCulture), l.ContentRemovedAt?.ToString("O", CultureInfo.InvariantCulture)])));

            Add("mail/mail-log.json", "mail", JsonSerializer.SerializeToUtf8Bytes(mails.Select(m => new
            {
                m.Id,
                m.MessageId,
                m.ElementId,
                m.TemplateName,
                From = m.From.ToString(),
                To = m.To.Select(t => t.ToString()),
                Cc = m.Cc.Select(t => t.ToString()),
                Bcc = m.Bcc.Select(t => t.ToString()),
                m.Subject,
                m.TextBody,
                m.HtmlBody,
                Attachments = m.Attachments.Select(a => a.DocumentId),
                Status = m.Status.ToString(),
                m.Attempts,
                m.LastError,
                m.CreatedAt,
                m.SentAt,
            }), Json));

            Add("history.json", "history", JsonSerializer.SerializeToUtf8Bytes(history.Select(h => new
            {
                h.Sequence,
                h.At,
                h.Actor,
                h.Action,
                h.ElementId,
                Data = h.DataJson is null ? (JsonElement?)null : JsonDocument.Parse(h.DataJson).RootElement.Clone(),
            }), Json));
            Add("history.csv", "history", RegisterCsv.Write(
                ["連番", "日時", "実行者", "操作", "要素", "詳細"],
                history.Select(h => (IReadOnlyList<string?>)[h.Sequence.ToString(CultureInfo.InvariantCulture), h.At.ToString("O", CultureInfo.InvariantCulture), h.Actor, h.Action, h.ElementId, h.DataJson])));

            Add("decisions.json", "decisions", JsonSerializer.SerializeToUtf8Bytes(decisions, Json));
            Add("decisions.csv", "decisions", RegisterCsv.Write(
                ["種類", "要素", "決定者", "日", "結果"],
                decisions.Select(d => (IReadOnlyList<string?>)[d.Kind, d.Element, d.By, d.On, d.Outcome])));

            Add("conflict-checks.json", "conflict-checks", JsonSerializer.SerializeToUtf8Bytes(checks, Json));
            Add("conflict-checks.csv", "conflict-checks", RegisterCsv.Write(
                ["日時", "要素", "確認", "適格", "問題"],
                checks.Select(c => (IReadOnlyList<string?>)[c.At.ToString("O", CultureInfo.InvariantCulture), c.Element, c.Activity, c.Passed switch { true => "yes", false => "no", null => "" }, string.Join("; ", c.Problems)])));

            var manifest = new CaseArchiveManifest(
                CaseArchiveManifest.CurrentFormat, instance.Id, instance.BusinessKey, instance.ProcessId, instance.DefinitionId, instance.Status.ToString(),
                instance.StartedAt, instance.EndedAt, time.GetUtcNow(), exportedBy,
                letters.Count, mails.Count, history.Count, decisions.Count, checks.Count, [.. files]);
            var manifestEntry = zip.CreateEntry("manifest.json", CompressionLevel.Optimal);
            await using (var s = manifestEntry.Open())
                await JsonSerializer.SerializeAsync(s, manifest, Json, ct);
            return manifest;
        }
    }

    /// <summary>
    /// Every decision on record: the <c>decisions[]</c> the scheme's record-decision step keeps (task, by whom, on
    /// which day, what was decided), every variable that names a decision maker (decisionMadeBy, revokedBy,
    /// appealDecidedBy …), and who completed each human task (a person's act in the case).
    /// </summary>
    private static List<CaseDecision> Decisions(IReadOnlyDictionary<string, JsonElement> variables, IReadOnlyList<AuditEntry> history)
    {
        var list = new List<CaseDecision>();
        if (variables.TryGetValue("decisions", out var recorded) && recorded.ValueKind == JsonValueKind.Array)
        {
            foreach (var d in recorded.EnumerateArray())
                list.Add(new CaseDecision("decision", Text(d, "task"), Text(d, "by"), Text(d, "on"), Text(d, "outcome")));
        }
        foreach (var (name, value) in variables.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (value.ValueKind == JsonValueKind.String && (name.EndsWith("MadeBy", StringComparison.Ordinal) || name.EndsWith("DecidedBy", StringComparison.Ordinal) || name == "revokedBy"))
                list.Add(new CaseDecision("decision-maker", name, value.GetString(), variables.TryGetValue("decisionMadeOn", out var on) && on.ValueKind == JsonValueKind.String ? on.GetString() : null, null));
        }
        foreach (var task in history.Where(h => h.Action == AuditActions.TaskCompleted))
            list.Add(new CaseDecision("task-completed", task.ElementId, task.Actor, task.At.ToString("O", CultureInfo.InvariantCulture), null));
        return list;
    }

    private List<CaseConflictCheck> ConflictChecks(IReadOnlyList<AuditEntry> history)
    {
        var checks = new List<CaseConflictCheck>();
        foreach (var entry in history.Where(h => h.Action == AuditActions.ActivityCompleted && h.DataJson is not null))
        {
            using var data = JsonDocument.Parse(entry.DataJson!);
            var activity = Text(data.RootElement, "activity");
            if (activity is null || !ConflictCheckActivities.Contains(activity))
                continue;
            var jobId = Text(data.RootElement, "jobId");
            var outputs = jobId is null ? null : ledger.Find(jobId);
            bool? passed = null;
            var problems = new List<string>();
            string? subject = null;
            if (outputs is not null)
            {
                foreach (var flag in new[] { "facilityEligible", "handlerImpartial" })
                {
                    if (outputs.TryGetValue(flag, out var f) && f.ValueKind is JsonValueKind.True or JsonValueKind.False)
                        passed = f.GetBoolean();
                }
                foreach (var list in new[] { "facilityProblems", "handlerProblems" })
                {
                    if (outputs.TryGetValue(list, out var p) && p.ValueKind == JsonValueKind.Array)
                        problems.AddRange(p.EnumerateArray().Select(x => x.GetString() ?? ""));
                }
                if (outputs.TryGetValue("facility", out var facility) && facility.ValueKind == JsonValueKind.Object)
                    subject = Text(facility, "id");
            }
            checks.Add(new CaseConflictCheck(entry.At, entry.ElementId, activity, entry.Actor, subject, passed, problems));
        }
        return checks;
    }

    private static string UniquePath(HashSet<string> taken, string folder, string name)
    {
        var safe = string.Concat(name.Select(c => c is '/' or '\\' || char.IsControl(c) ? '_' : c));
        var candidate = folder + safe;
        for (var n = 2; !taken.Add(candidate); n++)
            candidate = folder + Path.GetFileNameWithoutExtension(safe) + $" ({n})" + Path.GetExtension(safe);
        return candidate;
    }

    private static string? Text(JsonElement e, string property) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out var v)
            ? v.ValueKind switch { JsonValueKind.String => v.GetString(), JsonValueKind.Null or JsonValueKind.Undefined => null, _ => v.GetRawText() }
            : null;
}
