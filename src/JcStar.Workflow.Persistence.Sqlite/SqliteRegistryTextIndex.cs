using JcStar.Workflow.Scheme.Persistence.Rows;
using JcStar.Workflow.Scheme.Persistence.Stores;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.Sqlite;

/// <summary>
/// The registry's substring search on SQLite: the FTS5 table <c>registry_search</c> (trigram tokenizer, kept in step
/// with registry_entries by triggers; migration RegistrySearchFts) finds the entries holding a term without reading
/// the table, as PostgreSQL's trigram indexes do for LIKE. A trigram query needs 3 characters: shorter terms are
/// left to the store's LIKE.
/// </summary>
public sealed class SqliteRegistryTextIndex : IRegistryTextIndex
{
    public RegistryTextNarrowing Narrow(WorkflowDbContext db, IReadOnlyList<RegistrySearchTerm> terms)
    {
        var served = terms.Where(t => t.Text.EnumerateRunes().Count() >= 3).ToList();
        if (served.Count == 0)
            return new RegistryTextNarrowing(db.Set<RegistryEntryRow>(), terms);
        // Each term a quoted phrase (FTS5 reads nothing inside quotes but a doubled quote), within its column.
        var match = string.Join(" AND ", served.Select(t => $"{Columns(t.Field)}\"{t.Text.Replace("\"", "\"\"", StringComparison.Ordinal)}\""));
        var entries = db.Set<RegistryEntryRow>().FromSqlInterpolated(
            $"SELECT * FROM registry_entries WHERE \"RegistrationNumber\" IN (SELECT registration_number FROM registry_search WHERE registry_search MATCH {match})");
        return new RegistryTextNarrowing(entries, [.. terms.Except(served)]);
    }

    private static string Columns(RegistrySearchField field) => field switch
    {
        RegistrySearchField.Supplier => "supplier : ",
        RegistrySearchField.Products => "products : ",
        RegistrySearchField.Models => "models : ",
        RegistrySearchField.Number => "number : ",
        _ => "{supplier products models number} : ",
    };
}
