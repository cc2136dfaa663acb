using JcStar.Workflow.Persistence.Databases;
using JcStar.Workflow.Scheme.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace JcStar.Workflow.Persistence.PostgreSql;

public static class PostgreSqlWorkflowDatabase
{
    /// <summary>
    /// The workflow tables on PostgreSQL, on <see cref="ConnectionString"/>'s settings.
    /// </summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString)
    {
        return options.UseNpgsql(ConnectionString(connectionString), o => o.MigrationsAssembly(typeof(PostgreSqlWorkflowDatabase).Assembly.GetName().Name))
            .UseWorkflowDialect(PostgreSqlDialect.Instance)
            .AddWorkflowModel(SchemeModel.Instance);
    }

    /// <summary>
    /// The connection string with the settings every workflow connection wants, unless it sets them itself. Every workflow
    /// query is short, so PostgreSQL's JIT and its parallel workers are turned off (Options): JIT compiling one query took
    /// 200 ms of a 290 ms inbox query, and the inbox's count of a group's offered tasks waited 8 ms of its 12 ms for a
    /// parallel worker to start, to read 1,200 index entries. Statements are prepared automatically (Max Auto Prepare):
    /// every command repeats the same few statements, prepared once per connection the server stops parsing and planning
    /// them each time. A connection is not reset when it goes back to the pool (No Reset On Close): none of ours changes
    /// its session (no SET, temporary table, LISTEN or session advisory lock), and the reset cost a round trip and the
    /// server's work at each of the several openings of a page (the inbox under load: 284 against 227 requests/s, the
    /// server's CPU per page 2.7 against 3.3 ms).
    /// </summary>
    public static string ConnectionString(string connectionString) =>
        // Configured again with every context a request creates: parsed once per connection string.
        Completed.GetOrAdd(connectionString, Complete);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Completed = new(StringComparer.Ordinal);

    private static string Complete(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.Options))
            builder.Options = "-c jit=off -c max_parallel_workers_per_gather=0";
        if (builder.MaxAutoPrepare == 0)
            builder.MaxAutoPrepare = 64;
        if (!Sets(connectionString, "No Reset On Close", "NoResetOnClose"))
            builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    /// <summary>
    /// The connection string of the sessions that plan a prepared statement once and keep the plan whatever its values
    /// (plan_cache_mode = force_generic_plan), for the statements written to walk one index order whatever the values
    /// (<see cref="Databases.ICommitStrategy.ReadAsync{TRow}"/>, planOnce). PostgreSQL otherwise plans such a statement
    /// again at every execution when the plan for unknown values is costed above the plans for known ones: the inbox's two
    /// statements spent 0.7-0.8 ms each planning and about as long reading. Their own pool, so no other statement runs so.
    /// </summary>
    public static string PlannedOnce(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString(connectionString));
        builder.Options = (builder.Options + " -c plan_cache_mode=force_generic_plan").Trim();
        return builder.ConnectionString;
    }

    private static bool Sets(string connectionString, params string[] keywords)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return keywords.Any(given.ContainsKey);
    }
}
