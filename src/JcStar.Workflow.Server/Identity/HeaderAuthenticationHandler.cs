using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace JcStar.Workflow.Server.Identity;

/// <summary>
/// Development identity from headers: X-User (id), X-Groups and X-Roles (comma-separated). Enabled
/// only by configuration; a real identity provider replaces this scheme without touching the endpoints.
/// </summary>
public sealed class HeaderAuthenticationHandler(IOptionsMonitor<HeaderAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<HeaderAuthenticationOptions>(options, logger, encoder)
{
    public const string SchemeName = "Headers";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Options.Enabled || Request.Headers["X-User"].ToString() is not { Length: > 0 } user)
            return Task.FromResult(AuthenticateResult.NoResult());
        var claims = new List<Claim> { new(ClaimTypes.Name, user), new(ClaimTypes.NameIdentifier, user) };
        claims.AddRange(Split("X-Groups").Select(g => new Claim(WorkflowClaims.Group, g)));
        claims.AddRange(Split("X-Roles").Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    private IEnumerable<string> Split(string header) =>
        Request.Headers[header].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
