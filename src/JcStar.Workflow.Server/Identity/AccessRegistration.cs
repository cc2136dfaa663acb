using System.Security.Cryptography.X509Certificates;
using System.Threading.RateLimiting;
using JcStar.Workflow.Identity;
using JcStar.Workflow.Identity.Model;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.PostgreSql;
using JcStar.Workflow.Persistence.Sqlite;
using JcStar.Workflow.Persistence.SqlServer;
using JcStar.Workflow.Server.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace JcStar.Workflow.Server.Identity;

public static class AccessRegistration
{
    public const string SignInRateLimit = "sign-in";
    private const string ChooseScheme = "jcstar";

    /// <summary>
    /// Who the caller is: people by cookie after signing in at /login (or through OpenID Connect when configured),
    /// programs by personal access token. Every endpoint needs one of them unless it says otherwise (/health, /login).
    /// </summary>
    public static WebApplicationBuilder AddWorkflowIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        var database = services.BuildResolvedDatabase(config);
        var access = config.GetSection(AccessOptions.Section).Get<AccessOptions>() ?? new AccessOptions();

        services.AddWorkflowUserRegister(config, options => ConfigureAccessDatabase(options, database))
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<WorkflowUserClaimsFactory>();
        services.AddHostedService<FirstAdministrator>();

        var authentication = services.AddAuthentication(o =>
            {
                o.DefaultScheme = ChooseScheme;
                o.DefaultChallengeScheme = ChooseScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddPolicyScheme(ChooseScheme, "cookie or token", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? AccessTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(AccessTokenAuthenticationHandler.SchemeName, null);
        authentication.AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/forbidden";
            o.ExpireTimeSpan = access.SessionIdleTimeout;
            o.SlidingExpiration = true;
            o.Cookie.Name = "jcstar.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.Events.OnRedirectToLogin = ApiAnswers(StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ApiAnswers(StatusCodes.Status403Forbidden);
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = access.SessionRevalidation);

        var oidc = config.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        services.Configure<OidcOptions>(config.GetSection(OidcOptions.Section));
        if (!string.IsNullOrWhiteSpace(oidc.Authority))
        {
            authentication.AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, oidc.DisplayName, o =>
            {
                o.Authority = oidc.Authority;
                o.ClientId = oidc.ClientId;
                o.ClientSecret = oidc.ClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.SaveTokens = false;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.MapInboundClaims = false;
                o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.CallbackPath = "/signin-oidc";
                o.Scope.Clear();
                foreach (var scope in oidc.Scopes)
                    o.Scope.Add(scope);
                o.ClaimActions.MapAll();
                // The correlation and nonce cookies carry the round trip to the provider; like the session cookie,
                // they are Secure-only outside Development (otherwise a plain-http development sign-in never returns).
                o.CorrelationCookie.SecurePolicy = o.NonceCookie.SecurePolicy =
                    builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            });
        }

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(WorkflowClaims.AdminPolicy, p => p.RequireRole(WorkflowClaims.AdminRole))
            .AddPolicy(WorkflowClaims.ProceduresPolicy, p => p.RequireRole(WorkflowClaims.AdminRole, SchemeRoles.SchemeManager));

        var keys = services.AddDataProtection().SetApplicationName("JcStar.Workflow").PersistKeysToDbContext<AccessDbContext>();
        if (config.GetValue<string>("DataProtection:CertificatePath") is { Length: > 0 } certificatePath)
            keys.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(certificatePath, config.GetValue<string>("DataProtection:CertificatePassword")));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, access.SignInAttemptsPerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "jcstar.antiforgery";
            o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        return builder;
    }

    /// <summary>
    /// Leaves out ASP.NET Core's per-endpoint authorization policy cache. It is built in the authorization middleware's
    /// constructor from its own reading of every endpoint, which builds each minimal-API handler's request delegate (an
    /// expression tree compiled per endpoint) a second time beside routing's reading at the first request: 0.15-0.2 s of
    /// the start on this machine. Without it the middleware combines an endpoint's policy per request (a few allocations).
    /// Called last before the app is built, since registrations added after it would bring the cache back.
    /// </summary>
    public static WebApplicationBuilder WithoutEndpointPolicyCache(this WebApplicationBuilder builder)
    {
        foreach (var descriptor in builder.Services.Where(d => d.ServiceType.FullName == "Microsoft.AspNetCore.Authorization.Policy.AuthorizationPolicyCache").ToList())
            builder.Services.Remove(descriptor);
        return builder;
    }

    public static void ConfigureAccessDatabase(Microsoft.EntityFrameworkCore.DbContextOptionsBuilder options, ResolvedDatabase database)
    {
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                SqliteAccessDatabase.Configure(options, database.ConnectionString);
                break;
            case DatabaseProvider.PostgreSql:
                PostgreSqlAccessDatabase.Configure(options, database.ConnectionString);
                break;
            case DatabaseProvider.SqlServer:
                SqlServerAccessDatabase.Configure(options, database.ConnectionString);
                break;
        }
    }

    private static ResolvedDatabase BuildResolvedDatabase(this IServiceCollection services, IConfiguration config) =>
        DatabaseRegistration.Resolve(config);

    /// <summary>The API answers with a status, never a redirect to the sign-in page.</summary>
    private static Func<Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions>, Task> ApiAnswers(int status) => context =>
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hangfire"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    };
}
