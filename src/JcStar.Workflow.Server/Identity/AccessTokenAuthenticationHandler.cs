using System.Text.Encodings.Web;
using JcStar.Workflow.Identity.Administration;
using JcStar.Workflow.Identity.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace JcStar.Workflow.Server.Identity;

/// <summary>
/// Personal access tokens for programs: <c>Authorization: Bearer jcs_…</c>. The token's hash is looked up; an
/// unknown, expired or revoked token, or one of a disabled user, fails (401), and the attempt is recorded. A token
/// that worked is remembered on this node like a signed-in session (<see cref="AccessTokenSessions"/>).
/// </summary>
public sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessAdministration administration,
    IUserClaimsPrincipalFactory<WorkflowUser> claims,
    AccessTokenSessions sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var secret = header["Bearer ".Length..].Trim();
        var hash = AccessAdministration.Hash(secret);
        if (sessions.Find(hash) is { } remembered)
            return AuthenticateResult.Success(new AuthenticationTicket(remembered, SchemeName));
        var found = await administration.TokenUserAsync(secret, Context.RequestAborted);
        if (found is null)
        {
            await administration.RecordSignInAsync("(token)", Context.Connection.RemoteIpAddress?.ToString(), "token", false, "unknown, expired or revoked token", Context.RequestAborted);
            return AuthenticateResult.Fail("the access token is unknown, expired or revoked");
        }
        var principal = await claims.CreateAsync(found.User);
        sessions.Remember(hash, principal, found.ExpiresAt);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
