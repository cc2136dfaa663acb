using System.Security.Claims;
using System.Text;
using JcStar.Workflow.Identity;
using JcStar.Workflow.Identity.Administration;
using JcStar.Workflow.Identity.Model;
using JcStar.Workflow.Server.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static JcStar.Workflow.Server.Account.Html;

namespace JcStar.Workflow.Server.Account;

/// <summary>
/// Signing in and out, choosing one's own password, two-factor sign-in, and OpenID Connect. Every attempt is
/// recorded (who, when, from where, how, whether it worked; never the password) and the sign-in posts are rate-limited.
/// </summary>
public static class AccountEndpoints
{
    public static WebApplication MapAccountPages(this WebApplication app)
    {
        app.MapGet("/assets/account.css", () => Results.Text(Css, "text/css; charset=utf-8")).AllowAnonymous();
        app.MapGet("/login", (HttpContext http, IAntiforgery antiforgery, IOptions<OidcOptions> oidc, string? returnUrl, string? error) =>
            LoginPage(http, antiforgery, oidc.Value, returnUrl, error, null)).AllowAnonymous();
        app.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(AccessRegistration.SignInRateLimit).DisableAntiforgery();
        app.MapGet("/login/2fa", (HttpContext http, IAntiforgery antiforgery, string? returnUrl) => TwoFactorPage(http, antiforgery, returnUrl, null)).AllowAnonymous();
        app.MapPost("/login/2fa", TwoFactorAsync).AllowAnonymous().RequireRateLimiting(AccessRegistration.SignInRateLimit).DisableAntiforgery();
        app.MapGet("/logout", (HttpContext http, IAntiforgery antiforgery) => Page("サインアウト", $"""
            <h1>サインアウト <span lang="en">Sign out</span></h1>
            <form method="post" action="/logout">{Antiforgery(http, antiforgery)}<button type="submit">サインアウト (Sign out)</button></form>
            """)).AllowAnonymous();
        app.MapPost("/logout", async (HttpContext http, IAntiforgery antiforgery, SignInManager<WorkflowUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
                return Results.BadRequest();
            await signIn.SignOutAsync();
            return Results.Redirect("/login");
        }).AllowAnonymous().DisableAntiforgery();

        app.MapGet("/account/password", (HttpContext http, IAntiforgery antiforgery) => PasswordPage(http, antiforgery, null));
        app.MapPost("/account/password", ChangePasswordAsync).DisableAntiforgery();
        app.MapGet("/account/2fa", TwoFactorSetupPageAsync);
        app.MapPost("/account/2fa", EnableTwoFactorAsync).DisableAntiforgery();

        app.MapGet("/login/external", (string? returnUrl, SignInManager<WorkflowUser> signIn) =>
        {
            var properties = signIn.ConfigureExternalAuthenticationProperties(OpenIdConnectDefaults.AuthenticationScheme, $"/login/external/callback?returnUrl={Uri.EscapeDataString(LocalOnly(returnUrl))}");
            return Results.Challenge(properties, [OpenIdConnectDefaults.AuthenticationScheme]);
        }).AllowAnonymous();
        app.MapGet("/login/external/callback", ExternalCallbackAsync).AllowAnonymous();
        return app;
    }

    private static IResult LoginPage(HttpContext http, IAntiforgery antiforgery, OidcOptions oidc, string? returnUrl, string? error, string? userName, int status = 200)
    {
        var external = string.IsNullOrWhiteSpace(oidc.Authority) ? "" : $"""
            <p class="note">または <span lang="en">or</span></p>
            <a href="/login/external?returnUrl={E(Uri.EscapeDataString(LocalOnly(returnUrl)))}">{E(oidc.DisplayName)}でサインイン</a>
            """;
        return Page("サインイン", $"""
            <h1>サインイン <span lang="en">Sign in</span></h1>
            {Error(error)}
            <form method="post" action="/login">
            {Antiforgery(http, antiforgery)}
            <input type="hidden" name="returnUrl" value="{E(LocalOnly(returnUrl))}">
            <label for="userName">ユーザー名<span lang="en">User name</span></label>
            <input type="text" id="userName" name="userName" aria-label="User name" autocomplete="username" required value="{E(userName)}">
            <label for="password">パスワード<span lang="en">Password</span></label>
            <input type="password" id="password" name="password" aria-label="Password" autocomplete="current-password" required>
            <button type="submit">サインイン <span lang="en">Sign in</span></button>
            </form>
            {external}
            """, status);
    }

