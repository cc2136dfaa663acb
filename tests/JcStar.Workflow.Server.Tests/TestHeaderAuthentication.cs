using System.Security.Claims;
using System.Text.Encodings.Web;
using JcStar.Workflow.Server.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JcStar.Workflow.Server.Tests;

/// <summary>
/// Identity from headers, for the test host only (X-User, X-Roles, X-Groups, X-Org, X-Facility): no launch
/// profile or setting of the product can turn it on. Tests of sign-in itself use real users, cookies and tokens.
/// </summary>
public sealed class TestHeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestHeaders";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers["X-User"].ToString() is not { Length: > 0 } user)
            return Task.FromResult(AuthenticateResult.NoResult());
        var claims = new List<Claim> { new(ClaimTypes.Name, user), new(ClaimTypes.NameIdentifier, user) };
        claims.AddRange(Split("X-Groups").Select(g => new Claim(WorkflowClaims.Group, g)));
        claims.AddRange(Split("X-Roles").Select(r => new Claim(ClaimTypes.Role, r)));
        if (Request.Headers["X-Org"].ToString() is { Length: > 0 } org)
            claims.Add(new Claim(WorkflowClaims.Organization, org));
        if (Request.Headers["X-Facility"].ToString() is { Length: > 0 } facility)
            claims.Add(new Claim(WorkflowClaims.Facility, facility));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }

    private IEnumerable<string> Split(string header) =>
        Request.Headers[header].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
