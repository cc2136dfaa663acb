using System.Text.RegularExpressions;
using JcStar.Workflow.Identity.Administration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;

namespace JcStar.Workflow.Web.Tests;

/// <summary>
/// The server with small upload limits (1 MB, so an oversized file is quick to make), mail written as .eml files
/// soon after it is queued, Chromium, and an applicant of another organization (carol of デルタ産業) who must see
/// nothing of the organizations that sign up in the tests, and two of the office's staff (kato, certification; ito, appeals).
/// </summary>
public sealed class ApplicantPortal : IAsyncLifetime
{
    public const string Password = "Portal-Test-Pass-2026!";
    public const long MaxUploadBytes = 1024 * 1024;

    public WorkspaceServer Server { get; } = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        if (!Chromium.IsInstalled)
            return;
        Server.Settings["Attachments:MaxBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Server.Settings["Mail:DispatchInterval"] = "00:00:00.200";
        Server.Settings["Portal:SignUpsPerHour"] = "1000";
        _ = Server.Address;
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<AccessAdministration>();
            var other = (await admin.CreateOrganizationAsync(new NewOrganization("デルタ産業株式会社", "4000012090001") { ContactEmail = "d@delta.example.jp" })).Id;
            await admin.CreateUserAsync(new NewUser("carol", "applicant", other, "carol@delta.example.jp", Password));
            // The office's side of what the portal files: ★3/★4 applications and appeals land in these inboxes.
            await admin.CreateUserAsync(new NewUser("kato", "certification-staff", null, "kato@example.jp", Password) { DisplayName = "加藤" });
            await admin.CreateUserAsync(new NewUser("ito", "appeal-coordinator", null, "ito@example.jp", Password) { DisplayName = "伊藤" });
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
        Directory.CreateDirectory(StaffWorkspace.ScreenshotFolder);
    }

    public async Task<IPage> NewPageAsync(string locale = "ja-JP")
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = locale,
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(PlaywrightDefaults.ActionTimeoutMs);
        return await context.NewPageAsync();
    }

    public static async Task SignInAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("/login");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "User name" }).FillAsync(user);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ArrivedAtAsync(url => !url.Contains("/login", StringComparison.Ordinal));
    }

    /// <summary>The .eml the default transport wrote to <paramref name="address"/> whose subject holds <paramref name="subject"/>; the dispatcher runs in the background, so this waits for the file (bounded by the test's cancellation).</summary>
    public async Task<MimeMessage> MailToAsync(string address, string subject, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (Directory.Exists(Server.OutboxFolder))
            {
                foreach (var file in Directory.EnumerateFiles(Server.OutboxFolder, "*.eml", SearchOption.AllDirectories))
                {
                    var message = await MimeMessage.LoadAsync(file, ct);
                    if (message.To.Mailboxes.Any(m => m.Address == address) && (message.Subject ?? "").Contains(subject, StringComparison.Ordinal))
                        return message;
                }
            }
            await Task.Delay(100, ct);
        }
        throw new InvalidOperationException($"no .eml to {address} about '{subject}' under {Server.OutboxFolder}");
    }

    /// <summary>The first link to this server in the mail's text, as a path and query the browser opens.</summary>
    public static string LinkIn(MimeMessage message, string path)
    {
        var match = Regex.Match(message.TextBody ?? "", "https?://[^\\s]+" + Regex.Escape(path) + "[^\\s]*");
        Assert.True(match.Success, $"no link to {path} in the mail:\n{message.TextBody}");
        var uri = new Uri(match.Value);
        return uri.PathAndQuery;
    }

    /// <summary>A valid 法人番号 for twelve digits: the check digit 9 − (Σ Pₙ×Qₙ mod 9) in front, computed here independently of the product.</summary>
    public static string CorporateNumberFor(string twelveDigits)
    {
        var sum = 0;
        for (var n = 1; n <= 12; n++)
            sum += (twelveDigits[12 - n] - '0') * (n % 2 == 1 ? 1 : 2);
        return (9 - (sum % 9)).ToString(System.Globalization.CultureInfo.InvariantCulture) + twelveDigits;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}
