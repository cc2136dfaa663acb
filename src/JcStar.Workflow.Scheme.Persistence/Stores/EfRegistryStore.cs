using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Scheme.Labels;
using JcStar.Workflow.Scheme.Persistence.Rows;
using JcStar.Workflow.Persistence.Providers;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Scheme.Persistence.Stores;

/// <summary>The registry of labelled products. No delete: revoked and expired entries stay for good.</summary>
public sealed class EfRegistryStore(IDbContextFactory<WorkflowDbContext> factory) : IRegistryStore
{
    public RegistryEntry? Find(string registrationNumber)
    {
        using var db = factory.CreateDbContext();
        return db.Set<RegistryEntryRow>().AsNoTracking().FirstOrDefault(r => r.RegistrationNumber == registrationNumber)?.ToRecord();
    }

    public IReadOnlyList<RegistryEntry> All()
    {
        using var db = factory.CreateDbContext();
        // Ordinal order, as the in-memory store gives: database collations differ, so sort here.
        return db.Set<RegistryEntryRow>().AsNoTracking().AsEnumerable()
            .Select(r => r.ToRecord())
            .OrderBy(e => e.RegistrationNumber, StringComparer.Ordinal)
            .ToList();
    }

    public void Add(RegistryEntry entry)
    {
        using var db = factory.CreateDbContext();
        db.Set<RegistryEntryRow>().Add(entry.ToRow());
        try
        {
            db.SaveChanges();
        }
        catch (DbUpdateException e)
        {
            throw new InvalidOperationException($"registration number {entry.RegistrationNumber} or application number {entry.ApplicationNumber} is already in the registry", e);
        }
    }

    public void Update(RegistryEntry entry)
    {
        using var db = factory.CreateDbContext();
        var row = db.Set<RegistryEntryRow>().FirstOrDefault(r => r.RegistrationNumber == entry.RegistrationNumber)
            ?? throw new KeyNotFoundException($"registration number {entry.RegistrationNumber} is not in the registry");
        row.CopyFrom(entry);
        db.SaveChanges();
    }

    public RegistryPage<RegistryEntry> SearchPublished(RegistrySearch search, DateOnly day)
    {
        using var db = factory.CreateDbContext();
        var terms = new List<RegistrySearchTerm>();
        void Term(RegistrySearchField field, string? text)
        {
            if (text is not null)
                terms.Add(new RegistrySearchTerm(field, text));
        }
        Term(RegistrySearchField.Supplier, search.Company);
        Term(RegistrySearchField.Products, search.Product);
        Term(RegistrySearchField.Models, search.Model);
        Term(RegistrySearchField.Number, search.RegistrationNumber);
        Term(RegistrySearchField.Any, search.Text);
        // A provider's own index (SQLite's FTS5 trigrams) narrows first; what it cannot serve is matched with LIKE.
        var narrowed = terms.Count > 0 && WorkflowProviderServices.Find<IRegistryTextIndex>(db) is { } index
            ? index.Narrow(db, terms)
            : new RegistryTextNarrowing(db.Set<RegistryEntryRow>(), terms);
        var query = narrowed.Entries.AsNoTracking().Where(r => r.PublicationDate <= day);
        if (search.Level is { } level)
            query = query.Where(r => r.Level == (int)level);
        foreach (var term in narrowed.Rest)
            query = Like(query, term);
        var total = query.Count();
        // Registration numbers are ASCII, so every collation orders them as the in-memory store does.
        var rows = query.OrderBy(r => r.RegistrationNumber).Skip(search.Skip).Take(search.PageSize).ToList();
        return new RegistryPage<RegistryEntry>([.. rows.Select(r => r.ToRecord())], total, search.Page, search.PageSize);
    }

    /// <summary>
    /// LIKE '%…%' rather than Contains: PostgreSQL translates Contains over a parameter to strpos(), which no index
    /// serves, while its trigram indexes (the PostgreSQL provider's migration) serve LIKE. The columns and the
    /// terms are in one normal form (RegistrySearchText), so LIKE's case rules change nothing.
    /// </summary>
    private static IQueryable<RegistryEntryRow> Like(IQueryable<RegistryEntryRow> query, RegistrySearchTerm term)
    {
        var pattern = Pattern(term.Text);
        return term.Field switch
        {
            RegistrySearchField.Supplier => query.Where(r => r.SearchSupplier != null && EF.Functions.Like(r.SearchSupplier, pattern, Escape)),
            RegistrySearchField.Products => query.Where(r => r.SearchProducts != null && EF.Functions.Like(r.SearchProducts, pattern, Escape)),
            RegistrySearchField.Models => query.Where(r => r.SearchModels != null && EF.Functions.Like(r.SearchModels, pattern, Escape)),
            RegistrySearchField.Number => query.Where(r => EF.Functions.Like(r.SearchNumber, pattern, Escape)),
            _ => query.Where(r => (r.SearchSupplier != null && EF.Functions.Like(r.SearchSupplier, pattern, Escape))
                || (r.SearchProducts != null && EF.Functions.Like(r.SearchProducts, pattern, Escape))
                || (r.SearchModels != null && EF.Functions.Like(r.SearchModels, pattern, Escape)) || EF.Functions.Like(r.SearchNumber, pattern, Escape)),
        };
    }

    private const string Escape = "\\";

    /// <summary>"%term%" with LIKE's own characters (% _ \) taken literally, so a search for "50%" finds "50%".</summary>
    private static string Pattern(string term) =>
        "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
