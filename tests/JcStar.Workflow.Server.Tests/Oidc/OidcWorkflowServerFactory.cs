using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Server.Tests.Oidc;

/// <summary>
/// The real workflow server on Kestrel at 127.0.0.1 and a random port, with OpenID Connect sign-in pointed at
/// <paramref name="authority"/> (plain http metadata allowed: the provider listens only on loopback).
/// </summary>
public sealed class OidcWorkflowServerFactory : WorkflowServerFactory
{
    private readonly Uri authority;

    public OidcWorkflowServerFactory(Uri authority)
    {
        this.authority = authority;
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Where the started server listens, ending in a slash.</summary>
    public Uri Address
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return new Uri(address.TrimEnd('/') + "/");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Authentication:Oidc:Authority", authority.ToString());
        builder.UseSetting("Authentication:Oidc:ClientId", OpenIdProvider.ClientId);
        builder.UseSetting("Authentication:Oidc:ClientSecret", OpenIdProvider.ClientSecret);
        builder.UseSetting("Authentication:Oidc:RequireHttpsMetadata", "false");
    }
}
