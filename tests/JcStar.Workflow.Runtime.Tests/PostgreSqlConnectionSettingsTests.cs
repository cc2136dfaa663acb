using JcStar.Workflow.Identity;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Databases;
using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Persistence.PostgreSql;
using JcStar.Workflow.Runtime.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace JcStar.Workflow.Runtime.Tests;

/// <summary>
/// Every connection of ours to PostgreSQL runs its short queries without JIT or parallel workers, on statements it
/// prepares automatically, and is not reset on its way back to the pool, unless the operator's connection string says otherwise.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class PostgreSqlConnectionSettingsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_workflow_and_access_contexts_get_the_same_defaults_and_keep_what_the_connection_string_sets()
    {
        var plain = new NpgsqlConnectionStringBuilder(PostgreSqlWorkflowDatabase.ConnectionString("Host=db;Database=jcstar"));
        Assert.Equal("-c jit=off -c max_parallel_workers_per_gather=0", plain.Options);
        Assert.Equal(64, plain.MaxAutoPrepare);
        Assert.True(plain.NoResetOnClose);

        var own = new NpgsqlConnectionStringBuilder(PostgreSqlWorkflowDatabase.ConnectionString("Host=db;Database=jcstar;Options=-c jit=on;Max Auto Prepare=5;No Reset On Close=false"));
        Assert.Equal("-c jit=on", own.Options);
        Assert.Equal(5, own.MaxAutoPrepare);
        Assert.False(own.NoResetOnClose);

        // The access context configures the workflow tables' options first and then its own: its connection string
        // must not fall back to the bare one.
        var access = new DbContextOptionsBuilder<AccessDbContext>();
        PostgreSqlAccessDatabase.Configure(access, "Host=db;Database=jcstar");
        var used = new NpgsqlConnectionStringBuilder(RelationalOptionsExtension.Extract(access.Options).ConnectionString);
        Assert.Equal(plain.Options, used.Options);
        Assert.Equal(64, used.MaxAutoPrepare);
        Assert.True(used.NoResetOnClose);
    }

    [Fact]
    public async Task A_workflow_connection_runs_with_jit_and_parallel_workers_off()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.PostgreSql);
        await using var db = database.NewContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        async Task<string?> Show(string setting)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SHOW {setting}";
            return (string?)await command.ExecuteScalarAsync(Ct);
        }
        Assert.Equal("off", await Show("jit"));
        Assert.Equal("0", await Show("max_parallel_workers_per_gather"));
    }

    [Fact]
    public async Task A_statement_read_to_be_planned_once_keeps_its_first_plan_and_the_others_are_planned_for_their_values()
    {
        await using var host = await TestRuntime.CreateAsync(TestDatabase.PostgreSql);
        var strategy = host.Services.GetRequiredService<ICommitStrategy>();
        async Task<string?> PlanMode(bool planOnce) =>
            (await strategy.ReadAsync<TaskRow>([nameof(TaskRow.Id)], _ => ("SELECT current_setting('plan_cache_mode') || ' ' || current_setting('jit')", []), Ct, planOnce))
                ?.Single().Id;
        Assert.Equal("force_generic_plan off", await PlanMode(planOnce: true));
        Assert.Equal("auto off", await PlanMode(planOnce: false));
        // The sessions planning once are a pool of their own: EF's connections keep planning for the values.
        await using var db = host.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContext();
        Assert.Equal("auto", await db.Database.SqlQueryRaw<string>("SELECT current_setting('plan_cache_mode') AS \"Value\"").SingleAsync(Ct));

        var settings = new NpgsqlConnectionStringBuilder(PostgreSqlWorkflowDatabase.PlannedOnce("Host=db;Database=jcstar;Options=-c jit=on"));
        Assert.Equal("-c jit=on -c plan_cache_mode=force_generic_plan", settings.Options);
        Assert.True(settings.NoResetOnClose);
    }
}
