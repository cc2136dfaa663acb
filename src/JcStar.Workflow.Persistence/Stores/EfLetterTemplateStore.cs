using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Runtime.Documents;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.Stores;

/// <summary>
/// Letter template versions in the workflow database, so every node renders from the same version and a backup holds
/// the templates with the letters they made. The key (name, version) settles two adds racing for one number.
/// </summary>
public sealed class EfLetterTemplateStore(IDbContextFactory<WorkflowDbContext> factory) : ILetterTemplateStore
{
    private const int Attempts = 5;

    public async Task<StoredLetterTemplateVersion> AddAsync(NewLetterTemplateVersion version, CancellationToken cancellationToken = default)
    {
        var hash = LetterTemplateHash.Of(version.Content);
        // Whole milliseconds, as SQLite keeps them: the version returned now equals the one read back later.
        var at = version.At.AddTicks(-(version.At.Ticks % TimeSpan.TicksPerMillisecond));
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var versions = db.LetterTemplateVersions.AsNoTracking().Where(v => v.Name == version.Name);
            var known = version.FromFolder
                ? await versions.Where(v => v.Sha256 == hash).OrderBy(v => v.Version).Select(Metadata).FirstOrDefaultAsync(cancellationToken)
                : await versions.OrderByDescending(v => v.Version).Select(Metadata).FirstOrDefaultAsync(cancellationToken) is { } latest && latest.Sha256 == hash ? latest : null;
            if (known is not null)
                return new StoredLetterTemplateVersion(known, false);
            var next = (await versions.MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0) + 1;
            var row = new LetterTemplateVersionRow
            {
                Name = version.Name,
                Version = next,
                Sha256 = hash,
                Size = version.Content.LongLength,
                CreatedAt = at,
                CreatedBy = version.CreatedBy,
                Note = version.Note,
                Content = version.Content,
            };
            db.LetterTemplateVersions.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new StoredLetterTemplateVersion(ToRecord(row), true);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another add took this number between the look-up and the insert: look again (it may even hold this content).
            }
        }
    }

    public async Task<(LetterTemplateVersion Version, byte[] Content)?> OpenAsync(string name, int? version = null, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = db.LetterTemplateVersions.AsNoTracking().Where(v => v.Name == name);
        var row = version is { } number
            ? await query.FirstOrDefaultAsync(v => v.Version == number, cancellationToken)
            : await query.OrderByDescending(v => v.Version).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : (ToRecord(row), row.Content);
    }

    public async Task<IReadOnlyList<LetterTemplateVersion>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.LetterTemplateVersions.AsNoTracking().Select(Metadata).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(v => v.Name, StringComparer.Ordinal).ThenByDescending(v => v.Version)];
    }

    private static readonly System.Linq.Expressions.Expression<Func<LetterTemplateVersionRow, LetterTemplateVersion>> Metadata =
        v => new LetterTemplateVersion(v.Name, v.Version, v.Sha256, v.Size, v.CreatedAt, v.CreatedBy, v.Note);

    private static LetterTemplateVersion ToRecord(LetterTemplateVersionRow v) => new(v.Name, v.Version, v.Sha256, v.Size, v.CreatedAt, v.CreatedBy, v.Note);
}
