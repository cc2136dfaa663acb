using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace JcStar.Workflow.Persistence.Sqlite;

/// <summary>
/// Makes applying migrations to a SQLite file all or nothing. SQLite changes a column by rebuilding its table, and
/// EF Core runs the rebuild's <c>PRAGMA foreign_keys</c> outside a transaction, so a process killed (or a statement
/// failing) in the middle leaves a half-migrated file that the next start cannot migrate (a leftover
/// <c>ef_temp_…</c> table, a held <c>__EFMigrationsLock</c>). Before anything is applied the file is copied with
/// SQLite's online backup to <c>{file}.pre-migration</c>; the copy is removed once every migration has been applied.
/// A copy found at the next start means the last migration was interrupted: the file is put back from it first, and
/// the migrations are applied again from where they stood. A migration that fails puts the file back at once.
/// </summary>
public static class SqliteMigrationGuard
{
    public const string Suffix = ".pre-migration";

    /// <param name="connectionString">The workflow database's SQLite connection string.</param>
    /// <param name="anyPending">Whether something is to be applied; the copy is made only then.</param>
    /// <param name="migrate">Applies every pending migration (the workflow tables and the user register share the file).</param>
    public static async Task<T> RunAsync<T>(
        string connectionString,
        Func<CancellationToken, Task<bool>> anyPending,
        Func<CancellationToken, Task<T>> migrate,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var file = FileOf(connectionString);
        if (file is null)
            return await migrate(cancellationToken);
        var copy = file + Suffix;
        if (File.Exists(copy))
        {
            logger.LogWarning("An earlier migration of {File} was interrupted; putting the database back as it was before it ({Copy}) and migrating again", file, copy);
            PutBack(file, copy);
        }
        if (!await anyPending(cancellationToken))
            return await migrate(cancellationToken);

        if (File.Exists(file))
            Copy(connectionString, copy);
        else
            File.WriteAllBytes(copy, []); // an empty file is an empty SQLite database: a first migration interrupted starts over

        try
        {
            var result = await migrate(cancellationToken);
            File.Delete(copy);
            return result;
        }
        catch (Exception e) when (File.Exists(copy))
        {
            logger.LogError(e, "Migrating {File} failed; the database is put back as it was before the migration", file);
            PutBack(file, copy);
            throw;
        }
    }

    /// <summary>The database file of a connection string; null for an in-memory database.</summary>
    public static string? FileOf(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:")
            return null;
        return Path.GetFullPath(builder.DataSource);
    }

    /// <summary>SQLite's online backup into a temporary file, then renamed: a copy that exists is whole.</summary>
    private static void Copy(string connectionString, string copy)
    {
        var partial = copy + ".partial";
        File.Delete(partial);
        using (var source = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString()))
        using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
        {
            source.Open();
            target.Open();
            source.BackupDatabase(target);
        }
        File.Move(partial, copy, overwrite: true);
    }

    private static void PutBack(string file, string copy)
    {
        SqliteConnection.ClearAllPools();
        foreach (var leftover in new[] { file + "-wal", file + "-shm", file + "-journal" })
            File.Delete(leftover);
        File.Move(copy, file, overwrite: true);
    }
}
