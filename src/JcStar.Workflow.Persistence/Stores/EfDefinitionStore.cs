using System.Collections.Concurrent;
using JcStar.Workflow.Persistence.Databases;
using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Definitions;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.Stores;

public sealed class EfDefinitionStore(IDbContextFactory<WorkflowDbContext> factory, ICommitStrategy sessions) : IDefinitionStore
{
    // Every start asks for the latest version: only its id, hash and publication time are read, compiled, and the stored
    // row (XML and all) is read once per id, hash and time, so a reset database that reuses an id is read afresh.
    private static readonly CompiledQuery<string, LatestVersion?> Latest = new((db, processId, _) => db.Definitions.AsNoTracking()
        .Where(d => d.ProcessId == processId).OrderByDescending(d => d.Version)
        .Select(d => new LatestVersion(d.Id, d.ContentHash, d.PublishedAt)).FirstOrDefault());

    private static readonly string[] LatestColumns = [nameof(DefinitionRow.Id), nameof(DefinitionRow.ContentHash), nameof(DefinitionRow.PublishedAt)];

    private readonly ConcurrentDictionary<string, DeployedDefinition> _read = new(StringComparer.Ordinal);

    public async Task<DeployedDefinition?> FindAsync(string definitionId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return (await db.Definitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == definitionId, cancellationToken))?.ToRecord();
    }

    public async Task<DeployedDefinition?> FindLatestAsync(string processId, CancellationToken cancellationToken)
    {
        var onSession = await sessions.ReadAsync<DefinitionRow>(LatestColumns, r =>
        {
            var process = r.Value(nameof(DefinitionRow.ProcessId), processId, 0);
            return ($"SELECT {r.SelectList} FROM {r.Table} WHERE {r.Column(nameof(DefinitionRow.ProcessId))} = {process.Name} " +
                $"ORDER BY {r.Column(nameof(DefinitionRow.Version))} DESC LIMIT 1", [process]);
        }, cancellationToken);
        LatestVersion? latest;
        if (onSession is not null)
        {
            latest = onSession.Select(r => new LatestVersion(r.Id, r.ContentHash, r.PublishedAt)).FirstOrDefault();
        }
        else
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            latest = await Latest.RunAsync(db, processId, cancellationToken);
        }
        if (latest is null)
            return null;
        if (_read.TryGetValue(latest.Id, out var known) && known.ContentHash == latest.ContentHash && known.PublishedAt == latest.PublishedAt)
            return known;
        await using var read = await factory.CreateDbContextAsync(cancellationToken);
        var row = await read.Definitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == latest.Id, cancellationToken);
        if (row is null)
            return null;
        var definition = row.ToRecord();
        _read[definition.Id] = definition;
        return definition;
    }

    private sealed record LatestVersion(string Id, string ContentHash, DateTimeOffset PublishedAt);

    public async Task<IReadOnlyList<DeployedDefinition>> ListLatestAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Definitions.AsNoTracking()
            .Where(d => d.Version == db.Definitions.Where(o => o.ProcessId == d.ProcessId).Max(o => o.Version))
            .OrderBy(d => d.ProcessId).ToListAsync(cancellationToken);
        return rows.Select(r => r.ToRecord()).ToList();
    }

    /// <summary>
    /// The id of each process's latest version, by process id. Every staff page asks for them (the inbox's step filter,
    /// the procedure names): read on a session's prepared statement where the database has them (EF's translation of the
    /// correlated MAX cost more than the read).
    /// </summary>
    public async Task<IReadOnlyList<string>> ListLatestIdsAsync(CancellationToken cancellationToken)
    {
        var onSession = await sessions.ReadAsync<DefinitionRow>([nameof(DefinitionRow.Id)], r =>
        {
            var (process, version) = (r.Column(nameof(DefinitionRow.ProcessId)), r.Column(nameof(DefinitionRow.Version)));
            return ($"SELECT d.{r.Column(nameof(DefinitionRow.Id))} FROM {r.Table} AS d WHERE d.{version} = " +
                $"(SELECT MAX(o.{version}) FROM {r.Table} AS o WHERE o.{process} = d.{process}) ORDER BY d.{process}", []);
        }, cancellationToken);
        if (onSession is not null)
            return onSession.Select(r => r.Id).ToList();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Definitions.AsNoTracking()
            .Where(d => d.Version == db.Definitions.Where(o => o.ProcessId == d.ProcessId).Max(o => o.Version))
            .OrderBy(d => d.ProcessId).Select(d => d.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DeployedDefinition>> ListVersionsAsync(string processId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Definitions.AsNoTracking().Where(d => d.ProcessId == processId)
            .OrderByDescending(d => d.Version).ToListAsync(cancellationToken);
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task AddAsync(DeployedDefinition definition, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Definitions.Add(definition.ToRow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            await using var check = await factory.CreateDbContextAsync(cancellationToken);
            if (await check.Definitions.AnyAsync(d => d.Id == definition.Id || (d.ProcessId == definition.ProcessId && d.Version == definition.Version), cancellationToken))
                throw new WorkflowConflictException(ConflictReason.ConcurrentUpdate, $"definition {definition.Id} was published by another node");
            throw;
        }
    }
}
