using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace JcStar.Workflow.Server.Tests.Oidc;

/// <summary>
/// A real OpenID provider (OpenIddict) on Kestrel at 127.0.0.1 and a random port: authorization code flow with
/// PKCE, userinfo, ephemeral keys, plain http allowed because it only listens on loopback. Its authorize endpoint
/// signs in <see cref="Account"/> without asking, as a provider does for someone already signed in there.
/// </summary>
public sealed class OpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "jcstar-workflow";
    public const string ClientSecret = "test-client-secret-0f3c9a";

    private readonly WebApplication app;

    private OpenIdProvider(WebApplication app, Uri authority)
    {
        this.app = app;
        Authority = authority;
    }

    /// <summary>The issuer, ending in a slash: what the workflow server's Authentication:Oidc:Authority names.</summary>
    public Uri Authority { get; }

    /// <summary>Who the next authorization request signs in.</summary>
    public ProviderAccount Account { get; set; } = new("subject-0", "nobody", "Nobody", "nobody@example.invalid", [], null);

    /// <summary>False: roles travel only in the access token and so reach the client only through userinfo (as with providers that keep the ID token small).</summary>
    public bool RolesInIdentityToken { get; set; } = true;

    /// <summary>How many times the authorize endpoint issued a code: proof the sign-in went through this provider.</summary>
    public int Authorizations { get; private set; }

    public static async Task<OpenIdProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var store = "openid-provider-" + Guid.NewGuid().ToString("N");
        builder.Services.AddDbContext<ProviderDbContext>(o =>
        {
            o.UseInMemoryDatabase(store);
            o.UseOpenIddict();
        });
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ProviderDbContext>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });
        builder.Services.AddAuthentication();
        builder.Services.AddRouting();

        var app = builder.Build();
        app.UseRouting();
        app.UseAuthentication();
        OpenIdProvider? provider = null;
        app.MapMethods("/connect/authorize", ["GET", "POST"], (HttpContext http) => provider!.Authorize(http));
        app.MapMethods("/connect/userinfo", ["GET", "POST"], (Delegate)UserInfoAsync);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        provider = new OpenIdProvider(app, new Uri(address.TrimEnd('/') + "/"));
        return provider;
    }

    /// <summary>Registers the workflow server as a confidential client that must use PKCE, returning to its /signin-oidc.</summary>
    public async Task RegisterClientAsync(Uri workflowServer)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "JC-STAR workflow",
            RedirectUris = { new Uri(workflowServer, "/signin-oidc") },
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Email,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    private IResult Authorize(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
        var account = Account;
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, account.Subject));
        identity.AddClaim(new Claim(Claims.PreferredUsername, account.UserName));
        identity.AddClaim(new Claim(Claims.Name, account.Name));
        identity.AddClaim(new Claim(Claims.Email, account.Email));
        foreach (var role in account.Roles)
            identity.AddClaim(new Claim("roles", role));
        if (account.Organization is not null)
            identity.AddClaim(new Claim("org", account.Organization));
        identity.SetScopes(request.GetScopes());
        // Every claim goes into both tokens, as providers that emit app roles in the ID token do, unless roles are kept to userinfo.
        var rolesInIdentityToken = RolesInIdentityToken;
        identity.SetDestinations(c => c.Type == "roles" && !rolesInIdentityToken ? [Destinations.AccessToken] : [Destinations.AccessToken, Destinations.IdentityToken]);
        Authorizations++;
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>Userinfo answers from the access token's own claims.</summary>
    private static async Task<IResult> UserInfoAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal is not { } principal)
            return Results.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [Claims.Subject] = principal.GetClaim(Claims.Subject)!,
            [Claims.PreferredUsername] = principal.GetClaim(Claims.PreferredUsername)!,
            [Claims.Name] = principal.GetClaim(Claims.Name)!,
            [Claims.Email] = principal.GetClaim(Claims.Email)!,
        };
        var roles = principal.GetClaims("roles");
        if (roles.Length > 0)
            claims["roles"] = roles;
        if (principal.GetClaim("org") is { } org)
            claims["org"] = org;
        return Results.Ok(claims);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
