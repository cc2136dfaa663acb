using System.Security.Cryptography;
using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Runtime.Documents;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.Stores;

/// <summary>Documents with their bytes in the workflow database: one backup holds the case and its letters, and every node sees them.</summary>
public sealed class EfDocumentStore(IDbContextFactory<WorkflowDbContext> factory, TimeProvider clock) : IDocumentStore
{
    public async Task<CaseDocument> SaveAsync(NewCaseDocument document, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var row = new DocumentRow
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()).ToString("N"),
            InstanceId = document.InstanceId,
            BusinessKey = document.BusinessKey,
            Name = document.Name,
            TemplateName = document.TemplateName,
            TemplateContentHash = document.TemplateContentHash,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span)),
            Size = content.Length,
            ContentType = document.ContentType,
            CreatedAt = clock.GetUtcNow(),
            Content = content.ToArray(),
        };
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Documents.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return ToRecord(row);
    }

    public async Task<(CaseDocument Document, byte[] Content)?> OpenAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        return row is null ? null : (ToRecord(row), row.Content);
    }

    public async Task<IReadOnlyList<CaseDocument>> ListByInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Documents.AsNoTracking()
            .Where(d => d.InstanceId == instanceId)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.InstanceId, d.BusinessKey, d.Name, d.TemplateName, d.TemplateContentHash, d.Sha256, d.Size, d.ContentType, d.CreatedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(d => new CaseDocument(d.Id, d.InstanceId, d.BusinessKey, d.Name, d.TemplateName, d.TemplateContentHash, d.Sha256, d.Size, d.ContentType, d.CreatedAt))];
    }

    private static CaseDocument ToRecord(DocumentRow d) =>
        new(d.Id, d.InstanceId, d.BusinessKey, d.Name, d.TemplateName, d.TemplateContentHash, d.Sha256, d.Size, d.ContentType, d.CreatedAt);
}
