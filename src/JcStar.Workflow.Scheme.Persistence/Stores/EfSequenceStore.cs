using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Scheme.Numbering;
using JcStar.Workflow.Scheme.Persistence.Rows;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Scheme.Persistence.Stores;

/// <summary>
/// Gap-free counters shared by every node on the database. Next is one statement that creates the row
/// at 1 or adds one and returns the new value, so the database serialises callers on the row: no two
/// ever get the same number, and no number is skipped (a number is only taken when the statement commits).
/// </summary>
public sealed class EfSequenceStore(IDbContextFactory<WorkflowDbContext> factory) : ISequenceStore
{
    public long Next(string sequence)
    {
        using var db = factory.CreateDbContext();
        var sql = db.Dialect.NextCounterValue("sequences", nameof(SequenceRow.Name), nameof(SequenceRow.Value), sequence);
        // Enumerated as is: composing (Single on the query) would wrap the statement in a SELECT, which an upsert cannot be.
        return db.Database.SqlQuery<long>(sql).AsEnumerable().Single();
    }
}
