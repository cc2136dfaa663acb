using JcStar.Workflow.Identity;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Hosting;
using JcStar.Workflow.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JcStar.Workflow.Cli.Access;

/// <summary>
/// The user register, the organizations and the scheme's conflict register on one workflow database, wired as the
/// server wires them (same settings, same stores), for the length of one command.
/// </summary>
public sealed class RegisterSession : IAsyncDisposable
{
    private readonly ServiceProvider _root;
    private readonly AsyncServiceScope _scope;

    private readonly CliDatabase _database;

    private RegisterSession(ServiceProvider root, CliDatabase database)
    {
        _root = root;
        _database = database;
        _scope = root.CreateAsyncScope();
    }

    public IServiceProvider Services => _scope.ServiceProvider;

    public static async Task<RegisterSession> OpenAsync(IConfiguration configuration, CliDatabase database, CancellationToken ct)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddWorkflowEfStores(database.ConfigureWorkflow).AddSchemeEfStores();
        services.AddWorkflowUserRegister(configuration, database.ConfigureAccess);
        var session = new RegisterSession(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }), database);
        if (database.MigrateAtStart)
            await session.MigrateAsync(ct);
        return session;
    }

    /// <returns>The migrations applied, workflow tables first, then the user register's.</returns>
    public Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct) =>
        _database.Provider == DatabaseProvider.Sqlite
            ? SqliteMigrationGuard.RunAsync(_database.ConnectionString, AnyPendingAsync, MigrateAllAsync, Services.GetRequiredService<ILogger<RegisterSession>>(), ct)
            : MigrateAllAsync(ct);

    private async Task<bool> AnyPendingAsync(CancellationToken ct)
    {
        await using (var workflow = await Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync(ct))
        {
            if ((await workflow.Database.GetPendingMigrationsAsync(ct)).Any())
                return true;
        }
        return (await Services.GetRequiredService<AccessDbContext>().Database.GetPendingMigrationsAsync(ct)).Any();
    }

    private async Task<IReadOnlyList<string>> MigrateAllAsync(CancellationToken ct)
    {
        var applied = new List<string>();
        await using (var workflow = await Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync(ct))
            applied.AddRange(await MigrateAsync(workflow, ct));
        applied.AddRange(await MigrateAsync(Services.GetRequiredService<AccessDbContext>(), ct));
        return applied;
    }

    private static async Task<IReadOnlyList<string>> MigrateAsync(DbContext db, CancellationToken ct)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
            await db.Database.MigrateAsync(ct);
        return pending;
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _root.DisposeAsync();
    }
}
