using System.Text;
using System.Text.Json;
using JcStar.Workflow.Runtime.Access;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Tasks;
using Microsoft.Extensions.Options;

namespace JcStar.Workflow.Runtime.Documents;

/// <summary>
/// Files attached to a case through one of its tasks: by someone who may see the task, within the size and type
/// the settings allow, with the content checked against its name (a .pdf must be a PDF), the file name kept as
/// given (Japanese included) but made safe, stored with the case's documents and recorded in its history.
/// </summary>
public sealed class CaseAttachments(WorkflowStores stores, CaseAccessPolicy access, IDocumentStore documents, IOptions<AttachmentOptions> options, TimeProvider time)
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".doc"] = "application/msword",
        [".xls"] = "application/vnd.ms-excel",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".txt"] = "text/plain; charset=utf-8",
        [".csv"] = "text/csv; charset=utf-8",
    };

    public async Task<CaseDocument> AttachAsync(string taskId, string fileName, ReadOnlyMemory<byte> content, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        var task = await stores.Tasks.FindAsync(taskId, cancellationToken);
        if (task is null || !await access.MaySeeTaskAsync(actor, task, cancellationToken))
            throw new WorkflowNotFoundException($"task {taskId} does not exist");
        var name = SafeName(fileName);
        if (Problem(fileName, content.Span) is { } problem)
            throw new WorkflowInputException("the file was not attached", new Dictionary<string, string[]> { ["attachment"] = [problem] });

        var document = await documents.SaveAsync(
            new NewCaseDocument(task.InstanceId, task.BusinessKey, name, "", "", ContentTypes.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream")),
            content, cancellationToken);
        await stores.Audit.AppendAsync(new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor.Id,
            Action = AuditActions.DocumentAttached,
            InstanceId = task.InstanceId,
            ElementId = task.ElementId,
            DataJson = JsonSerializer.Serialize(new { taskId, documentId = document.Id, name }),
        }, cancellationToken);
        return document;
    }

    /// <summary>
    /// Files a party sends with a case rather than through one of its tasks (an applicant's application documents,
    /// their answer to a correction request): by someone who may see the case, within the same limits.
    /// </summary>
    public async Task<CaseDocument> AttachToCaseAsync(string instanceId, string fileName, ReadOnlyMemory<byte> content, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        var instance = await access.RequireCaseAsync(stores.Instances, instanceId, actor, cancellationToken);
        var name = SafeName(fileName);
        if (Problem(fileName, content.Span) is { } problem)
            throw new WorkflowInputException("the file was not attached", new Dictionary<string, string[]> { ["attachment"] = [problem] });
        var document = await documents.SaveAsync(
            new NewCaseDocument(instance.Id, instance.BusinessKey, name, "", "", ContentTypes.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream")),
            content, cancellationToken);
        await stores.Audit.AppendAsync(new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor.Id,
            Action = AuditActions.DocumentAttached,
            InstanceId = instance.Id,
            DataJson = JsonSerializer.Serialize(new { documentId = document.Id, name }),
        }, cancellationToken);
        return document;
    }

    /// <summary>What is wrong with the file (named, in a sentence), or null when it may be attached: checked before anything is kept.</summary>
    public string? Problem(string fileName, ReadOnlySpan<byte> content)
    {
        var name = SafeName(fileName);
        var extension = Path.GetExtension(name);
        var limits = options.Value;
        if (name.Length == 0)
            return "the file has no name";
        if (!limits.AllowedExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
            return $"{name}: files of type '{extension}' are not accepted (accepted: {string.Join(" ", limits.AllowedExtensions)})";
        if (content.Length == 0)
            return $"{name} is empty";
        if (content.Length > limits.MaxBytes)
            return $"{name} is {content.Length / 1024:N0} KB; the largest accepted is {limits.MaxBytes / 1024:N0} KB";
        if (!LooksLike(extension, content))
            return $"{name} does not contain what its name says ({extension})";
        return null;
    }

    /// <summary>The name without any folder part or control character, at most 200 characters; Japanese kept.</summary>
    public static string SafeName(string fileName)
    {
        var name = fileName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string([.. name.Where(c => !char.IsControl(c) && c is not ('<' or '>' or ':' or '"' or '|' or '?' or '*'))]).Trim().TrimStart('.');
        if (name.Length > 200)
            name = name[..(200 - Path.GetExtension(name).Length)] + Path.GetExtension(name);
        return name.Normalize(NormalizationForm.FormC);
    }

    /// <summary>The first bytes of the known formats: a renamed executable is not a PDF.</summary>
    private static bool LooksLike(string extension, ReadOnlySpan<byte> content) => extension.ToLowerInvariant() switch
    {
        ".pdf" => content.StartsWith("%PDF"u8),
        ".docx" or ".xlsx" => content.StartsWith("PK\u0003\u0004"u8),
        ".doc" or ".xls" => content.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }),
        ".png" => content.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47 }),
        ".jpg" or ".jpeg" => content.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }),
        _ => !content.Contains((byte)0),
    };
}
