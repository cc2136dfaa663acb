namespace JcStar.Workflow.Runtime.Backups;

/// <summary>What a <see cref="IBackupSource"/> wrote into the staging folder, read from the same consistent snapshot.</summary>
/// <param name="Provider">The database provider the data came from (Sqlite, PostgreSql).</param>
/// <param name="SchemaMigration">The last migration applied to the workflow database.</param>
/// <param name="Counts">Rows per kind (instances.waiting, tasks.open, mail.queued, …) in the snapshot.</param>
/// <param name="Notes">What a person restoring it must know (for example the pg_restore step).</param>
public sealed record BackupCapture(string Provider, string SchemaMigration, IReadOnlyDictionary<string, long> Counts, IReadOnlyList<string> Notes);
