using System.Net.Mime;
using System.Text;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Access;
using JcStar.Workflow.Scheme.Records;
using JcStar.Workflow.Runtime.Documents;
using JcStar.Workflow.Runtime.Mail;
using JcStar.Workflow.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JcStar.Workflow.Server.Api;

/// <summary>
/// What a case produced: its letters (listed and downloaded under their Japanese names) and its mail log
/// (queued, sent, failed with the reason, attempts), with retry for staff. Only someone who may see the
/// case sees them; anyone else gets the answer for a case that does not exist.
/// </summary>
public static class CaseRecordEndpoints
{
    public static RouteGroupBuilder MapCaseRecordEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/instances/{id}/documents", async (string id, WorkflowQueries queries, IDocumentStore documents, HttpContext http, CancellationToken ct) =>
        {
            await queries.GetInstanceAsync(id, http.User.ToActor(), ct);
            return TypedResults.Ok(await documents.ListByInstanceAsync(id, ct));
        });
        api.MapGet("/documents/{documentId}", async Task<Results<FileContentHttpResult, NotFound, ContentHttpResult>> (string documentId, WorkflowQueries queries, IDocumentStore documents, HttpContext http, CancellationToken ct) =>
        {
            var found = await documents.OpenAsync(documentId, ct);
            if (found is not { } document)
                return TypedResults.NotFound();
            try
            {
                await queries.GetInstanceAsync(document.Document.InstanceId, http.User.ToActor(), ct);
            }
            catch (WorkflowNotFoundException)
            {
                return TypedResults.NotFound();
            }
            // Retention removed the content: say so (410 Gone), with what the record still holds.
            if (document.Document.ContentRemoved)
                return TypedResults.Text(
                    $"{document.Document.Name} は保存期間の経過により内容が削除されました（{document.Document.ContentRemovedAt:yyyy-MM-dd}）。記録: SHA-256 {document.Document.Sha256}、{document.Document.Size} バイト。\n"
                    + $"{document.Document.Name} was removed by retention on {document.Document.ContentRemovedAt:yyyy-MM-dd} ({document.Document.ContentRemovedReason}); its record stays: SHA-256 {document.Document.Sha256}, {document.Document.Size} bytes.\n",
                    "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status410Gone);
            // File() writes Content-Disposition with filename* (RFC 5987), so Japanese names survive.
            return TypedResults.File(document.Content, document.Document.ContentType, document.Document.Name);
        });
        // One case's records for an accreditation assessor (JIS Q 17065 7.12): staff and admins who may see the
        // case; for anyone else the case does not exist.
        api.MapGet("/instances/{id}/record", async Task<Results<FileContentHttpResult, NotFound>> (string id, WorkflowQueries queries, CaseRecordArchive archive, HttpContext http, CancellationToken ct) =>
        {
            var actor = http.User.ToActor();
            if (!actor.IsAdmin && !actor.Groups.Any(CaseAccessPolicy.IsStaffGroup))
                return TypedResults.NotFound();
            Runtime.Instances.WorkflowInstance instance;
            try
            {
                instance = await queries.GetInstanceAsync(id, actor, ct);
            }
            catch (WorkflowNotFoundException)
            {
                return TypedResults.NotFound();
            }
            using var buffer = new MemoryStream();
            await archive.WriteAsync(instance, buffer, actor.Id, ct);
            return TypedResults.File(buffer.ToArray(), "application/zip", $"案件記録_{instance.BusinessKey ?? instance.Id}.zip");
        });
        api.MapGet("/instances/{id}/mails", async (string id, WorkflowQueries queries, IOutbox outbox, HttpContext http, CancellationToken ct) =>
        {
            await queries.GetInstanceAsync(id, http.User.ToActor(), ct);
            return TypedResults.Ok((await outbox.ListByInstanceAsync(id, ct)).Select(MailLogEntry.From).ToList());
        });
        api.MapPost("/mails/{mailId:guid}/retry", async Task<Results<Ok<MailLogEntry>, NotFound, Conflict<string>>> (Guid mailId, IOutbox outbox, TimeProvider time, CancellationToken ct) =>
        {
            if (await outbox.FindAsync(mailId, ct) is null)
                return TypedResults.NotFound();
            if (!await outbox.RetryAsync(mailId, time.GetUtcNow(), ct))
                return TypedResults.Conflict("only a failed message can be retried");
            return TypedResults.Ok(MailLogEntry.From((await outbox.FindAsync(mailId, ct))!));
        }).RequireAuthorization(WorkflowClaims.AdminPolicy);
        return api;
    }
}
