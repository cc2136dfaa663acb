using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using JcStar.Workflow.Identity.Administration;
using JcStar.Workflow.Scheme.Impartiality;
using JcStar.Workflow.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JcStar.Workflow.Web.Tests;

/// <summary>
/// The server, Chromium, and the people of the scheme with passwords: an admin, a label-issuing clerk (sato), a clerk
/// with a declared conflict with applicant A (kondo), a label-issuing manager (mori), a member of applicant A (alice) who files ★1 applications
/// through the API with her token, as the applicant portal will, and a member of applicant B (bob).
/// </summary>
public sealed class StaffWorkspace : IAsyncLifetime
{
    public const string Password = "Web-Test-Pass-2026!";
    public const string CompanyA = "株式会社アルファ電機";
    public const string CompanyB = "ベータ工業株式会社";

    public WorkspaceServer Server { get; } = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _applicantToken = "";
    private string _orgA = "";
    private int _loginChecked;

    public static string ScreenshotFolder => RepositoryPaths.InRepo("artifacts", "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!Chromium.IsInstalled)
            return;
        _ = Server.Address;
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<AccessAdministration>();
            _orgA = (await admin.CreateOrganizationAsync(new NewOrganization(CompanyA, "7000012050002") { ContactEmail = "a@alpha.example.jp" })).Id;
            await admin.CreateUserAsync(new NewUser("web-admin", "admin", null, "web-admin@example.jp", Password));
            await admin.CreateUserAsync(new NewUser("sato", "label-issuing-staff", null, "sato@example.jp", Password) { DisplayName = "佐藤" });
            await admin.CreateUserAsync(new NewUser("kondo", "label-issuing-staff", null, "kondo@example.jp", Password) { DisplayName = "近藤" });
            await admin.CreateUserAsync(new NewUser("mori", "label-issuing-manager", null, "mori@example.jp", Password) { DisplayName = "森" });
            await admin.CreateUserAsync(new NewUser("alice", "applicant", _orgA, "alice@alpha.example.jp", Password));
            var orgB = (await admin.CreateOrganizationAsync(new NewOrganization(CompanyB, "4000012090001") { ContactEmail = "b@beta.example.jp" })).Id;
            await admin.CreateUserAsync(new NewUser("bob", "applicant", orgB, "bob@beta.example.jp", Password));
            scope.ServiceProvider.GetRequiredService<IConflictRegister>().Declare(
                new ConflictDeclaration("kondo", _orgA, null, ConflictKind.ConsultedApplicant, "元顧問", new DateOnly(2026, 1, 1)));
            _applicantToken = (await admin.CreateTokenAsync("alice", "web-tests", TimeSpan.FromDays(1))).Secret;
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A ★1 self-declaration application of applicant A, filed by alice through POST /api/instances; its instance id.</summary>
    public async Task<string> FileApplicationAsync(string product, CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = Server.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _applicantToken);
        var response = await client.PostAsJsonAsync("api/instances", new
        {
            processId = "SelfDeclarationApplication",
            variables = new
            {
                level = "Star1",
                product = new { name = product, modelNumbers = new[] { "SC-100-W", "SC-100-B" } },
                publishedFields = new[] { "Supplier", "ProductName", "ModelNumbers" },
                supportPeriod = "2030年3月まで",
                vulnerabilityContact = "psirt@alpha.example.jp",
            },
        }, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.IsSuccessStatusCode, $"filing the application failed: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>A fresh browser window (its own cookies) of the given size, Japanese first as the office's browsers are.</summary>
    /// <param name="formIsland">False: the task and start forms' scripts are not loaded, so the page keeps its server-rendered form (as a browser without script shows it); axe still runs.</param>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800, bool formIsland = true)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "ja-JP",
            AcceptDownloads = true,
        });
        if (!formIsland)
        {
            await context.RouteAsync("**/lib/task-form.js", route => route.AbortAsync());
            await context.RouteAsync("**/lib/start-form.js", route => route.AbortAsync());
        }
        context.SetDefaultTimeout(PlaywrightDefaults.ActionTimeoutMs);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in at /login by the fields' and button's English accessible names, the contract users rely on.</summary>
    public async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync("/login");
        // The same page for everyone: checked once, so each sign-in does not pay for axe again.
        if (Interlocked.Exchange(ref _loginChecked, 1) == 0)
            await CheckAsync(page, "login");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "User name" }).FillAsync(user);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        try
        {
            await page.ArrivedAtAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        }
        catch (TimeoutException e)
        {
            // Say what the sign-in page showed (a refusal, or nothing yet on a busy machine) rather than only that it stayed.
            var shown = await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 });
            throw new TimeoutException($"signing in as '{user}' stayed on {page.Url}; the page shows: {shown}", e);
        }
    }

    /// <summary>
    /// Every page visited: a full-page screenshot under artifacts/screenshots/, and axe finds no serious or critical violation.
    /// </summary>
    public static async Task CheckAsync(IPage page, string name)
    {
        // A test with two pages open leaves the first behind the second, and Chromium may refuse to capture a page
        // that is not in front ("Unable to capture screenshot", seen once in CI): the page checked comes to the front.
        await page.BringToFrontAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe on {name} ({page.Url}):\n" + string.Join("\n", serious.Select(v =>
            $"- {v.Impact} {v.Id}: {v.Help} at {string.Join("; ", v.Nodes.Select(n => string.Join(" ", n.Target?.ToString() ?? "")))}")));
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}
