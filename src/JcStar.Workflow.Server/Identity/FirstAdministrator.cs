using JcStar.Workflow.Identity;
using JcStar.Workflow.Identity.Administration;
using JcStar.Workflow.Runtime.Hosting;
using Microsoft.Extensions.Options;

namespace JcStar.Workflow.Server.Identity;

/// <summary>
/// On a database with no users: creates the administrator <c>admin</c> and says once, in the log, how to sign in
/// (a one-time password, or the one from Authentication:InitialAdminPassword), to be changed at first sign-in.
/// Registered after the migration, so the tables exist; runs beside the rest of the start (<see cref="StartWorkBeside"/>).
/// </summary>
public sealed class FirstAdministrator(IServiceProvider services, IOptions<AccessOptions> options, Microsoft.AspNetCore.Hosting.Server.IServer server, IHostApplicationLifetime lifetime, ILogger<FirstAdministrator> logger)
    : StartWorkBeside(services)
{
    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<AccessAdministration>();
        var (created, oneTime) = await administration.EnsureFirstAdministratorAsync(options.Value.InitialAdminPassword, cancellationToken);
        if (!created)
            return;
        // Said once the server listens, so the address is known and the line is the last of the start-up log.
        lifetime.ApplicationStarted.Register(() =>
        {
            var where = server.Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "";
            if (oneTime is not null)
                logger.LogWarning("First start: sign in at {Url}/login as 'admin' with the one-time password {Password} (shown only now; you will choose your own at first sign-in)", where, oneTime);
            else
                logger.LogWarning("First start: sign in at {Url}/login as 'admin' with the password from Authentication:InitialAdminPassword; you will choose your own at first sign-in", where);
        });
    }

}
