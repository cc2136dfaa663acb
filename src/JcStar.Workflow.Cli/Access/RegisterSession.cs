using JcStar.Workflow.Identity;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Hosting;
using JcStar.Workflow.Scheme.Persistence.Hosting;
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

    private RegisterSession(ServiceProvider root)
    {
        _root = root;
        _scope = root.CreateAsyncScope();
    }

    public IServiceProvider Services => _scope.ServiceProvider;

    public static async Task<RegisterSession> OpenAsync(IConfiguration configuration, CliDatabase database, CancellationToken ct)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddWorkflowEfStores(database.ConfigureWorkflow).AddSchemeEfStores();
        services.AddCliDocumentStore(configuration);
        services.AddWorkflowUserRegister(configuration, database.ConfigureAccess);
        services.AddWorkflowDatabaseMigrator(new MigratedContext("user register", typeof(AccessDbContext)));
        var session = new RegisterSession(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }));
        if (database.MigrateAtStart)
            await session.MigrateAsync(ct);
        return session;
    }

    /// <returns>The migrations applied, workflow tables first, then the user register's.</returns>
    public Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct) =>
        Services.GetRequiredService<WorkflowDatabaseMigrator>().MigrateAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _root.DisposeAsync();
    }
}
