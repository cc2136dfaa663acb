using System.Threading.RateLimiting;
using JcStar.Workflow.Identity.SignUp;
using JcStar.Workflow.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace JcStar.Workflow.Server.Web.Portal;

/// <summary>
/// Organizations registering themselves (/signup, confirmed by a mailed link at /signup/confirm), colleagues
/// accepting an invitation (/invitation), and the services of the applicant portal's pages (/portal…). The forms
/// post here with anti-forgery tokens; sign-ups and invitations are rate-limited per address.
/// </summary>
public static class PortalEndpoints
{
    public const string SignUpRateLimit = "portal-sign-up";

    public static WebApplicationBuilder AddApplicantPortal(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        builder.Services.AddSingleton(options);
        builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = options.LinkValidity);
        builder.Services.AddScoped<PortalMail>();
        builder.Services.AddScoped<ApplicantDesk>();
        builder.Services.AddSingleton<ApplicationDrafts>();
        builder.Services.AddRateLimiter(o => o.AddPolicy(SignUpRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, options.SignUpsPerHour), Window = TimeSpan.FromHours(1), QueueLimit = 0 })));
        return builder;
    }

    public static WebApplication MapApplicantPortal(this WebApplication app)
    {
        app.MapGet("/signup", (HttpRequest request) => Page<SignUpPage>(request, new() { ["Form"] = new SignUpRequest(null, null, null, null, null, null, null, null, null) })).AllowAnonymous();
        app.MapPost("/signup", SignUpAsync).AllowAnonymous().RequireRateLimiting(SignUpRateLimit);
        app.MapGet("/signup/sent", (HttpRequest request) => Page<SignUpSentPage>(request, [])).AllowAnonymous();
        app.MapGet("/signup/confirm", (HttpRequest request, string? user, string? token) =>
            Page<SignUpConfirmPage>(request, new() { ["UserId"] = user, ["Token"] = token })).AllowAnonymous();
        app.MapPost("/signup/confirm", ConfirmAsync).AllowAnonymous().RequireRateLimiting(SignUpRateLimit);
        app.MapGet("/invitation", InvitationPageAsync).AllowAnonymous();
        app.MapPost("/invitation", AcceptInvitationAsync).AllowAnonymous().RequireRateLimiting(SignUpRateLimit);
        return app;
    }

    private static async Task<IResult> SignUpAsync(
        [FromForm(Name = "companyName")] string? companyName, [FromForm(Name = "corporateNumber")] string? corporateNumber,
        [FromForm(Name = "postalCode")] string? postalCode, [FromForm(Name = "address")] string? address,
        [FromForm(Name = "contactName")] string? contactName, [FromForm(Name = "contactPhone")] string? contactPhone,
        [FromForm(Name = "email")] string? email, [FromForm(Name = "password")] string? password, [FromForm(Name = "passwordConfirmation")] string? passwordConfirmation,
        HttpRequest request, OrganizationSignUps signUps, PortalMail mail, PortalOptions options, CancellationToken ct)
    {
        var form = new SignUpRequest(companyName, corporateNumber, postalCode, address, contactName, contactPhone, email, password, passwordConfirmation);
        try
        {
            var pending = await signUps.SignUpAsync(form, options.RequireApproval, ct);
            await mail.SendConfirmationAsync(pending, request, ct);
            return Results.Redirect("/signup/sent");
        }
        catch (WorkflowInputException e)
        {
            // The passwords are never sent back into the page.
            return Page<SignUpPage>(request, new() { ["Form"] = form with { Password = null, PasswordConfirmation = null }, ["Errors"] = e.Errors }, StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>A button on the page, not the link itself, confirms: mail scanners that fetch links must not confirm addresses.</summary>
    private static async Task<IResult> ConfirmAsync([FromForm(Name = "user")] string? user, [FromForm(Name = "token")] string? token, HttpRequest request, OrganizationSignUps signUps, CancellationToken ct)
    {
        var outcome = await signUps.ConfirmEmailAsync(user, PortalMail.Decode(token), ct);
        return Page<SignUpConfirmPage>(request, new() { ["UserId"] = user, ["Token"] = token, ["Outcome"] = outcome },
            outcome == ConfirmationOutcome.Invalid ? StatusCodes.Status404NotFound : StatusCodes.Status200OK);
    }

    private static async Task<IResult> InvitationPageAsync(HttpRequest request, string? user, string? token, OrganizationSignUps signUps)
    {
        var invited = await signUps.InvitedUserAsync(user, PortalMail.Decode(token));
        return Page<InvitationPage>(request, new() { ["UserId"] = user, ["Token"] = token, ["UserName"] = invited?.UserName },
            invited is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK);
    }

    private static async Task<IResult> AcceptInvitationAsync(
        [FromForm(Name = "user")] string? user, [FromForm(Name = "token")] string? token,
        [FromForm(Name = "password")] string? password, [FromForm(Name = "passwordConfirmation")] string? confirmation,
        HttpRequest request, OrganizationSignUps signUps, CancellationToken ct)
    {
        var decoded = PortalMail.Decode(token);
        try
        {
            await signUps.AcceptInvitationAsync(user, decoded, password, confirmation, ct);
            return Page<InvitationPage>(request, new() { ["UserId"] = user, ["Token"] = token, ["Accepted"] = true });
        }
        catch (WorkflowNotFoundException)
        {
            return Page<InvitationPage>(request, new() { ["UserId"] = user, ["Token"] = token }, StatusCodes.Status404NotFound);
        }
        catch (WorkflowInputException e)
        {
            var invited = await signUps.InvitedUserAsync(user, decoded);
            return Page<InvitationPage>(request, new() { ["UserId"] = user, ["Token"] = token, ["UserName"] = invited?.UserName, ["Errors"] = e.Errors }, StatusCodes.Status400BadRequest);
        }
    }

    private static RazorComponentResult<T> Page<T>(HttpRequest request, Dictionary<string, object?> parameters, int status = StatusCodes.Status200OK)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        parameters["ReturnUrl"] = request.Path + request.QueryString;
        return new RazorComponentResult<T>(parameters) { StatusCode = status };
    }
}
