using JcStar.Workflow.Scheme.Numbering;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.Stores;

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
        FormattableString sql = db.Database.ProviderName switch
        {
            ProviderNames.SqlServer => $"""
                MERGE [sequences] WITH (HOLDLOCK) AS t
                USING (SELECT {sequence} AS [Name]) AS s ON t.[Name] = s.[Name]
                WHEN MATCHED THEN UPDATE SET [Value] = t.[Value] + 1
                WHEN NOT MATCHED THEN INSERT ([Name], [Value]) VALUES (s.[Name], 1)
                OUTPUT inserted.[Value];
                """,
            // PostgreSQL and SQLite (3.35+) share the upsert with RETURNING.
            _ => $"""
                INSERT INTO "sequences" ("Name", "Value") VALUES ({sequence}, 1)
                ON CONFLICT ("Name") DO UPDATE SET "Value" = "sequences"."Value" + 1
                RETURNING "Value"
                """,
        };
        // Enumerated as is: composing (Single on the query) would wrap the statement in a SELECT, which an upsert cannot be.
        return db.Database.SqlQuery<long>(sql).AsEnumerable().Single();
    }
}
