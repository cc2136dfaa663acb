using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Scheme.Complaints;
using JcStar.Workflow.Scheme.Persistence.Rows;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Scheme.Persistence.Stores;

public sealed class EfPublicComplaintStore(IDbContextFactory<WorkflowDbContext> factory) : IPublicComplaintStore
{
    public async Task AddAsync(PublicComplaint complaint, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Set<PublicComplaintRow>().Add(new PublicComplaintRow
        {
            Id = complaint.Id,
            TokenHash = complaint.TokenHash,
            Name = complaint.Name,
            Email = complaint.Email,
            Subject = complaint.Subject,
            Description = complaint.Description,
            SubmittedAt = complaint.SubmittedAt,
            ExpiresAt = complaint.ExpiresAt,
            ConfirmedAt = complaint.ConfirmedAt,
            InstanceId = complaint.InstanceId,
            ReceiptNumber = complaint.ReceiptNumber,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<PublicComplaint?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var r = await db.Set<PublicComplaintRow>().AsNoTracking().FirstOrDefaultAsync(c => c.TokenHash == tokenHash, cancellationToken);
        return r is null ? null : new PublicComplaint
        {
            Id = r.Id,
            TokenHash = r.TokenHash,
            Name = r.Name,
            Email = r.Email,
            Subject = r.Subject,
            Description = r.Description,
            SubmittedAt = r.SubmittedAt,
            ExpiresAt = r.ExpiresAt,
            ConfirmedAt = r.ConfirmedAt,
            InstanceId = r.InstanceId,
            ReceiptNumber = r.ReceiptNumber,
        };
    }

    public async Task<bool> TryConfirmAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // One conditional update: of two concurrent confirmations exactly one changes the row.
        return await db.Set<PublicComplaintRow>().Where(c => c.Id == id && c.ConfirmedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConfirmedAt, at), cancellationToken) == 1;
    }

    public async Task ReleaseAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Set<PublicComplaintRow>().Where(c => c.Id == id && c.InstanceId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConfirmedAt, (DateTimeOffset?)null), cancellationToken);
    }

    public async Task RecordCaseAsync(Guid id, string instanceId, string receiptNumber, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Set<PublicComplaintRow>().Where(c => c.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.InstanceId, instanceId).SetProperty(c => c.ReceiptNumber, receiptNumber), cancellationToken);
    }
}
