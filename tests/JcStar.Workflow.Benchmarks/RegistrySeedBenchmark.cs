using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.PostgreSql;
using JcStar.Workflow.Persistence.Sqlite;
using JcStar.Workflow.Scheme.Labels;
using JcStar.Workflow.Scheme.Persistence.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace JcStar.Workflow.Benchmarks;

/// <summary>
/// Seeds the public registry for tests/bench/web.sh: one published entry written through the registry's own store
/// (so every column is what the server writes), then cloned by the database itself (INSERT … SELECT over a number
/// series) into <c>labels</c> entries. Entry n: registration number <c>JCS1-BENCH-n</c>, supplier <c>ベンチ電機n株式会社</c>,
/// model number <c>MnZ</c> (a term that finds exactly its own entry, as a model-number search does).
/// Usage: registry-seed sqlite|postgres CONNECTION LABELS.
/// </summary>
public sealed class RegistrySeedBenchmark : IBenchmark
{
    private const string Template = "JCS1-BENCH-TEMPLATE";

    public string Name => "registry-seed";

    public async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 3 || args[0] is not ("sqlite" or "postgres") || !int.TryParse(args[2], out var labels) || labels < 1)
        {
            Console.Error.WriteLine("usage: registry-seed sqlite|postgres CONNECTION LABELS");
            return 2;
        }
        var postgres = args[0] == "postgres";
        var clock = Stopwatch.StartNew();
        var options = new DbContextOptionsBuilder<WorkflowDbContext>();
        if (postgres)
            PostgreSqlWorkflowDatabase.Configure(options, args[1]);
        else
            SqliteWorkflowDatabase.Configure(options, args[1]);
        var store = new EfRegistryStore(new PooledDbContextFactory<WorkflowDbContext>(options.Options));
        var granted = new DateOnly(2026, 1, 15);
        store.Add(new RegistryEntry
        {
            RegistrationNumber = Template,
            ApplicationNumber = "BENCH-A-TEMPLATE",
            Level = LabelLevel.Star1,
            SupplierId = "BENCH-SUPPLIER",
            SupplierName = "ベンチ電機TEMPLATE株式会社",
            Products = [new LabelledProduct("ベンチルーター BR", ["MTEMPLATEZ"], granted)],
            IssueDate = granted,
            GrantDate = granted,
            ExpiryDate = granted.AddYears(2),
            PublishedFields = [.. Enum.GetValues<PublicationField>()],
            SupportPeriod = "2030年3月31日まで",
            VulnerabilityContact = "psirt@bench.example.jp",
        });

        await using DbConnection conn = postgres ? new NpgsqlConnection(args[1]) : new SqliteConnection(args[1]);
        await conn.OpenAsync();
        string Text(string n) => postgres ? $"(({n})::text)" : $"({n})";
        var series = postgres
            ? $"WITH s(n) AS (SELECT generate_series(0, {labels - 1}))"
            : $"WITH RECURSIVE s(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s WHERE n < {labels - 1})";
        var overrides = new Dictionary<string, string>
        {
            ["RegistrationNumber"] = $"'JCS1-BENCH-' || {Text("s.n")}",
            ["ApplicationNumber"] = $"'BENCH-A-' || {Text("s.n")}",
            ["SupplierName"] = $"replace(x.\"SupplierName\", 'TEMPLATE', {Text("s.n")})",
            ["ProductsJson"] = $"replace(x.\"ProductsJson\", 'MTEMPLATEZ', 'M' || {Text("s.n")} || 'Z')",
            ["SearchSupplier"] = $"replace(x.\"SearchSupplier\", 'template', {Text("s.n")})",
            ["SearchModels"] = $"replace(x.\"SearchModels\", 'mtemplatez', 'm' || {Text("s.n")} || 'z')",
            ["SearchNumber"] = $"'jcs1-bench-' || {Text("s.n")}",
            ["Level"] = "1 + (s.n % 2)",
        };
        var columns = await ColumnsAsync(conn, postgres);
        var select = string.Join(", ", columns.Select(c => overrides.TryGetValue(c, out var e) ? e : $"x.\"{c}\""));
        await using (var insert = conn.CreateCommand())
        {
            insert.CommandText = $"INSERT INTO registry_entries ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) {series} " +
                                 $"SELECT {select} FROM registry_entries x CROSS JOIN s WHERE x.\"RegistrationNumber\" = '{Template}'";
            insert.CommandTimeout = 1800;
            var rows = await insert.ExecuteNonQueryAsync();
            Print(new { benchmark = "registry-seed", provider = args[0], rows, seconds = Math.Round(clock.Elapsed.TotalSeconds, 1) });
        }
        await using (var analyze = conn.CreateCommand())
        {
            // Vacuumed as a database in service is (see web-seed).
            analyze.CommandText = postgres ? "VACUUM ANALYZE registry_entries" : "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);";
            analyze.CommandTimeout = 1800;
            await analyze.ExecuteNonQueryAsync();
            if (postgres)
            {
                analyze.CommandText = "CHECKPOINT";
                await analyze.ExecuteNonQueryAsync();
            }
        }
        return 0;
    }

    private static async Task<List<string>> ColumnsAsync(DbConnection conn, bool postgres)
    {
        await using var command = conn.CreateCommand();
        command.CommandText = postgres
            ? "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'registry_entries' ORDER BY ordinal_position"
            : "SELECT name FROM pragma_table_info('registry_entries')";
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            columns.Add(reader.GetString(0));
        if (columns.Count == 0)
            throw new InvalidOperationException("table registry_entries does not exist: is the database migrated?");
        return columns;
    }

    private static void Print(object line) => Console.WriteLine(JsonSerializer.Serialize(line));
}
