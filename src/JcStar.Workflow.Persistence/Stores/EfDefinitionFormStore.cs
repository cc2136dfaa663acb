using System.Collections.Immutable;
using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Runtime.Forms;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.Stores;

public sealed class EfDefinitionFormStore(IDbContextFactory<WorkflowDbContext> factory) : IDefinitionFormStore
{
    public async Task<ImmutableDictionary<string, string>> ListAsync(string definitionId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.DefinitionForms.AsNoTracking().Where(f => f.DefinitionId == definitionId).ToListAsync(cancellationToken);
        return rows.ToImmutableDictionary(r => r.FormKey, r => r.Json, StringComparer.Ordinal);
    }

    public async Task AddAsync(string definitionId, IReadOnlyDictionary<string, string> forms, CancellationToken cancellationToken)
    {
        // Two nodes deploying the same files store the same forms: the one that finds a row already there leaves it.
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var present = await db.DefinitionForms.Where(f => f.DefinitionId == definitionId).Select(f => f.FormKey).ToListAsync(cancellationToken);
            var missing = forms.Where(f => !present.Contains(f.Key)).ToList();
            if (missing.Count == 0)
                return;
            db.DefinitionForms.AddRange(missing.Select(f => new DefinitionFormRow { DefinitionId = definitionId, FormKey = f.Key, Json = f.Value }));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
            }
        }
    }
}