    private static async Task<IResult> LoginAsync(
        HttpContext http, IAntiforgery antiforgery, SignInManager<WorkflowUser> signIn, AccessAdministration administration, IOptions<OidcOptions> oidc,
        [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return LoginPage(http, antiforgery, oidc.Value, returnUrl, "ページの有効期限が切れました。もう一度お試しください。(The page expired; please try again.)", userName, 400);
        var name = userName?.Trim() ?? "";
        var from = http.Connection.RemoteIpAddress?.ToString();
        if (name.Length == 0 || string.IsNullOrEmpty(password))
            return LoginPage(http, antiforgery, oidc.Value, returnUrl, "ユーザー名とパスワードを入力してください。(Enter your user name and password.)", name, 400);

        var user = await signIn.UserManager.FindByNameAsync(name);
        if (user is { IsDisabled: true })
        {
            await administration.RecordSignInAsync(name, from, "password", false, "disabled", http.RequestAborted);
            return LoginPage(http, antiforgery, oidc.Value, returnUrl, "このアカウントは無効にされています。管理者にお問い合わせください。(This account is disabled.)", name, 403);
        }
        var result = await signIn.PasswordSignInAsync(name, password, isPersistent: false, lockoutOnFailure: true);
        var reason = result.Succeeded ? null : result.IsLockedOut ? "locked out" : result.RequiresTwoFactor ? "second factor required" : result.IsNotAllowed ? "not allowed" : "wrong user name or password";
        await administration.RecordSignInAsync(name, from, "password", result.Succeeded, reason, http.RequestAborted);
        if (result.RequiresTwoFactor)
            return Results.Redirect($"/login/2fa?returnUrl={Uri.EscapeDataString(LocalOnly(returnUrl))}");
        if (result.IsLockedOut)
            return LoginPage(http, antiforgery, oidc.Value, returnUrl, "サインインの失敗が続いたため、しばらくの間ロックされています。(Too many failed attempts: the account is locked for a while.)", name, 403);
        if (result.IsNotAllowed)
            return LoginPage(http, antiforgery, oidc.Value, returnUrl, "このアカウントはまだ使えません。メールアドレスの確認、または事務局の承認をお待ちください。(This account is not active yet: confirm your e-mail address, or wait for the office to approve your organization.)", name, 403);
        if (!result.Succeeded)
            return LoginPage(http, antiforgery, oidc.Value, returnUrl, "ユーザー名またはパスワードが違います。(Wrong user name or password.)", name, 401);
        return Results.Redirect(user!.MustChangePassword ? "/account/password" : LocalOnly(returnUrl));
    }

    private static IResult TwoFactorPage(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? error, int status = 200) =>
        Page("確認コード", $"""
            <h1>確認コード <span lang="en">Verification code</span></h1>
            {Error(error)}
            <p class="note">認証アプリに表示されている6桁のコードを入力してください。</p>
            <form method="post" action="/login/2fa">
            {Antiforgery(http, antiforgery)}
            <input type="hidden" name="returnUrl" value="{E(LocalOnly(returnUrl))}">
            <label for="code">確認コード<span lang="en">Code</span></label>
            <input type="text" id="code" name="code" aria-label="Code" inputmode="numeric" autocomplete="one-time-code" required>
            <button type="submit">確認 <span lang="en">Verify</span></button>
            </form>
            """, status);

    private static async Task<IResult> TwoFactorAsync(HttpContext http, IAntiforgery antiforgery, SignInManager<WorkflowUser> signIn, AccessAdministration administration,
        [FromForm] string? code, [FromForm] string? returnUrl)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return TwoFactorPage(http, antiforgery, returnUrl, "ページの有効期限が切れました。(The page expired.)", 400);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
            return Results.Redirect("/login");
        var result = await signIn.TwoFactorAuthenticatorSignInAsync((code ?? "").Replace(" ", ""), isPersistent: false, rememberClient: false);
        await administration.RecordSignInAsync(user.UserName!, http.Connection.RemoteIpAddress?.ToString(), "totp", result.Succeeded, result.Succeeded ? null : "wrong code", http.RequestAborted);
        if (!result.Succeeded)
            return TwoFactorPage(http, antiforgery, returnUrl, result.IsLockedOut ? "ロックされています。(Locked out.)" : "コードが違います。(Wrong code.)", 401);
        return Results.Redirect(user.MustChangePassword ? "/account/password" : LocalOnly(returnUrl));
    }

