using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Scheme.Labels;
using JcStar.Workflow.Scheme.Persistence.Rows;
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
        var query = db.Set<RegistryEntryRow>().AsNoTracking().Where(r => r.PublicationDate <= day);
        if (search.Level is { } level)
            query = query.Where(r => r.Level == (int)level);
        // LIKE '%…%' rather than Contains: PostgreSQL translates Contains over a parameter to strpos(), which no index
        // serves, while its trigram indexes (the PostgreSQL provider's migration) serve LIKE. The columns and the
        // terms are in one normal form (RegistrySearchText), so LIKE's case rules change nothing.
        if (search.Company is { } company)
        {
            var companyPattern = Pattern(company);
            query = query.Where(r => r.SearchSupplier != null && EF.Functions.Like(r.SearchSupplier, companyPattern, Escape));
        }
        if (search.Product is { } product)
        {
            var productPattern = Pattern(product);
            query = query.Where(r => r.SearchProducts != null && EF.Functions.Like(r.SearchProducts, productPattern, Escape));
        }
        if (search.Model is { } model)
        {
            var modelPattern = Pattern(model);
            query = query.Where(r => r.SearchModels != null && EF.Functions.Like(r.SearchModels, modelPattern, Escape));
        }
        if (search.RegistrationNumber is { } number)
        {
            var numberPattern = Pattern(number);
            query = query.Where(r => EF.Functions.Like(r.SearchNumber, numberPattern, Escape));
        }
        if (search.Text is { } text)
        {
            var pattern = Pattern(text);
            query = query.Where(r => (r.SearchSupplier != null && EF.Functions.Like(r.SearchSupplier, pattern, Escape)) || (r.SearchProducts != null && EF.Functions.Like(r.SearchProducts, pattern, Escape))
                || (r.SearchModels != null && EF.Functions.Like(r.SearchModels, pattern, Escape)) || EF.Functions.Like(r.SearchNumber, pattern, Escape));
        }
        var total = query.Count();
        // Registration numbers are ASCII, so every collation orders them as the in-memory store does.
        var rows = query.OrderBy(r => r.RegistrationNumber).Skip(search.Skip).Take(search.PageSize).ToList();
        return new RegistryPage<RegistryEntry>([.. rows.Select(r => r.ToRecord())], total, search.Page, search.PageSize);
    }

    private const string Escape = "\\";

    /// <summary>"%term%" with LIKE's own characters (% _ \) taken literally, so a search for "50%" finds "50%".</summary>
    private static string Pattern(string term) =>
        "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
