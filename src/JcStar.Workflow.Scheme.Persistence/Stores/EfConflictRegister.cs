using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Scheme.Impartiality;
using JcStar.Workflow.Scheme.Persistence.Rows;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Scheme.Persistence.Stores;

public sealed class EfConflictRegister(IDbContextFactory<WorkflowDbContext> factory) : IConflictRegister
{
    public IReadOnlyList<ConflictDeclaration> DeclaredBy(string partyId)
    {
        using var db = factory.CreateDbContext();
        return db.Set<ConflictDeclarationRow>().AsNoTracking()
            .Where(d => d.PartyId == partyId)
            .OrderBy(d => d.Id)
            .AsEnumerable()
            .Select(d => d.ToRecord())
            .ToList();
    }

    public async Task<IReadOnlyList<ConflictDeclaration>> DeclaredByAnyAsync(IReadOnlyList<string> partyIds, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var parties = partyIds.Distinct(StringComparer.Ordinal).ToList();
        var rows = await db.Set<ConflictDeclarationRow>().AsNoTracking()
            .Where(d => parties.Contains(d.PartyId))
            .OrderBy(d => d.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(d => d.ToRecord()).ToList();
    }

    public IReadOnlyList<ConflictDeclaration> All()
    {
        using var db = factory.CreateDbContext();
        return db.Set<ConflictDeclarationRow>().AsNoTracking().OrderBy(d => d.Id).AsEnumerable().Select(d => d.ToRecord()).ToList();
    }

    public void Declare(ConflictDeclaration declaration)
    {
        using var db = factory.CreateDbContext();
        db.Set<ConflictDeclarationRow>().Add(declaration.ToRow());
        db.SaveChanges();
    }
}
