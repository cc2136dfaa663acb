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
}
