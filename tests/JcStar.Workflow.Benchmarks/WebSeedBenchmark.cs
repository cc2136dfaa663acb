using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace JcStar.Workflow.Benchmarks;

/// <summary>
/// Seeds the staff workspace benchmark (tests/bench/web.sh): clones one real case, started through the server's
/// API, into <c>cases</c> cases, each with its open task, its candidate rows, its case parties and its history,
/// and adds <c>completed</c> completed tasks spread over those cases (with their candidate rows). The rows are
/// copied by the database itself (INSERT … SELECT over a number series), so every column the server wrote for the
/// real case (state, variables, definition, dates in the provider's own format) is what the pages read.
/// Usage: web-seed sqlite|postgres CONNECTION TEMPLATE-INSTANCE-ID CASES COMPLETED.
/// Ids: cases <c>bench-i{n}</c>, open tasks <c>bench-t{n}</c> (n &lt; CASES), completed tasks <c>bench-d{n}</c>.
/// </summary>
public sealed class WebSeedBenchmark : IBenchmark
{
    public string Name => "web-seed";

    public async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 5 || args[0] is not ("sqlite" or "postgres") || !int.TryParse(args[3], out var cases) || !int.TryParse(args[4], out var completed))
        {
            Console.Error.WriteLine("usage: web-seed sqlite|postgres CONNECTION TEMPLATE-INSTANCE-ID CASES COMPLETED");
            return 2;
        }
        var postgres = args[0] == "postgres";
        var template = args[2];
        await using DbConnection conn = postgres ? new NpgsqlConnection(args[1]) : new SqliteConnection(args[1]);
        await conn.OpenAsync();
        var dialect = new Dialect(postgres);
        var clock = Stopwatch.StartNew();

        var templateTask = await ScalarAsync(conn, "SELECT \"Id\" FROM tasks WHERE \"InstanceId\" = @t AND \"Status\" = 0", template)
            ?? throw new InvalidOperationException($"the template case {template} has no open task");
        await using (var tx = await conn.BeginTransactionAsync())
        {
            async Task Copy(string table, int count, string where, Dictionary<string, string> overrides, params string[] skip)
            {
                var columns = (await ColumnsAsync(conn, tx, table, postgres)).Where(c => !skip.Contains(c)).ToList();
                var select = string.Join(", ", columns.Select(c => overrides.TryGetValue(c, out var e) ? e : $"x.\"{c}\""));
                var sql = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
                          $"{dialect.Series(count)} SELECT {select} FROM {table} x CROSS JOIN s WHERE {where}";
                await using var command = conn.CreateCommand();
                command.Transaction = tx;
                command.CommandText = sql;
                command.CommandTimeout = 1800;
                Parameter(command, "t", template);
                Parameter(command, "task", templateTask);
                var rows = await command.ExecuteNonQueryAsync();
                Print(new { benchmark = "web-seed", table, rows, seconds = Math.Round(clock.Elapsed.TotalSeconds, 1) });
            }

            string Case(string n) => dialect.Concat("'bench-i'", n);
            var caseOfCompleted = Case("(s.n % " + cases + ")");
            await Copy("instances", cases, "x.\"Id\" = @t", new()
            {
                ["Id"] = Case("s.n"),
                ["BusinessKey"] = dialect.Concat("'BENCH-'", "s.n"),
                ["StateJson"] = $"replace(x.\"StateJson\", @t, {Case("s.n")})",
            });
            await Copy("case_parties", cases, "x.\"InstanceId\" = @t", new() { ["InstanceId"] = Case("s.n") });
            await Copy("audit_log", cases, "x.\"InstanceId\" = @t", new() { ["InstanceId"] = Case("s.n") }, "Id");
            await Copy("tasks", cases, "x.\"Id\" = @task", new()
            {
                ["Id"] = dialect.Concat("'bench-t'", "s.n"),
                ["InstanceId"] = Case("s.n"),
                ["BusinessKey"] = dialect.Concat("'BENCH-'", "s.n"),
                ["DueAt"] = dialect.PlusHours("x.\"DueAt\"", "(s.n % 2000) - 1000"),
            });
            await Copy("task_candidates", cases, "x.\"TaskId\" = @task", new()
            {
                ["TaskId"] = dialect.Concat("'bench-t'", "s.n"),
                ["DueAt"] = dialect.PlusHours("x.\"DueAt\"", "(s.n % 2000) - 1000"),
            });
            await Copy("tasks", completed, "x.\"Id\" = @task", new()
            {
                ["Id"] = dialect.Concat("'bench-d'", "s.n"),
                ["InstanceId"] = caseOfCompleted,
                ["BusinessKey"] = dialect.Concat("'BENCH-'", $"(s.n % {cases})"),
                ["Status"] = "1",
                ["Assignee"] = "'bench01'",
                ["CompletedBy"] = "'bench01'",
                ["CompletedAt"] = "x.\"CreatedAt\"",
            });
            await Copy("task_candidates", completed, "x.\"TaskId\" = @task", new()
            {
                ["TaskId"] = dialect.Concat("'bench-d'", "s.n"),
                ["IsOpen"] = postgres ? "false" : "0",
            });
            await tx.CommitAsync();
        }
        // A database in service has been vacuumed long since, and its writes are on disk: without these, autovacuum would
        // work through the million rows just copied, and the checkpointer write them out, while the server is measured.
        await using (var analyze = conn.CreateCommand())
        {
            analyze.CommandText = postgres ? "VACUUM ANALYZE" : "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);";
            analyze.CommandTimeout = 1800;
            await analyze.ExecuteNonQueryAsync();
            if (postgres)
            {
                // Its own command: VACUUM may not share a batch (PostgreSQL runs a batch as one transaction).
                analyze.CommandText = "CHECKPOINT";
                await analyze.ExecuteNonQueryAsync();
            }
        }
        var open = await ScalarAsync(conn, "SELECT COUNT(*) FROM tasks WHERE \"Status\" = 0", template);
        var done = await ScalarAsync(conn, "SELECT COUNT(*) FROM tasks WHERE \"Status\" = 1", template);
        var instances = await ScalarAsync(conn, "SELECT COUNT(*) FROM instances", template);
        var history = await ScalarAsync(conn, "SELECT COUNT(*) FROM audit_log WHERE \"InstanceId\" = @t", template);
        Print(new { benchmark = "web-seed", provider = args[0], instances, openTasks = open, completedTasks = done, historyPerCase = history, seconds = Math.Round(clock.Elapsed.TotalSeconds, 1) });
        return 0;
    }

    private static async Task<string?> ScalarAsync(DbConnection conn, string sql, string template)
    {
        await using var command = conn.CreateCommand();
        command.CommandText = sql;
        Parameter(command, "t", template);
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> ColumnsAsync(DbConnection conn, DbTransaction tx, string table, bool postgres)
    {
        await using var command = conn.CreateCommand();
        command.Transaction = tx;
        command.CommandText = postgres
            ? $"SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '{table}' ORDER BY ordinal_position"
            : $"SELECT name FROM pragma_table_info('{table}')";
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            columns.Add(reader.GetString(0));
        if (columns.Count == 0)
            throw new InvalidOperationException($"table {table} does not exist: is the database migrated?");
        return columns;
    }

    private static void Parameter(DbCommand command, string name, string value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    private static void Print(object line) => Console.WriteLine(JsonSerializer.Serialize(line));

    /// <summary>The few places where PostgreSQL and SQLite SQL differ for this seed.</summary>
    private sealed class Dialect(bool postgres)
    {
        public string Series(int count) => postgres
            ? $"WITH s(n) AS (SELECT generate_series(0, {count - 1}))"
            : $"WITH RECURSIVE s(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s WHERE n < {count - 1})";

        public string Concat(string a, string n) => postgres ? $"({a} || ({n})::text)" : $"({a} || ({n}))";

        /// <summary>PostgreSQL stores timestamptz; our SQLite model stores Unix milliseconds.</summary>
        public string PlusHours(string column, string hours) => postgres
            ? $"({column} + (({hours}) * interval '1 hour'))"
            : $"({column} + ({hours}) * 3600000)";
    }
}
