using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Sqlite;

namespace JcStar.Workflow.Server.Hosting;

/// <summary>The database settings after defaults are applied (SQLite file under the data root when nothing is configured).</summary>
public sealed record ResolvedDatabase(DatabaseProvider Provider, string ConnectionString, bool MigrateAtStart, SqliteSynchronous SqliteSynchronous = SqliteSynchronous.Normal);
