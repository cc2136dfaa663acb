using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Scheme.Activities;
using JcStar.Workflow.Scheme.Persistence.Rows;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Scheme.Persistence.Stores;

/// <summary>The scheme activities' idempotency ledger: the first answer recorded for a key is the answer.</summary>
public sealed class EfActivityLedger(IDbContextFactory<WorkflowDbContext> factory) : IActivityLedger
{
    public ImmutableDictionary<string, JsonElement>? Find(string idempotencyKey)
    {
        using var db = factory.CreateDbContext();
        var row = db.ActivityLedger.AsNoTracking().FirstOrDefault(l => l.IdempotencyKey == idempotencyKey);
        return row is null ? null : Read(row.OutputsJson);
    }

    /// <summary>Insert if absent: when the key is already there (another node, a replay) the stored answer stays.</summary>
    public void Record(string idempotencyKey, ImmutableDictionary<string, JsonElement> outputs)
    {
        using var db = factory.CreateDbContext();
        db.ActivityLedger.Add(new ActivityLedgerRow { IdempotencyKey = idempotencyKey, OutputsJson = JsonSerializer.Serialize(outputs, SchemeRowMapping.Json) });
        try
        {
            db.SaveChanges();
        }
        catch (DbUpdateException) when (Exists(idempotencyKey))
        {
        }
    }

    private bool Exists(string idempotencyKey)
    {
        using var db = factory.CreateDbContext();
        return db.ActivityLedger.Any(l => l.IdempotencyKey == idempotencyKey);
    }

    private static ImmutableDictionary<string, JsonElement> Read(string json) =>
        (JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json, SchemeRowMapping.Json) ?? []).ToImmutableDictionary(StringComparer.Ordinal);
}
