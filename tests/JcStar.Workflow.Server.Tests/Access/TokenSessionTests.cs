using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using JcStar.Workflow.Identity;
using JcStar.Workflow.Identity.Administration;
using JcStar.Workflow.Identity.Model;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace JcStar.Workflow.Server.Tests.Access;

/// <summary>
/// A token that worked is remembered on its node like a signed-in session: checked against the user register again
/// after Authentication:SessionRevalidation, never past the token's own expiry, and forgotten at once when the
/// register changes on the node.
/// </summary>
public sealed class TokenSessionTests(TokenSessionTests.QuickRevalidationServer server) : IClassFixture<TokenSessionTests.QuickRevalidationServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (AccessTokenSessions Sessions, FakeTimeProvider Time) Sessions(TimeSpan revalidation)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection()
            .Configure<AccessOptions>(o => o.SessionRevalidation = revalidation)
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<AccessTokenSessions>()
            .BuildServiceProvider();
        return (services.GetRequiredService<AccessTokenSessions>(), time);
    }

    private static ClaimsPrincipal Principal(string user) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, user), new Claim(ClaimTypes.Role, SchemeRoles.LabelIssuingStaff)], "Bearer"));

    [Fact]
    public void A_remembered_token_is_answered_until_the_revalidation_time_and_then_read_from_the_register_again()
    {
        var (sessions, time) = Sessions(TimeSpan.FromMinutes(1));
        sessions.Remember("HASH-A", Principal("kato"), tokenExpiresAt: null);

        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal("kato", sessions.Find("HASH-A")?.Identity?.Name);
        Assert.Null(sessions.Find("HASH-B"));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(sessions.Find("HASH-A"));
    }

    [Fact]
    public void A_token_expiring_before_the_revalidation_time_is_not_answered_past_its_expiry()
    {
        var (sessions, time) = Sessions(TimeSpan.FromMinutes(1));
        sessions.Remember("HASH-A", Principal("kato"), tokenExpiresAt: time.GetUtcNow().AddSeconds(10));

        time.Advance(TimeSpan.FromSeconds(9));
        Assert.NotNull(sessions.Find("HASH-A"));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(sessions.Find("HASH-A"));
    }

    [Fact]
    public void Each_request_gets_its_own_copy_of_the_principal_so_what_one_adds_the_next_does_not_see()
    {
        var (sessions, _) = Sessions(TimeSpan.FromMinutes(1));
        sessions.Remember("HASH-A", Principal("kato"), tokenExpiresAt: null);

        var first = sessions.Find("HASH-A")!;
        first.AddIdentity(new ClaimsIdentity([new Claim(ClaimTypes.Role, SchemeRoles.Admin)]));
        ((ClaimsIdentity)first.Identity!).AddClaim(new Claim(ClaimTypes.Role, SchemeRoles.Admin));

        Assert.False(sessions.Find("HASH-A")!.IsInRole(SchemeRoles.Admin));
    }

    [Fact]
    public void With_no_revalidation_time_nothing_is_remembered_and_more_tokens_than_the_capacity_start_afresh()
    {
        var (never, _) = Sessions(TimeSpan.Zero);
        never.Remember("HASH-A", Principal("kato"), tokenExpiresAt: null);
        Assert.Null(never.Find("HASH-A"));

        var (sessions, _) = Sessions(TimeSpan.FromMinutes(1));
        for (var i = 0; i < AccessTokenSessions.Capacity; i++)
            sessions.Remember($"HASH-{i}", Principal("kato"), tokenExpiresAt: null);
        Assert.Equal(AccessTokenSessions.Capacity, sessions.Count);
        sessions.Remember("HASH-NEW", Principal("kato"), tokenExpiresAt: null);
        Assert.Equal(1, sessions.Count);
        Assert.NotNull(sessions.Find("HASH-NEW"));
    }

    private async Task<(string Secret, string TokenId)> StaffWithTokenAsync(string name)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<AccessAdministration>();
        await administration.CreateUserAsync(new NewUser(name, SchemeRoles.LabelIssuingStaff, Password: "Good-Password-2026"), Ct);
        var token = await administration.CreateTokenAsync(name, "script", TimeSpan.FromDays(1), Ct);
        return (token.Secret, token.Token.Id);
    }

    private HttpClient With(string secret)
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private async Task<string[]> RolesAsync(string secret)
    {
        using var me = await With(secret).GetAsync("/api/me", Ct);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        using var json = JsonDocument.Parse(await me.Content.ReadAsStringAsync(Ct));
        return [.. json.RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!)];
    }

    [Fact]
    public async Task A_role_given_to_a_user_on_this_node_applies_to_their_very_next_token_request()
    {
        var (secret, _) = await StaffWithTokenAsync("kimura");
        Assert.Equal([SchemeRoles.LabelIssuingStaff], await RolesAsync(secret));
        Assert.True(server.Services.GetRequiredService<AccessTokenSessions>().Count > 0);

        await using (var scope = server.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkflowUser>>();
            var user = (await users.FindByNameAsync("kimura"))!;
            Assert.True((await users.AddToRoleAsync(user, SchemeRoles.LabelIssuingManager)).Succeeded);
        }

        Assert.Equal([SchemeRoles.LabelIssuingManager, SchemeRoles.LabelIssuingStaff], (await RolesAsync(secret)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_token_revoked_by_another_node_stops_working_here_within_the_session_revalidation_time()
    {
        var (secret, tokenId) = await StaffWithTokenAsync("mori");
        Assert.Equal(HttpStatusCode.OK, (await With(secret).GetAsync("/api/me", Ct)).StatusCode);

        // Another node revokes it: a write to the shared database this node's register never saw.
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AccessDbContext>();
            Assert.Equal(1, await db.AccessTokens.Where(t => t.Id == tokenId)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.RevokedAt, DateTimeOffset.UtcNow), Ct));
        }

        var refused = DateTimeOffset.UtcNow;
        while ((await With(secret).GetAsync("/api/me", Ct)).StatusCode != HttpStatusCode.Unauthorized)
        {
            Assert.True(DateTimeOffset.UtcNow - refused < TimeSpan.FromSeconds(60), "the revoked token still works a minute later");
            await Task.Delay(100, Ct);
        }
    }

    /// <summary>The test server, with sessions (and remembered tokens) checked against the register every two seconds.</summary>
    public sealed class QuickRevalidationServer : WorkflowServerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Authentication:SessionRevalidation", "00:00:02");
        }
    }
}
