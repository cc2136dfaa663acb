using System.Runtime.CompilerServices;
using JcStar.Workflow.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace JcStar.Workflow.Persistence.Databases;

/// <summary>
/// What one database does its own way: its model conventions, the few statements it words differently,
/// and how it commits a step. Each provider project has one and adds it to the context options when that
/// provider is chosen (<c>SqliteWorkflowDatabase.Configure</c> and its siblings), the way EF Core's own
/// providers plug in: the shared stores ask the dialect and never which database they are on.
/// </summary>
public interface IDatabaseDialect
{
    /// <summary>Conventions for every entity, applied before the model is built.</summary>
    void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
    }

    /// <summary>Runs after the shared model and its contributions are built.</summary>
    void ConfigureModel(ModelBuilder model)
    {
    }

    /// <summary>Whether an ascending ORDER BY puts NULL after every value by itself.</summary>
    bool SortsNullsLast => false;

    /// <summary>
    /// A subquery of the strings in the JSON array <paramref name="parameter"/> holds, for "x IN (…)" over a list
    /// bound as one parameter (one statement text whatever the list's length, so it stays prepared). SQLite's form.
    /// </summary>
    string TextValuesOf(string parameter) => $"SELECT value FROM json_each({parameter})";

    /// <summary>
    /// One statement that adds one to the counter <paramref name="name"/> in <paramref name="table"/>
    /// (creating it at 1) and returns the new value, so the database serialises callers on the row.
    /// The default is the upsert with RETURNING (the SQL standard's wording that SQLite 3.35+ and PostgreSQL share).
    /// </summary>
    FormattableString NextCounterValue(string table, string nameColumn, string valueColumn, string name) =>
        FormattableStringFactory.Create(
            $"INSERT INTO \"{table}\" (\"{nameColumn}\", \"{valueColumn}\") VALUES ({{0}}, 1) " +
            $"ON CONFLICT (\"{nameColumn}\") DO UPDATE SET \"{valueColumn}\" = \"{table}\".\"{valueColumn}\" + 1 " +
            $"RETURNING \"{valueColumn}\"",
            name);

    /// <summary>
    /// Claims up to <paramref name="batchSize"/> due outbox messages atomically (queued and due at
    /// <paramref name="at"/>, or sending with a lapsed lease): each gets status Sending, one more attempt,
    /// a new lease token and a lease until <paramref name="until"/>. No two claimers get the same message.
    /// </summary>
    Task<List<OutboxRow>> ClaimOutboxAsync(WorkflowDbContext db, DateTimeOffset at, DateTimeOffset until, int batchSize, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="migrate"/> the way this database migrates safely (SQLite keeps a copy of the file while
    /// it rebuilds tables and puts it back when a migration was interrupted); <paramref name="anyPending"/> says
    /// whether there is anything to apply.
    /// </summary>
    Task<T> GuardMigrationAsync<T>(WorkflowDbContext db, Func<CancellationToken, Task<bool>> anyPending, Func<CancellationToken, Task<T>> migrate, ILogger logger, CancellationToken cancellationToken) =>
        migrate(cancellationToken);

    /// <summary>The database's commit strategy, made once per service provider.</summary>
    ICommitStrategy CreateCommitStrategy(IDbContextFactory<WorkflowDbContext> factory, ILoggerFactory loggers) => TrackedCommits.Instance;
}
