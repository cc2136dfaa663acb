using JcStar.Workflow.Server.Identity;

namespace JcStar.Workflow.Server.Account;

/// <summary>
/// A person who must first change a given password, or (when staff must) set up two-factor sign-in, can do
/// nothing else until they have: pages send them to the page that does it, the API answers 403 saying so.
/// </summary>
public sealed class AccountRequirements(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated == true && !http.Request.Path.StartsWithSegments("/account") && !http.Request.Path.StartsWithSegments("/logout")
            && !http.Request.Path.StartsWithSegments("/assets"))
        {
            var (page, reason) = user.HasClaim(c => c.Type == WorkflowClaims.MustChangePassword) ? ("/account/password", "change the password you were given first (/account/password)")
                : user.HasClaim(c => c.Type == WorkflowClaims.MustSetUpTwoFactor) ? ("/account/2fa", "set up two-factor sign-in first (/account/2fa)")
                : (null, null);
            if (page is not null)
            {
                if (http.Request.Path.StartsWithSegments("/api"))
                {
                    http.Response.StatusCode = StatusCodes.Status403Forbidden;
                    await Results.Problem(title: "Forbidden", detail: reason, statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(http);
                    return;
                }
                http.Response.Redirect(page);
                return;
            }
        }
        await next(http);
    }
}
