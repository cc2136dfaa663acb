using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using JcStar.Workflow.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JcStar.Workflow.Web.Tests;

/// <summary>
/// The "done when", in the browser only: the printed first administrator signs in and chooses a password,
/// registers an applicant company and a clerk in /admin; the clerk signs in with the one-time password, starts a ★1
/// application received on paper at /cases/new, and takes it through every task to a granted label, opening every
/// letter downloaded as a Word file and recording the fee's arrival with the case page's button.
/// </summary>
public sealed class NewcomerJourneyTests(StaffWorkspace workspace) : IClassFixture<StaffWorkspace>
{
    private const string Company = "ガンマ通信株式会社";
    private const string CorporateNumber = "2000012345678";
    private const string Product = "スマートロック GL-5";

    private static ILocator Heading(IPage page, string name) => page.GetByRole(AriaRole.Heading, new() { Name = name });

    [Fact]
    public async Task The_first_administrator_creates_a_clerk_who_takes_a_paper_application_to_a_granted_label_in_the_browser()
    {
        Chromium.SkipOrFailWhenAbsent();

        // The first administrator, with the password the server printed (here: configured), chooses their own.
        var admin = await workspace.NewPageAsync();
        await SignInChoosingPasswordAsync(admin, "admin", WorkspaceServer.InitialAdminPassword, "Newcomer-Admin-2026!", "first-admin");

        await admin.GotoAsync("/admin");
        await admin.Locator("#o-name").FillAsync(Company);
        await admin.Locator("#o-number").FillAsync(CorporateNumber);
        await admin.Locator("#o-email").FillAsync("contact@gamma.example.jp");
        await admin.Locator("form:has(#o-name) button[type=submit]").ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync(Company);

        await admin.Locator("#u-name").FillAsync("tanaka");
        await admin.Locator("#u-role").SelectOptionAsync("label-issuing-staff");
        await admin.Locator("#u-email").FillAsync("tanaka@example.jp");
        await admin.Locator("form:has(#u-name) button[type=submit]").ClickAsync();
        var created = admin.GetByRole(AriaRole.Status);
        await Assertions.Expect(created).ToContainTextAsync("tanaka");
        var oneTime = Regex.Match(await created.InnerTextAsync(), "：\\s*(\\S+)\\s*$").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(oneTime), "the one-time password is shown once");
        await Assertions.Expect(admin.Locator("section[aria-labelledby=users] td", new() { HasTextString = "tanaka" })).ToHaveCountAsync(1);
        await StaffWorkspace.CheckAsync(admin, "admin-user-created");

        // The clerk's first sign-in, then the paper application as received, with one field left out first.
        var clerk = await workspace.NewPageAsync(formIsland: false);
        await SignInChoosingPasswordAsync(clerk, "tanaka", oneTime, "Tanaka-Clerk-2026!", null);
        await clerk.GotoAsync("/cases/new");
        await clerk.Locator("select[name=process]").SelectOptionAsync("SelfDeclarationApplication");
        await clerk.Locator("form.filters button").ClickAsync();
        await clerk.ArrivedAtAsync(new Regex("process=SelfDeclarationApplication"));
        await StaffWorkspace.CheckAsync(clerk, "start-case");
        await clerk.Locator("#applicant-org").SelectOptionAsync(new SelectOptionValue { Label = $"{Company}（{CorporateNumber}）" });
        await clerk.Locator("#field-level").SelectOptionAsync("Star1");
        await clerk.Locator("#field-product-modelNumbers").FillAsync("GL-5-S\nGL-5-B");
        await clerk.Locator("input[type=checkbox][value=Supplier]").CheckAsync();
        await clerk.Locator("input[type=checkbox][value=ProductName]").CheckAsync();
        await clerk.Locator("#field-supportPeriod").FillAsync("2031年3月まで");
        await clerk.Locator("#field-vulnerabilityContact").FillAsync("psirt@gamma.example.jp");
        await clerk.Locator("form.task-form button[type=submit]").ClickAsync();
        await Assertions.Expect(clerk.Locator("#field-product-name-error")).ToBeVisibleAsync();
        await Assertions.Expect(clerk.Locator("#field-product-modelNumbers")).ToHaveValueAsync("GL-5-S\nGL-5-B");
        await Assertions.Expect(clerk.Locator("#field-supportPeriod")).ToHaveValueAsync("2031年3月まで");
        await Assertions.Expect(clerk.Locator("#applicant-org option:checked")).ToContainTextAsync(Company);
        await StaffWorkspace.CheckAsync(clerk, "start-case-with-error");

        await clerk.Locator("#field-product-name").FillAsync(Product);
        await clerk.Locator("form.task-form button[type=submit]").ClickAsync();
        await clerk.ArrivedAtAsync(new Regex("/cases/[^/?]+$"));
        var instanceId = clerk.Url[(clerk.Url.LastIndexOf('/') + 1)..];
        await Assertions.Expect(clerk.Locator("main")).ToContainTextAsync(Company);
        await Assertions.Expect(clerk.Locator("ol.path li.active")).ToHaveTextAsync("書類の完備性確認");
        var applicationNumber = (await VariablesAsync(instanceId))["applicationNumber"].GetString()!;
        await Assertions.Expect(clerk.Locator("main")).ToContainTextAsync(applicationNumber);
        await StaffWorkspace.CheckAsync(clerk, "journey-case-started");

