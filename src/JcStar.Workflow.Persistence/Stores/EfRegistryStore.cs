using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Scheme.Labels;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.Stores;

/// <summary>The registry of labelled products. No delete: revoked and expired entries stay for good.</summary>
public sealed class EfRegistryStore(IDbContextFactory<WorkflowDbContext> factory) : IRegistryStore
{
    public RegistryEntry? Find(string registrationNumber)
    {
        using var db = factory.CreateDbContext();
        return db.RegistryEntries.AsNoTracking().FirstOrDefault(r => r.RegistrationNumber == registrationNumber)?.ToRecord();
    }

    public IReadOnlyList<RegistryEntry> All()
    {
        using var db = factory.CreateDbContext();
        // Ordinal order, as the in-memory store gives: database collations differ, so sort here.
        return db.RegistryEntries.AsNoTracking().AsEnumerable()
            .Select(r => r.ToRecord())
            .OrderBy(e => e.RegistrationNumber, StringComparer.Ordinal)
            .ToList();
    }

    public void Add(RegistryEntry entry)
    {
        using var db = factory.CreateDbContext();
        db.RegistryEntries.Add(entry.ToRow());
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
        var row = db.RegistryEntries.FirstOrDefault(r => r.RegistrationNumber == entry.RegistrationNumber)
            ?? throw new KeyNotFoundException($"registration number {entry.RegistrationNumber} is not in the registry");
        row.CopyFrom(entry);
        db.SaveChanges();
    }

    public RegistryPage<RegistryEntry> SearchPublished(RegistrySearch search, DateOnly day)
    {
        using var db = factory.CreateDbContext();
        var query = db.RegistryEntries.AsNoTracking().Where(r => r.PublicationDate <= day);
        if (search.Level is { } level)
            query = query.Where(r => r.Level == (int)level);
        if (search.Company is { } company)
            query = query.Where(r => r.SearchSupplier != null && r.SearchSupplier.Contains(company));
        if (search.Product is { } product)
            query = query.Where(r => r.SearchProducts != null && r.SearchProducts.Contains(product));
        if (search.Model is { } model)
            query = query.Where(r => r.SearchModels != null && r.SearchModels.Contains(model));
        if (search.RegistrationNumber is { } number)
            query = query.Where(r => r.SearchNumber.Contains(number));
        if (search.Text is { } text)
            query = query.Where(r => (r.SearchSupplier != null && r.SearchSupplier.Contains(text)) || (r.SearchProducts != null && r.SearchProducts.Contains(text))
                || (r.SearchModels != null && r.SearchModels.Contains(text)) || r.SearchNumber.Contains(text));
        var total = query.Count();
        // Registration numbers are ASCII, so every collation orders them as the in-memory store does.
        var rows = query.OrderBy(r => r.RegistrationNumber).Skip(search.Skip).Take(search.PageSize).ToList();
        return new RegistryPage<RegistryEntry>([.. rows.Select(r => r.ToRecord())], total, search.Page, search.PageSize);
    }
}
