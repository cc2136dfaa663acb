using System.Text.Encodings.Web;
using JcStar.Workflow.Identity.Administration;
using JcStar.Workflow.Identity.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace JcStar.Workflow.Server.Identity;

/// <summary>
/// Personal access tokens for programs: <c>Authorization: Bearer jcs_…</c>. The token's hash is looked up; an
/// unknown, expired or revoked token, or one of a disabled user, fails (401), and the attempt is recorded.
/// </summary>
public sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessAdministration administration,
    IUserClaimsPrincipalFactory<WorkflowUser> claims)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var secret = header["Bearer ".Length..].Trim();
        var user = await administration.UserOfTokenAsync(secret, Context.RequestAborted);
        if (user is null)
        {
            await administration.RecordSignInAsync("(token)", Context.Connection.RemoteIpAddress?.ToString(), "token", false, "unknown, expired or revoked token", Context.RequestAborted);
            return AuthenticateResult.Fail("the access token is unknown, expired or revoked");
        }
        var principal = await claims.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
