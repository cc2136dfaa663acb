using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using JcStar.Workflow.Identity.Administration;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Server.Tests.Access;

/// <summary>People sign in with a password at /login (cookie), programs with tokens; lockout, disabled users, expired and revoked tokens.</summary>
public sealed class SignInTests(WorkflowServerFactory server) : IClassFixture<WorkflowServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Browser() => server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string user, string password)
    {
        var page = await browser.GetStringAsync("/login");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        return await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["userName"] = user, ["password"] = password, ["returnUrl"] = "/",
        }), Ct);
    }

    private async Task<string> UserAsync(string name, string password = "Good-Password-2026")
    {
        await using var scope = server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccessAdministration>().CreateUserAsync(new NewUser(name, "label-issuing-staff", Password: password), Ct);
        return password;
    }

    [Fact]
    public async Task Every_api_call_without_credentials_is_401_and_health_and_the_sign_in_page_are_open()
    {
        var anonymous = Browser();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health", Ct)).StatusCode);
        var login = await anonymous.GetAsync("/login", Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var html = await login.Content.ReadAsStringAsync(Ct);
        Assert.Contains("aria-label=\"User name\"", html);
        Assert.Contains("aria-label=\"Password\"", html);
        Assert.Contains("<span lang=\"en\">Sign in</span></button>", html);
        Assert.Contains("default-src 'self'", login.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task A_person_signs_in_with_a_password_and_the_session_cookie_is_http_only()
    {
        var password = await UserAsync("hayashi");
        var browser = Browser();
        var response = await SignInAsync(browser, "hayashi", password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("jcstar.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        var me = await browser.GetFromJsonAsync<JsonElement>("/api/me", Ct);
        Assert.Equal("hayashi", me.GetProperty("userName").GetString());
        Assert.Equal(["label-issuing-staff"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task A_signed_in_clerk_opening_an_admin_page_is_told_it_is_not_for_their_role_not_sent_to_sign_in_again()
    {
        var password = await UserAsync("kikuchi");
        var browser = Browser();
        await SignInAsync(browser, "kikuchi", password);

        var admin = await browser.GetAsync("/admin", Ct);
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.Equal("/forbidden", new Uri(new Uri("http://localhost"), admin.Headers.Location!).AbsolutePath);
        var page = await browser.GetAsync(admin.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("この画面を開く権限がありません", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"password\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_right_one_is_then_refused_too()
    {
        var password = await UserAsync("ishikawa");
        var browser = Browser();
        for (var i = 0; i < 4; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(browser, "ishikawa", "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SignInAsync(browser, "ishikawa", "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SignInAsync(browser, "ishikawa", password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_disabled_user_can_neither_sign_in_nor_use_a_token()
    {
        var password = await UserAsync("ueda");
        await using var scope = server.Services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<AccessAdministration>();
        var token = await administration.CreateTokenAsync("ueda", "script", TimeSpan.FromDays(1), Ct);
        await administration.DisableUserAsync("ueda", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, (await SignInAsync(Browser(), "ueda", password)).StatusCode);
        var program = server.CreateClient();
        program.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        Assert.Equal(HttpStatusCode.Unauthorized, (await program.GetAsync("/api/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_token_works_until_it_expires_or_is_revoked_and_only_its_hash_is_stored()
    {
        await UserAsync("endo");
        await using var scope = server.Services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<AccessAdministration>();
        var token = await administration.CreateTokenAsync("endo", "script", TimeSpan.FromDays(1), Ct);
        var expired = await administration.CreateTokenAsync("endo", "old", TimeSpan.FromMilliseconds(1), Ct);
        Assert.Equal(AccessAdministration.Hash(token.Secret), token.Token.Hash);
        Assert.DoesNotContain(token.Secret, token.Token.Hash);

        HttpClient With(string secret)
        {
            var client = server.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            return client;
        }
        await Task.Delay(5, Ct);
        Assert.Equal(HttpStatusCode.OK, (await With(token.Secret).GetAsync("/api/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await With(expired.Secret).GetAsync("/api/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await With("jcs_not-a-token").GetAsync("/api/me", Ct)).StatusCode);
        Assert.True(await administration.RevokeTokenAsync(token.Token.Id, null, Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, (await With(token.Secret).GetAsync("/api/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_first_administrator_signs_in_with_the_configured_password_and_must_choose_a_new_one_first()
    {
        var browser = Browser();
        var response = await SignInAsync(browser, "admin", WorkflowServerFactory.InitialAdminPassword);
        Assert.Equal("/account/password", response.Headers.Location!.OriginalString);
        var refused = await browser.GetAsync("/api/me", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("/account/password", await refused.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Sign_in_attempts_are_recorded_without_the_password()
    {
        await UserAsync("okada");
        await SignInAsync(Browser(), "okada", "Wrong-Secret-Value");
        await using var scope = server.Services.CreateAsyncScope();
        var records = await scope.ServiceProvider.GetRequiredService<AccessAdministration>().SignInRecordsAsync("okada", 10, Ct);
        var record = Assert.Single(records);
        Assert.False(record.Succeeded);
        Assert.Equal("wrong user name or password", record.Reason);
        Assert.DoesNotContain("Wrong-Secret-Value", JsonSerializer.Serialize(record));
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_from_one_address_are_told_to_wait()
    {
        await using var limited = new LimitedServer();
        var browser = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(browser, "nobody", "x")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(browser, "nobody", "x")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInAsync(browser, "nobody", "x")).StatusCode);
    }

    private sealed class LimitedServer : WorkflowServerFactory
    {
        protected override int SignInAttemptsPerMinute => 2;
    }
}