        // Completeness: from the inbox, claimed and completed.
        await CompleteFromInboxAsync(clerk, instanceId, "書類の完備性確認", async () =>
            await clerk.GetByLabel("申請書類は揃っていますか").SelectOptionAsync(new SelectOptionValue { Label = "はい" }));

        await clerk.GotoAsync($"/cases/{instanceId}");
        await Assertions.Expect(clerk.Locator("ol.path li.active")).ToHaveTextAsync("手数料の入金待ち");
        foreach (var letter in new[] { "申請受理票", "手数料請求書" })
            await DownloadLetterAsync(clerk, letter, applicationNumber);

        // The fee arrives at the bank: recorded with the case page's button.
        await clerk.Locator("form.received", new() { HasText = "手数料の入金待ち" }).GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await clerk.ArrivedAtAsync(new Regex("done=recorded"));
        await Assertions.Expect(clerk.Locator("ol.path li.active")).ToHaveTextAsync("チェックリスト審査");
        await StaffWorkspace.CheckAsync(clerk, "journey-fee-recorded");

        // The clerk judges each of the 16 checklist items, then grants.
        await CompleteFromInboxAsync(clerk, instanceId, "チェックリスト審査", async () =>
        {
            for (var item = 1; item <= 16; item++)
                await clerk.GetByLabel($"S1.1-{item:00} 判定").SelectOptionAsync(new SelectOptionValue { Label = "適合する" });
            await clerk.Locator("#field-decision").SelectOptionAsync(new SelectOptionValue { Label = "交付" });
        });

        await clerk.GotoAsync($"/cases/{instanceId}");
        var registrationNumber = (await VariablesAsync(instanceId))["registrationNumber"].GetString()!;
        await Assertions.Expect(clerk.Locator("main")).ToContainTextAsync(registrationNumber);
        await Assertions.Expect(clerk.Locator("ol.path li", new() { HasText = "ラベルを交付" })).ToHaveCountAsync(1);
        var notice = await DownloadLetterAsync(clerk, "適合ラベル交付通知書", applicationNumber);
        Assert.Contains(Product, notice, StringComparison.Ordinal);
        Assert.Contains(registrationNumber, notice, StringComparison.Ordinal);
        await StaffWorkspace.CheckAsync(clerk, "journey-granted");

        // The label is in the public registry.
        await clerk.GotoAsync($"/registry/{Uri.EscapeDataString(registrationNumber)}");
        await Assertions.Expect(clerk.Locator("main")).ToContainTextAsync(Product);
        await Assertions.Expect(clerk.Locator("main")).ToContainTextAsync(Company);
    }

    private async Task SignInChoosingPasswordAsync(IPage page, string user, string password, string chosen, string? screenshot)
    {
        await page.GotoAsync("/login");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "User name" }).FillAsync(user);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex("/account/password"));
        if (screenshot is not null)
            await StaffWorkspace.CheckAsync(page, "choose-password");
        await page.GetByLabel("Current password").FillAsync(password);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(chosen);
        await page.GetByLabel("Confirm new password").FillAsync(chosen);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await page.ArrivedAtAsync(url => !url.Contains("/account/password", StringComparison.Ordinal) && !url.Contains("/login", StringComparison.Ordinal));
    }

    private static async Task CompleteFromInboxAsync(IPage page, string instanceId, string step, Func<Task> fill)
    {
        await page.GotoAsync("/inbox");
        var row = page.Locator($"tbody tr:has(a[href='/cases/{instanceId}'])", new() { HasText = step });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await row.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex("done=claimed"));
        await row.GetByRole(AriaRole.Link, new() { Name = "Open" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex("/tasks/"));
        await Assertions.Expect(Heading(page, step)).ToBeVisibleAsync();
        await fill();
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex("/inbox\\?done=completed"));
    }

    /// <summary>Downloads the case's letter named <paramref name="name"/>, opens it as a Word file and checks it is that letter of this case; its text.</summary>
    private async Task<string> DownloadLetterAsync(IPage page, string name, string applicationNumber)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("ul.documents a", new() { HasTextString = name }).First.ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        var saved = Path.Combine(workspace.Server.DataRoot, $"journey-{name}.docx");
        await download.SaveAsAsync(saved);
        using var word = WordprocessingDocument.Open(saved, isEditable: false);
        var text = word.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains(Company, text, StringComparison.Ordinal);
        Assert.Contains(applicationNumber, text, StringComparison.Ordinal);
        return text;
    }

    private async Task<IReadOnlyDictionary<string, System.Text.Json.JsonElement>> VariablesAsync(string instanceId) =>
        await workspace.Server.Services.GetRequiredService<WorkflowQueries>().CaseVariablesAsync(instanceId, WorkflowActor.System);
}
