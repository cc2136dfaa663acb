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
using JcStar.Workflow.Runtime.Migrations;
using JcStar.Workflow.Runtime.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace JcStar.Workflow.Benchmarks;

/// <summary>
/// Cases waiting at a user task with a timer boundary and a message boundary, moved to a version that adds a step
/// after it: every case its own committed transaction. Usage: migration [all|sqlite|postgres] [cases].
/// PostgreSQL comes from JCSTAR_TEST_POSTGRES; the scratch database is JCSTAR_BENCH_DATABASE (default
/// jcstar_bench_migration), created and dropped.
/// </summary>
public sealed class MigrationBenchmark : IBenchmark
{
    private static readonly WorkflowActor Starter = new("bench", ["reviewers"]);

    private static string Review(bool confirm) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="D" targetNamespace="urn:bench">
          <message id="m1" name="withdraw" />
          <process id="Review" isExecutable="true">
            <startEvent id="Start" />
            <userTask id="Check" jc:candidateGroups="reviewers" jc:dueDate="P3D" />
            <boundaryEvent id="Late" attachedToRef="Check"><timerEventDefinition><timeDuration>P5D</timeDuration></timerEventDefinition></boundaryEvent>
            <boundaryEvent id="Withdrawn" attachedToRef="Check"><messageEventDefinition messageRef="m1" /></boundaryEvent>
            <userTask id="Chase" jc:candidateGroups="reviewers" />
            {(confirm ? "<userTask id=\"Confirm\" jc:candidateGroups=\"reviewers\" />" : "")}
            <endEvent id="End" />
            <sequenceFlow id="f1" sourceRef="Start" targetRef="Check" />
            {(confirm ? "<sequenceFlow id=\"f2\" sourceRef=\"Check\" targetRef=\"Confirm\" /><sequenceFlow id=\"f3\" sourceRef=\"Confirm\" targetRef=\"End\" />" : "<sequenceFlow id=\"f2\" sourceRef=\"Check\" targetRef=\"End\" />")}
            <sequenceFlow id="f4" sourceRef="Late" targetRef="Chase" />
            <sequenceFlow id="f5" sourceRef="Chase" targetRef="End" />
            <sequenceFlow id="f6" sourceRef="Withdrawn" targetRef="End" />
          </process>
        </definitions>
        """;

    public string Name => "migration";

    public async Task<int> RunAsync(string[] args)
    {
        var mode = args.ElementAtOrDefault(0) ?? "all";
        var cases = int.TryParse(args.ElementAtOrDefault(1), out var n) ? n : 10_000;
        var postgres = Environment.GetEnvironmentVariable("JCSTAR_TEST_POSTGRES");
        if (mode != "sqlite" && string.IsNullOrWhiteSpace(postgres))
        {
            Console.Error.WriteLine("set JCSTAR_TEST_POSTGRES to a PostgreSQL connection string");
            return 2;
        }
        double sqlite = 0, pg = 0;
        if (mode is "all" or "sqlite")
        {
            var file = Path.Combine(Path.GetTempPath(), $"jcstar-bench-migration-{Guid.NewGuid():N}.db");
            var connection = SqliteWorkflowDatabase.ConnectionStringFor(file);
            try
            {
                sqlite = await MeasureAsync("sqlite", o => SqliteWorkflowDatabase.Configure(o, connection), cases, 4, 8);
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                    File.Delete(file + suffix);
            }
        }
        if (mode is "all" or "postgres")
        {
            var name = Environment.GetEnvironmentVariable("JCSTAR_BENCH_DATABASE") is { Length: > 0 } given ? given : "jcstar_bench_migration";
            var connection = CreateDatabase(postgres!, name);
            try
            {
                pg = await MeasureAsync("postgres", o => PostgreSqlWorkflowDatabase.Configure(o, connection), cases, 16, 32);
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                DropDatabase(postgres!, name);
            }
        }
        if (mode == "all")
            Console.WriteLine($"migration: sqlite={sqlite:F0}/s postgres={pg:F0}/s");
        return 0;
    }

    private static async Task<double> MeasureAsync(string provider, Action<DbContextOptionsBuilder> configure, int cases, int starters, int parallelism)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<InMemoryWorkQueue>();
        services.AddSingleton<IJobDispatcher>(sp => sp.GetRequiredService<InMemoryWorkQueue>());
        services.AddSingleton<ITimerScheduler>(sp => sp.GetRequiredService<InMemoryWorkQueue>());
        services.AddWorkflowEfStores(configure);
        services.AddWorkflowRuntime();
        await using var sp = services.BuildServiceProvider();
        await using (var db = await sp.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync())
            await db.Database.MigrateAsync();
        var deployment = sp.GetRequiredService<DefinitionDeployment>();
        var v1 = (await deployment.DeployAsync(Review(confirm: false), "review.bpmn", WorkflowActor.System)).Processes.Single().Definition.Id;
        var runtime = sp.GetRequiredService<WorkflowRuntime>();
        var next = -1;
        var setup = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, starters).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < cases)
                await runtime.StartAsync("Review", $"JC-{i}", null, Starter);
        })));
        Print(new { benchmark = "migration-setup", provider, cases, seconds = Math.Round(setup.Elapsed.TotalSeconds, 1) });
        var v2 = (await deployment.DeployAsync(Review(confirm: true), "review.bpmn", WorkflowActor.System)).Processes.Single().Definition.Id;

        var clock = Stopwatch.StartNew();
        var report = await sp.GetRequiredService<InstanceMigrations>().MigrateAsync(new MigrationRequest(v1, v2, BatchSize: 500, Parallelism: parallelism), WorkflowActor.System);
        clock.Stop();
        if (report.Migrated != cases)
        {
            Console.Error.WriteLine($"{provider}: {report.Failed} of {cases} cases were not migrated: {report.Cases.First(c => !c.Migrated).Errors[0]}");
            return 0;
        }
        var perSecond = cases / clock.Elapsed.TotalSeconds;
        Print(new { benchmark = "migration", provider, cases, parallelism, seconds = Math.Round(clock.Elapsed.TotalSeconds, 2), casesPerSec = Math.Round(perSecond) });
        return perSecond;
    }

    private static string CreateDatabase(string baseConnection, string database)
    {
        var builder = new NpgsqlConnectionStringBuilder(baseConnection) { Pooling = true, MaxPoolSize = 100 };
        DropDatabase(baseConnection, database);
        using (var conn = new NpgsqlConnection(builder.ConnectionString))
        {
            conn.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", conn);
            create.ExecuteNonQuery();
        }
        builder.Database = database;
        return builder.ConnectionString;
    }

    private static void DropDatabase(string baseConnection, string database)
    {
        using var conn = new NpgsqlConnection(baseConnection);
        conn.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", conn);
        drop.ExecuteNonQuery();
    }

    private static void Print(object line) => Console.WriteLine(JsonSerializer.Serialize(line));
}
