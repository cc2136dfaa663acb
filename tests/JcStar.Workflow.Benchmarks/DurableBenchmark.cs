using System.Diagnostics;
using System.Text.Json;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Hosting;
using JcStar.Workflow.Persistence.PostgreSql;
using JcStar.Workflow.Persistence.Sqlite;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Hosting;
using JcStar.Workflow.Runtime.InMemory;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Runtime.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace JcStar.Workflow.Benchmarks;

/// <summary>
/// Durable throughput (start → complete the user task → end, every command committed) on SQLite (WAL with
/// synchronous NORMAL, then FULL) and PostgreSQL (refused unless fsync and synchronous_commit are on), and the
/// group inbox's p95 over 100,000 open and 1,000,000 completed tasks in PostgreSQL. The settings are printed.
/// Usage: durable [all|sqlite|postgres|inbox] [instances] [workers]. PostgreSQL comes from JCSTAR_TEST_POSTGRES.
/// </summary>
public sealed class DurableBenchmark : IBenchmark
{
    private static readonly WorkflowActor Reviewer = new("bench", ["reviewers"]);

    private const string Approval = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="D" targetNamespace="urn:bench">
          <process id="Approval" isExecutable="true">
            <startEvent id="Start" />
            <userTask id="Review" jc:candidateGroups="reviewers" />
            <endEvent id="End" />
            <sequenceFlow id="f1" sourceRef="Start" targetRef="Review" />
            <sequenceFlow id="f2" sourceRef="Review" targetRef="End" />
          </process>
        </definitions>
        """;

    public string Name => "durable";

    public async Task<int> RunAsync(string[] args)
    {
        var mode = args.ElementAtOrDefault(0) ?? "all";
        var instances = int.TryParse(args.ElementAtOrDefault(1), out var n) ? n : 5000;
        var postgres = Environment.GetEnvironmentVariable("JCSTAR_TEST_POSTGRES");
        if (mode != "sqlite" && string.IsNullOrWhiteSpace(postgres))
        {
            Console.Error.WriteLine("set JCSTAR_TEST_POSTGRES to a PostgreSQL connection string");
            return 2;
        }
        if (mode is "all" or "postgres" or "inbox" && !await PostgresIsDurableAsync(postgres!))
            return 2;
        double sqlite = 0, sqliteFull = 0, pg = 0, p95 = 0;
        if (mode == "memory")
            await ThroughputAsync("memory", instances, int.TryParse(args.ElementAtOrDefault(2), out var wm) ? wm : 1);
        if (mode is "all" or "sqlite")
        {
            var workers = int.TryParse(args.ElementAtOrDefault(2), out var w) ? w : 4;
            sqlite = await ThroughputAsync("sqlite", instances, workers, SqliteSynchronous.Normal);
            sqliteFull = await ThroughputAsync("sqlite", instances, workers, SqliteSynchronous.Full);
        }
        if (mode is "all" or "postgres")
            pg = await ThroughputAsync("postgres", instances, int.TryParse(args.ElementAtOrDefault(2), out var wp) ? wp : 16);
        if (mode is "all" or "inbox")
            p95 = await InboxAsync(PostgresDatabase(postgres!, "jcstar_bench_inbox"));
        if (mode == "all")
            Console.WriteLine($"durable: sqlite={sqlite:F0}/s sqlite-full={sqliteFull:F0}/s postgres={pg:F0}/s inbox-p95={p95:F1}ms");
        return 0;
    }

    /// <summary>
    /// Prints the server's durability settings and refuses to measure without them: with fsync or
    /// synchronous_commit off a commit is acknowledged before it is on disk, and the figure would not be
    /// one of committed commands.
    /// </summary>
    private static async Task<bool> PostgresIsDurableAsync(string connection)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        async Task<string> Show(string setting)
        {
            await using var command = new NpgsqlCommand($"SHOW {setting}", conn);
            return (string)(await command.ExecuteScalarAsync())!;
        }
        var fsync = await Show("fsync");
        var synchronousCommit = await Show("synchronous_commit");
        var walSync = await Show("wal_sync_method");
        Print(new { benchmark = "durable-settings", provider = "postgres", fsync, synchronous_commit = synchronousCommit, wal_sync_method = walSync, server = conn.PostgreSqlVersion.ToString() });
        if (fsync == "off" || synchronousCommit == "off")
        {
            Console.Error.WriteLine($"refusing to measure: PostgreSQL runs with fsync={fsync}, synchronous_commit={synchronousCommit}; " +
                "a commit would be acknowledged before it is durable. Turn both on (the defaults) and run again.");
            return false;
        }
        return true;
    }

    private static async Task<double> ThroughputAsync(string provider, int instances, int workers, SqliteSynchronous synchronous = SqliteSynchronous.Normal)
    {
        string? file = null;
        Action<DbContextOptionsBuilder>? configure = null;
        if (provider == "memory")
        {
        }
        else if (provider == "sqlite")
        {
            file = Path.Combine(Path.GetTempPath(), $"jcstar-bench-{Guid.NewGuid():N}.db");
            var connection = SqliteWorkflowDatabase.ConnectionStringFor(file);
            configure = o => SqliteWorkflowDatabase.Configure(o, connection, synchronous);
        }
        else
        {
            var connection = PostgresDatabase(Environment.GetEnvironmentVariable("JCSTAR_TEST_POSTGRES")!, "jcstar_bench_throughput");
            configure = o => PostgreSqlWorkflowDatabase.Configure(o, connection);
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<InMemoryWorkQueue>();
        services.AddSingleton<IJobDispatcher>(sp => sp.GetRequiredService<InMemoryWorkQueue>());
        services.AddSingleton<ITimerScheduler>(sp => sp.GetRequiredService<InMemoryWorkQueue>());
        if (configure is null)
            services.AddInMemoryWorkflowStores();
        else
            services.AddWorkflowEfStores(configure);
        services.AddWorkflowRuntime();
        await using var provider_ = services.BuildServiceProvider();
        if (configure is not null)
        {
            await using var db = await provider_.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
            await db.Database.MigrateAsync();
            if (provider == "sqlite")
                await PrintSqliteSettingsAsync(db);
        }
        await provider_.GetRequiredService<DefinitionDeployment>().DeployAsync(Approval, "approval.bpmn", WorkflowActor.System);
        var runtime = provider_.GetRequiredService<WorkflowRuntime>();
        var tasks = provider_.GetRequiredService<ITaskStore>();

        async Task OneCase(int i)
        {
            var instance = await runtime.StartAsync("Approval", $"JC-{i}", null, Reviewer);
            var task = (await tasks.QueryAsync(new TaskQuery { InstanceId = instance.Id }, CancellationToken.None)).Items.Single();
            await runtime.CompleteTaskAsync(task.Id, null, Reviewer);
        }

        // Warm-up long enough for tiered JIT to reach EF Core's and the engine's hot paths: the figure is the steady state.
        var warmup = -1;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref warmup)) < 2000)
                await OneCase(-i - 1);
        })));

        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < instances)
                await OneCase(next);
        })));
        clock.Stop();
        var perSecond = instances / clock.Elapsed.TotalSeconds;
        var label = provider == "sqlite" ? $"sqlite-{synchronous.ToString().ToLowerInvariant()}" : provider;
        Print(new { benchmark = "durable", provider = label, instances, workers, seconds = Math.Round(clock.Elapsed.TotalSeconds, 2), instancesPerSec = Math.Round(perSecond) });

        if (file is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(file + suffix);
        }
        return perSecond;
    }

    /// <summary>What the SQLite connections run under, read back from one of them.</summary>
    private static async Task PrintSqliteSettingsAsync(WorkflowDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            async Task<string> Pragma(string name)
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = $"PRAGMA {name}";
                return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
            }
            var synchronous = await Pragma("synchronous") switch { "0" => "OFF", "1" => "NORMAL", "2" => "FULL", "3" => "EXTRA", var other => other };
            Print(new { benchmark = "durable-settings", provider = "sqlite", journal_mode = await Pragma("journal_mode"), synchronous });
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>100,000 open and 1,000,000 completed tasks over 20 groups, loaded with COPY; then the inbox of one group, 300 times.</summary>
    private static async Task<double> InboxAsync(string connection)
    {
        const int open = 100_000, completed = 1_000_000, groups = 20;
        var options = new DbContextOptionsBuilder<WorkflowDbContext>();
        PostgreSqlWorkflowDatabase.Configure(options, connection);
        await using (var db = new WorkflowDbContext(options.Options))
            await db.Database.MigrateAsync();

        var load = Stopwatch.StartNew();
        await using (var conn = new NpgsqlConnection(connection))
        {
            await conn.OpenAsync();
            var random = new Random(7);
            var t0 = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
            await using (var writer = await conn.BeginBinaryImportAsync(
                "COPY tasks (\"Id\", \"EngineTaskId\", \"InstanceId\", \"DefinitionId\", \"ProcessId\", \"BusinessKey\", \"ElementId\", \"CandidateUsersJson\", \"CandidateGroupsJson\", \"DueAt\", \"Priority\", \"Status\", \"CreatedAt\", \"CompletedAt\") FROM STDIN (FORMAT BINARY)"))
            {
                for (var i = 0; i < open + completed; i++)
                {
                    var isOpen = i < open;
                    var due = random.Next(10) == 0 ? (DateTimeOffset?)null : t0.AddMinutes(random.Next(0, 500_000));
                    await writer.StartRowAsync();
                    await writer.WriteAsync($"t{i}", NpgsqlDbType.Varchar);
                    await writer.WriteAsync($"e{i}", NpgsqlDbType.Varchar);
                    await writer.WriteAsync($"i{i}", NpgsqlDbType.Varchar);
                    await writer.WriteAsync("Approval:1", NpgsqlDbType.Varchar);
                    await writer.WriteAsync("Approval", NpgsqlDbType.Varchar);
                    await writer.WriteAsync($"JC-{i}", NpgsqlDbType.Varchar);
                    await writer.WriteAsync("Review", NpgsqlDbType.Varchar);
                    await writer.WriteAsync("[]", NpgsqlDbType.Text);
                    await writer.WriteAsync($"[\"g{i % groups}\"]", NpgsqlDbType.Text);
                    if (due is { } d) await writer.WriteAsync(d, NpgsqlDbType.TimestampTz); else await writer.WriteNullAsync();
                    await writer.WriteAsync(50, NpgsqlDbType.Integer);
                    await writer.WriteAsync(isOpen ? 0 : 1, NpgsqlDbType.Integer);
                    await writer.WriteAsync(t0, NpgsqlDbType.TimestampTz);
                    if (isOpen) await writer.WriteNullAsync(); else await writer.WriteAsync(t0, NpgsqlDbType.TimestampTz);
                }
                await writer.CompleteAsync();
            }
            await using (var command = new NpgsqlCommand(
                "INSERT INTO task_candidates (\"TaskId\", \"Kind\", \"Name\", \"IsOpen\", \"DueAt\") SELECT \"Id\", 2, 'g' || (substring(\"Id\" from 2)::int % 20), \"Status\" = 0, \"DueAt\" FROM tasks; ANALYZE tasks; ANALYZE task_candidates;", conn))
            {
                command.CommandTimeout = 600;
                await command.ExecuteNonQueryAsync();
            }
        }
        Print(new { benchmark = "durable-inbox-load", open, completed, seconds = Math.Round(load.Elapsed.TotalSeconds, 1) });

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWorkflowEfStores(o => PostgreSqlWorkflowDatabase.Configure(o, connection));
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<ITaskStore>();
        var timings = new List<double>();
        for (var i = 0; i < 350; i++)
        {
            var actor = new WorkflowActor($"user{i}", [$"g{i % groups}"]);
            var clock = Stopwatch.StartNew();
            var page = await store.QueryAsync(TaskQuery.InboxOf(actor, new PageRequest(1, 50)), CancellationToken.None);
            clock.Stop();
            if (page.Items.Count != 50)
                throw new InvalidOperationException($"inbox of g{i % groups} returned {page.Items.Count} tasks");
            if (i >= 50)
                timings.Add(clock.Elapsed.TotalMilliseconds);
        }
        timings.Sort();
        var p95 = timings[(int)Math.Ceiling(timings.Count * 0.95) - 1];
        Print(new { benchmark = "durable-inbox", open, completed, groups, queries = timings.Count, p50Ms = Math.Round(timings[timings.Count / 2], 2), p95Ms = Math.Round(p95, 2) });
        return p95;
    }

    /// <summary>A fresh database beside the test one (dropped and recreated), so the benchmark never touches test data.</summary>
    private static string PostgresDatabase(string baseConnection, string database)
    {
        var builder = new NpgsqlConnectionStringBuilder(baseConnection) { Pooling = true, MaxPoolSize = 100 };
        using (var conn = new NpgsqlConnection(builder.ConnectionString))
        {
            conn.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", conn);
            drop.ExecuteNonQuery();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", conn);
            create.ExecuteNonQuery();
        }
        builder.Database = database;
        return builder.ConnectionString;
    }

    private static void Print(object line) => Console.WriteLine(JsonSerializer.Serialize(line));
}
