using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace JcStar.Workflow.Server.Tests.Oidc;

/// <summary>
/// OpenID Connect sign-in end to end: a real OpenID provider and the real workflow server, both on Kestrel at
/// 127.0.0.1, and a browser-like client that follows the whole redirect dance between them.
/// </summary>
public sealed class OidcSignInTests : IAsyncLifetime
{
    /// <summary>法人番号 with a valid check digit (that of the National Tax Agency).</summary>
    private const string CorporateNumber = "7000012050002";

    private OpenIdProvider provider = null!;
    private OidcWorkflowServerFactory server = null!;
    private Uri site = null!;

    public async ValueTask InitializeAsync()
    {
        provider = await OpenIdProvider.StartAsync();
        server = new OidcWorkflowServerFactory(provider.Authority);
        site = server.Address;
        await provider.RegisterClientAsync(site);
    }

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        await provider.DisposeAsync();
    }

    private HttpClient Admin
    {
        get
        {
            var client = server.ClientFor("admin", roles: "admin");
            client.BaseAddress = site;
            return client;
        }
    }

    [Fact]
    public async Task A_person_the_provider_signs_in_gets_the_user_name_roles_and_organization_its_claims_carry()
    {
        var organization = await CreateOrganizationAsync();
        provider.Account = new ProviderAccount("sub-tanaka", "tanaka", "田中 花子", "tanaka@maker.example", ["applicant"], CorporateNumber);

        using var browser = new Browser(provider.Authority);
        using var landed = await SignInAsync(browser);

        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal("/api/me", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains(browser.Visited, u => u.Port == provider.Authority.Port && u.AbsolutePath == "/connect/authorize");
        Assert.Contains(browser.Visited, u => u.Port == site.Port && u.AbsolutePath == "/signin-oidc");
        Assert.Contains(browser.Visited, u => u.Port == site.Port && u.AbsolutePath == "/login/external/callback");
        Assert.Equal(1, provider.Authorizations);

        var me = await MeAsync(browser);
        Assert.Equal("tanaka", me.GetProperty("userName").GetString());
        Assert.Equal(["applicant"], Strings(me.GetProperty("roles")));
        Assert.False(me.GetProperty("isAdmin").GetBoolean());
        Assert.Equal(organization, me.GetProperty("organization").GetProperty("id").GetString());

        var records = await SignInsAsync("tanaka");
        var record = Assert.Single(records);
        Assert.Equal("oidc", record.GetProperty("method").GetString());
        Assert.True(record.GetProperty("succeeded").GetBoolean());
        Assert.Equal("127.0.0.1", record.GetProperty("remoteAddress").GetString());
    }

    [Fact]
    public async Task A_second_sign_in_reuses_the_local_user_and_follows_the_organization_the_provider_now_names()
    {
        var first = await CreateOrganizationAsync();
        var second = await CreateOrganizationAsync("株式会社第二製作所", "5000012010024");
        provider.Account = new ProviderAccount("sub-suzuki", "suzuki", "鈴木 一郎", "suzuki@maker.example", ["applicant"], CorporateNumber);
        using (var browser = new Browser(provider.Authority))
        using (await SignInAsync(browser))
            Assert.Equal(first, (await MeAsync(browser)).GetProperty("organization").GetProperty("id").GetString());

        // The same person (same subject) has moved: the provider names the new organization, by its id here.
        provider.Account = provider.Account with { Organization = second };
        using (var browser = new Browser(provider.Authority))
        using (await SignInAsync(browser))
        {
            var me = await MeAsync(browser);
            Assert.Equal("suzuki", me.GetProperty("userName").GetString());
            Assert.Equal(["applicant"], Strings(me.GetProperty("roles")));
            Assert.Equal(second, me.GetProperty("organization").GetProperty("id").GetString());
        }

        Assert.Equal(2, provider.Authorizations);
        var users = await Admin.GetFromJsonAsync<JsonElement>("/api/admin/users", TestContext.Current.CancellationToken);
        var suzuki = Assert.Single(users.EnumerateArray(), u => u.GetProperty("userName").GetString() == "suzuki");
        Assert.Equal("鈴木 一郎", suzuki.GetProperty("displayName").GetString());
        Assert.Equal(second, suzuki.GetProperty("organizationId").GetString());
        Assert.Equal(2, (await SignInsAsync("suzuki")).Count(r => r.GetProperty("succeeded").GetBoolean()));
    }

    [Fact]
    public async Task An_applicant_whose_organization_claim_names_no_registered_organization_is_refused_saying_which()
    {
        provider.Account = new ProviderAccount("sub-ito", "ito", "伊藤 三郎", "ito@unknown.example", ["applicant"], CorporateNumber);

        using var browser = new Browser(provider.Authority);
        using var landed = await SignInAsync(browser);

        Assert.Equal("/login", landed.RequestMessage!.RequestUri!.AbsolutePath);
        var page = WebUtility.HtmlDecode(await landed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains($"the organization '{CorporateNumber}' that the provider names is not registered here", page);
        using var me = await browser.GetAsync(new Uri(site, "/api/me"));
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        var record = Assert.Single(await SignInsAsync("ito"));
        Assert.False(record.GetProperty("succeeded").GetBoolean());
        Assert.Contains("is not registered here", record.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Roles_that_arrive_only_from_userinfo_as_a_list_are_all_mapped()
    {
        provider.RolesInIdentityToken = false;
        provider.Account = new ProviderAccount("sub-kato", "kato", "加藤 四郎", "kato@jcstar.example", ["certification-staff", "appeal-handler"], null);

        using var browser = new Browser(provider.Authority);
        using var landed = await SignInAsync(browser);

        var me = await MeAsync(browser);
        Assert.Equal("kato", me.GetProperty("userName").GetString());
        Assert.Equal(["appeal-handler", "certification-staff"], Strings(me.GetProperty("roles")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_provider_account_whose_roles_claim_names_no_scheme_role_is_refused_with_a_message_and_the_refusal_recorded()
    {
        provider.Account = new ProviderAccount("sub-sato", "sato", "佐藤 次郎", "sato@elsewhere.example", ["superuser", "Admin"], null);

        using var browser = new Browser(provider.Authority);
        using var landed = await SignInAsync(browser);

        Assert.Equal(1, provider.Authorizations);
        Assert.Equal("/login", landed.RequestMessage!.RequestUri!.AbsolutePath);
        var page = await landed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("The account carries no role.", page);
        using var me = await browser.GetAsync(new Uri(site, "/api/me"));
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);

        var users = await Admin.GetFromJsonAsync<JsonElement>("/api/admin/users", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(users.EnumerateArray(), u => u.GetProperty("userName").GetString() == "sato");
        var record = Assert.Single(await SignInsAsync("sato"));
        Assert.False(record.GetProperty("succeeded").GetBoolean());
        Assert.Equal("oidc", record.GetProperty("method").GetString());
        Assert.Equal("no role claim", record.GetProperty("reason").GetString());
    }

    private async Task<HttpResponseMessage> SignInAsync(Browser browser) =>
        await browser.OpenAsync(new Uri(site, "/login/external?returnUrl=" + Uri.EscapeDataString("/api/me")));

    private async Task<JsonElement> MeAsync(Browser browser)
    {
        using var response = await browser.GetAsync(new Uri(site, "/api/me"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    private async Task<string> CreateOrganizationAsync(string name = "株式会社テスト製作所", string corporateNumber = CorporateNumber)
    {
        using var response = await Admin.PostAsJsonAsync("/api/admin/organizations", new { name, corporateNumber, kind = "applicant" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetString()!;
    }

    private async Task<List<JsonElement>> SignInsAsync(string user) =>
        [.. (await Admin.GetFromJsonAsync<JsonElement>($"/api/admin/sign-ins?user={user}", TestContext.Current.CancellationToken)).EnumerateArray()];

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
