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
        if (document.SourceKey is { } key && await FindBySourceKeyAsync(key, cancellationToken) is { } existing)
            return existing;
        // Whole milliseconds, as SQLite keeps them: the document returned now equals the one read back later.
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
        var row = new DocumentRow
        {
            Id = Guid.CreateVersion7(now).ToString("N"),
            InstanceId = document.InstanceId,
            BusinessKey = document.BusinessKey,
            Name = document.Name,
            TemplateName = document.TemplateName,
            TemplateContentHash = document.TemplateContentHash,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span)),
            Size = content.Length,
            ContentType = document.ContentType,
            CreatedAt = now,
            Content = content.ToArray(),
            SourceKey = document.SourceKey,
            TemplateVersion = document.TemplateVersion,
        };
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Documents.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (document.SourceKey is not null)
        {
            // Another save with this key committed between the look-up and the insert: the unique index
            // refused ours, and theirs is the one document for the key.
            if (await FindBySourceKeyAsync(document.SourceKey, cancellationToken) is { } stored)
                return stored;
            throw;
        }
        return ToRecord(row);
    }

    public async Task<CaseDocument?> FindBySourceKeyAsync(string sourceKey, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var d = await db.Documents.AsNoTracking()
            .Where(d => d.SourceKey == sourceKey)
            .Select(d => new { d.Id, d.InstanceId, d.BusinessKey, d.Name, d.TemplateName, d.TemplateContentHash, d.Sha256, d.Size, d.ContentType, d.CreatedAt, d.ContentRemovedAt, d.ContentRemovedReason, d.TemplateVersion })
            .FirstOrDefaultAsync(cancellationToken);
        return d is null ? null : new CaseDocument(d.Id, d.InstanceId, d.BusinessKey, d.Name, d.TemplateName, d.TemplateContentHash, d.Sha256, d.Size, d.ContentType, d.CreatedAt, d.ContentRemovedAt, d.ContentRemovedReason, d.TemplateVersion);
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
            .Select(d => new { d.Id, d.InstanceId, d.BusinessKey, d.Name, d.TemplateName, d.TemplateContentHash, d.Sha256, d.Size, d.ContentType, d.CreatedAt, d.ContentRemovedAt, d.ContentRemovedReason, d.TemplateVersion })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(d => new CaseDocument(d.Id, d.InstanceId, d.BusinessKey, d.Name, d.TemplateName, d.TemplateContentHash, d.Sha256, d.Size, d.ContentType, d.CreatedAt, d.ContentRemovedAt, d.ContentRemovedReason, d.TemplateVersion))];
    }

    private static CaseDocument ToRecord(DocumentRow d) =>
        new(d.Id, d.InstanceId, d.BusinessKey, d.Name, d.TemplateName, d.TemplateContentHash, d.Sha256, d.Size, d.ContentType, d.CreatedAt, d.ContentRemovedAt, d.ContentRemovedReason, d.TemplateVersion);

    public async Task<CaseDocument?> RemoveContentAsync(string id, DateTimeOffset at, string reason, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.Documents.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (row is null)
            return null;
        if (row.ContentRemovedAt is null)
        {
            row.Content = [];
            row.ContentRemovedAt = at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMillisecond));
            row.ContentRemovedReason = reason;
            await db.SaveChangesAsync(cancellationToken);
        }
        return ToRecord(row);
    }
}
