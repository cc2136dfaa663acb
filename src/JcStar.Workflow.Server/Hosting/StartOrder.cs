using JcStar.Workflow.Runtime.Hosting;

namespace JcStar.Workflow.Server.Hosting;

/// <summary>
/// Builds the service provider as the host's default does (scopes and the graph validated in Development), after two
/// changes to the order of the start that can only be made on the final list of services: everything registered later
/// (the web application adds its web host service last, at build; each AddDataProtection, the antiforgery's and identity's
/// among them, adds its hosted service back when it is missing) is in it by then.
/// <list type="bullet">
/// <item>The web host service (Kestrel, the request pipeline) starts right after the SQLite node lock, beside the rest
/// (<see cref="ServerStartBeside"/>; requests are held by <see cref="StartupGate"/>).</item>
/// <item>Data protection's hosted service, which reads the key ring from the database (building the access context's
/// model on the way), runs beside the rest of the start (<see cref="HostedServiceBeside"/>); the key ring is there before
/// the first request is served.</item>
/// </list>
/// </summary>
public sealed class StartOrder(IHostEnvironment environment) : IServiceProviderFactory<IServiceCollection>
{
    public const string WebHostService = "Microsoft.AspNetCore.Hosting.GenericWebHostService";
    public const string KeyRingLoader = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";

    public IServiceCollection CreateBuilder(IServiceCollection services) => services;

    public IServiceProvider CreateServiceProvider(IServiceCollection services)
    {
        Arrange(services);
        var validate = environment.IsDevelopment();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = validate, ValidateOnBuild = validate });
    }

    public static void Arrange(IServiceCollection services)
    {
        foreach (var loader in HostedOf(services, KeyRingLoader))
        {
            var type = loader.ImplementationType!;
            services[services.IndexOf(loader)] = ServiceDescriptor.Singleton<IHostedService>(sp => new HostedServiceBeside((IHostedService)ActivatorUtilities.CreateInstance(sp, type)));
        }
        foreach (var web in HostedOf(services, WebHostService))
        {
            var type = web.ImplementationType!;
            services.Remove(web);
            var nodeLock = services.ToList().FindIndex(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(SqliteSingleNode));
            var at = nodeLock >= 0 ? nodeLock + 1 : services.ToList().FindIndex(d => d.ServiceType == typeof(IHostedService));
            services.Insert(at < 0 ? services.Count : at,
                ServiceDescriptor.Singleton<IHostedService>(sp => new ServerStartBeside((IHostedService)ActivatorUtilities.CreateInstance(sp, type))));
        }
    }

    private static List<ServiceDescriptor> HostedOf(IServiceCollection services, string implementation) =>
        [.. services.Where(d => d.ServiceType == typeof(IHostedService) && !d.IsKeyedService && d.ImplementationType?.FullName == implementation)];
}
