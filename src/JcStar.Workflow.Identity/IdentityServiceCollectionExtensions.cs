using JcStar.Workflow.Identity.Administration;
using JcStar.Workflow.Identity.Model;
using JcStar.Workflow.Runtime.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JcStar.Workflow.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// The user register (ASP.NET Core Identity on EF Core, in the workflow database), organizations, tokens and
    /// the runtime's actor directory. <paramref name="configure"/> picks the provider, as for the workflow stores.
    /// Returns the Identity builder so a web host can add its sign-in manager.
    /// </summary>
    public static IdentityBuilder AddWorkflowUserRegister(this IServiceCollection services, IConfiguration configuration, Action<DbContextOptionsBuilder> configure)
    {
        var options = configuration.GetSection(AccessOptions.Section).Get<AccessOptions>() ?? new AccessOptions();
        services.Configure<AccessOptions>(configuration.GetSection(AccessOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AccessTokenSessions>();
        services.AddSingleton<AccessChangeInterceptor>();
        // The options are built once (singleton), not per request: building them clones every extension of the provider's
        // configuration, which showed in the profile of each page under load.
        services.AddDbContext<AccessDbContext>((provider, builder) =>
        {
            configure(builder);
            builder.AddInterceptors(provider.GetRequiredService<AccessChangeInterceptor>());
        }, contextLifetime: ServiceLifetime.Scoped, optionsLifetime: ServiceLifetime.Singleton);
        services.AddScoped<AccessAdministration>();
        services.AddScoped<WorkflowActors>();
        services.AddScoped<SignUp.OrganizationSignUps>();
        services.AddScoped<IUserConfirmation<WorkflowUser>, SignUp.OrganizationUserConfirmation>();
        services.RemoveAll<IActorDirectory>();
        services.AddSingleton<IActorDirectory, IdentityActorDirectory>();
        return services.AddIdentityCore<WorkflowUser>(o =>
            {
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
                o.Password.RequiredLength = options.Password.RequiredLength;
                o.Password.RequireDigit = options.Password.RequireDigit;
                o.Password.RequireLowercase = options.Password.RequireLowercase;
                o.Password.RequireUppercase = options.Password.RequireUppercase;
                o.Password.RequireNonAlphanumeric = options.Password.RequireNonAlphanumeric;
                o.Lockout.MaxFailedAccessAttempts = options.Lockout.MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = options.Lockout.Duration;
                o.Lockout.AllowedForNewUsers = true;
                // Self-registered users sign in only once their address is confirmed and their organization approved (OrganizationUserConfirmation).
                o.SignIn.RequireConfirmedAccount = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AccessDbContext>()
            .AddTokenProvider<AuthenticatorTokenProvider<WorkflowUser>>(TokenOptions.DefaultAuthenticatorProvider);
    }
}