    private static IResult PasswordPage(HttpContext http, IAntiforgery antiforgery, string? error, int status = 200) =>
        Page("パスワードの設定", $"""
            <h1>パスワードの設定 <span lang="en">Choose your password</span></h1>
            {Error(error)}
            <form method="post" action="/account/password">
            {Antiforgery(http, antiforgery)}
            <label for="current">現在のパスワード<span lang="en">Current password</span></label>
            <input type="password" id="current" name="current" aria-label="Current password" autocomplete="current-password" required>
            <label for="new">新しいパスワード<span lang="en">New password</span></label>
            <input type="password" id="new" name="new" aria-label="New password" autocomplete="new-password" required>
            <label for="confirm">新しいパスワード（確認）<span lang="en">Confirm new password</span></label>
            <input type="password" id="confirm" name="confirm" aria-label="Confirm new password" autocomplete="new-password" required>
            <button type="submit">変更する <span lang="en">Change password</span></button>
            </form>
            """, status);

    private static async Task<IResult> ChangePasswordAsync(HttpContext http, IAntiforgery antiforgery, SignInManager<WorkflowUser> signIn,
        [FromForm] string? current, [FromForm(Name = "new")] string? next, [FromForm] string? confirm)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return PasswordPage(http, antiforgery, "ページの有効期限が切れました。(The page expired.)", 400);
        var user = await signIn.UserManager.GetUserAsync(http.User);
        if (user is null)
            return Results.Redirect("/login");
        if (string.IsNullOrEmpty(next) || next != confirm)
            return PasswordPage(http, antiforgery, "新しいパスワードと確認が一致しません。(The new password and its confirmation differ.)", 400);
        if (next == current)
            return PasswordPage(http, antiforgery, "新しいパスワードは現在のものと違うものにしてください。(Choose a password different from the current one.)", 400);
        var result = await signIn.UserManager.ChangePasswordAsync(user, current ?? "", next);
        if (!result.Succeeded)
            return PasswordPage(http, antiforgery, string.Join(" ", result.Errors.Select(e => e.Description)), 400);
        user.MustChangePassword = false;
        await signIn.UserManager.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        return Results.Redirect("/");
    }

    private static async Task<IResult> TwoFactorSetupPageAsync(HttpContext http, IAntiforgery antiforgery, UserManager<WorkflowUser> users) =>
        await TwoFactorSetupAsync(http, antiforgery, users, null);

    private static async Task<IResult> TwoFactorSetupAsync(HttpContext http, IAntiforgery antiforgery, UserManager<WorkflowUser> users, string? error, int status = 200)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null)
            return Results.Redirect("/login");
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        var uri = $"otpauth://totp/{Uri.EscapeDataString("JC-STAR")}:{Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer={Uri.EscapeDataString("JC-STAR")}&digits=6";
        return Page("2段階認証の設定", $"""
            <h1>2段階認証の設定 <span lang="en">Two-factor sign-in</span></h1>
            {Error(error)}
            <p class="note">{(user.TwoFactorEnabled ? "2段階認証は有効です。" : "認証アプリにこのキーを登録し、表示されたコードを入力してください。")}</p>
            <p>キー <span lang="en">Key</span>: <code>{E(key)}</code></p>
            <p class="note"><code>{E(uri)}</code></p>
            <form method="post" action="/account/2fa">
            {Antiforgery(http, antiforgery)}
            <label for="code">確認コード<span lang="en">Code</span></label>
            <input type="text" id="code" name="code" aria-label="Code" inputmode="numeric" autocomplete="one-time-code" required>
            <button type="submit">有効にする <span lang="en">Enable two-factor sign-in</span></button>
            </form>
            """, status);
    }

    private static async Task<IResult> EnableTwoFactorAsync(HttpContext http, IAntiforgery antiforgery, SignInManager<WorkflowUser> signIn, [FromForm] string? code)
    {
        var users = signIn.UserManager;
        if (!await antiforgery.IsRequestValidAsync(http))
            return await TwoFactorSetupAsync(http, antiforgery, users, "ページの有効期限が切れました。(The page expired.)", 400);
        var user = await users.GetUserAsync(http.User);
        if (user is null)
            return Results.Redirect("/login");
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, (code ?? "").Replace(" ", ""));
        if (!valid)
            return await TwoFactorSetupAsync(http, antiforgery, users, "コードが違います。(Wrong code.)", 400);
        await users.SetTwoFactorEnabledAsync(user, true);
        await signIn.RefreshSignInAsync(user);
        return Results.Redirect("/");
    }

    /// <summary>
    /// After the OpenID provider: the local user for that provider account (created at first sign-in), with the
    /// roles and organization the provider's claims carry (settings name the claims), then the usual session.
    /// </summary>
    private static async Task<IResult> ExternalCallbackAsync(HttpContext http, SignInManager<WorkflowUser> signIn, AccessAdministration administration,
        AccessDbContext db, IOptions<OidcOptions> oidcOptions, string? returnUrl)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        var from = http.Connection.RemoteIpAddress?.ToString();
        if (info is null)
            return Results.Redirect("/login?error=" + Uri.EscapeDataString("外部サインインに失敗しました。(The external sign-in failed.)"));
        var oidc = oidcOptions.Value;
        var principal = info.Principal;
        var name = principal.FindFirstValue(oidc.UserNameClaim) ?? principal.FindFirstValue("sub") ?? info.ProviderKey;
        var roles = principal.FindAll(oidc.RoleClaim).SelectMany(c => ClaimValues(c.Value))
            .Where(SchemeRoles.IsKnown).Distinct(StringComparer.Ordinal).ToList();
        var orgClaim = principal.FindFirstValue(oidc.OrganizationClaim);
        var organization = orgClaim is null ? null
            : await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgClaim || o.CorporateNumber == orgClaim, http.RequestAborted);

        var users = signIn.UserManager;
        var user = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        if (user is null)
        {
            if (roles.Count == 0)
            {
                await administration.RecordSignInAsync(name, from, "oidc", false, "no role claim", http.RequestAborted);
                return Results.Redirect("/login?error=" + Uri.EscapeDataString("このアカウントには役割が割り当てられていません。(The account carries no role.)"));
            }
            try
            {
                user = (await administration.CreateUserAsync(new NewUser(name, roles[0], organization?.Id, principal.FindFirstValue("email"), Password: null)
                {
                    DisplayName = principal.FindFirstValue("name") ?? name,
                }, http.RequestAborted)).User;
            }
            catch (JcStar.Workflow.Runtime.WorkflowInputException e)
            {
                // Say why, not only that: the person (and whoever reads the record) must learn what the provider has to send.
                var reasons = e.Errors.SelectMany(field => field.Value).ToList();
                if (orgClaim is not null && organization is null)
                    reasons.Insert(0, $"the organization '{orgClaim}' that the provider names is not registered here");
                var message = reasons.Count == 0 ? e.Message : $"{e.Message}: {string.Join("; ", reasons)}";
                await administration.RecordSignInAsync(name, from, "oidc", false, "refused: " + message, http.RequestAborted);
                return Results.Redirect("/login?error=" + Uri.EscapeDataString(message));
            }
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
            await users.RemovePasswordAsync(user);
            await users.AddLoginAsync(user, info);
        }
        if (user.IsDisabled)
        {
            await administration.RecordSignInAsync(user.UserName!, from, "oidc", false, "disabled", http.RequestAborted);
            return Results.Redirect("/login?error=" + Uri.EscapeDataString("このアカウントは無効にされています。(This account is disabled.)"));
        }
        // The provider is the source of truth for who the person is: roles and organization follow its claims at each sign-in.
        var current = await users.GetRolesAsync(user);
        if (roles.Count > 0)
        {
            await users.RemoveFromRolesAsync(user, current.Except(roles));
            await users.AddToRolesAsync(user, roles.Except(current));
        }
        if (organization is not null && user.OrganizationId != organization.Id)
        {
            user.OrganizationId = organization.Id;
            await users.UpdateAsync(user);
        }
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: "oidc");
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        await administration.RecordSignInAsync(user.UserName!, from, "oidc", true, null, http.RequestAborted);
        return Results.Redirect(LocalOnly(returnUrl));
    }

    /// <summary>
    /// One claim's values: the ID token gives one claim per value, but a list from userinfo arrives as one claim
    /// holding its JSON text (["a","b"]); some providers send "a,b".
    /// </summary>
    private static IEnumerable<string> ClaimValues(string value)
    {
        if (value.StartsWith('['))
        {
            try
            {
                using var list = System.Text.Json.JsonDocument.Parse(value);
                if (list.RootElement.ValueKind == System.Text.Json.JsonValueKind.Array)
                    return [.. list.RootElement.EnumerateArray().Where(e => e.ValueKind == System.Text.Json.JsonValueKind.String).Select(e => e.GetString()!.Trim())];
            }
            catch (System.Text.Json.JsonException)
            {
                // Not JSON after all: read it as a comma-separated list below.
            }
        }
        return value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Only an address on this site: a sign-in page must never send anyone elsewhere (open redirect).</summary>
    public static string LocalOnly(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
