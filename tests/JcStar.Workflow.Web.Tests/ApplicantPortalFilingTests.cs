using System.Text;
using System.Text.RegularExpressions;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Documents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JcStar.Workflow.Web.Tests;

/// <summary>
/// The portal's generic filing page (/portal/apply/{process}) against the real procedures: a ★3 application and an
/// appeal go through the same draft, confirmation page and receipt as the self-declaration, a refused file loses
/// nothing else, the office's inbox shows each new case's first task, and an appeal naming another organization's
/// case is refused as if that case did not exist.
/// </summary>
public sealed class ApplicantPortalFilingTests(ApplicantPortal portal) : IClassFixture<ApplicantPortal>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ILocator Heading(IPage page, string name) => page.GetByRole(AriaRole.Heading, new() { Name = name });

    private static FilePayload Pdf(string name, int size = 2048)
    {
        var bytes = new byte[size];
        Encoding.ASCII.GetBytes("%PDF-1.4\n").CopyTo(bytes, 0);
        return new FilePayload { Name = name, MimeType = "application/pdf", Buffer = bytes };
    }

    private static readonly FilePayload Exe = new() { Name = "tool.exe", MimeType = "application/octet-stream", Buffer = [0x4D, 0x5A, 0x90, 0x00] };

    private static async Task<(string InstanceId, string Number)> FileFromConfirmationAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "File application" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex("/portal/receipt/"));
        var receipt = page.Locator("dd.receipt");
        await Assertions.Expect(receipt).Not.ToBeEmptyAsync();
        return (Uri.UnescapeDataString(new Uri(page.Url).Segments[^1]), (await receipt.TextContentAsync())!.Trim());
    }

    [Fact]
    public async Task An_applicant_files_a_star3_application_and_an_appeal_about_it_through_confirmation_pages_to_receipts_and_the_office_inbox_shows_each_first_task()
    {
        Chromium.SkipOrFailWhenAbsent();
        var page = await portal.NewPageAsync();
        await ApplicantPortal.SignInAsync(page, "carol", ApplicantPortal.Password);

        // ★3: a refused file is named beside the input; what was typed and the accepted file stay, in the draft.
        await page.GotoAsync("/portal/apply/ThirdPartyCertificationApplication");
        await page.Locator("#field-level").SelectOptionAsync("Star3");
        await page.GetByLabel("製品名 (Product)").FillAsync("産業用ゲートウェイ GW-3");
        await page.GetByLabel("型番 (Model numbers)").FillAsync("GW-3-A, GW-3-B");
        await page.GetByLabel("脆弱性の連絡先 (Vulnerability contact)").FillAsync("psirt@delta.example.jp");
        await page.Locator("#files").SetInputFilesAsync([Pdf("評価計画書_GW-3.pdf"), Exe]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to confirmation" }).ClickAsync();
        await Assertions.Expect(page.Locator("#files-error")).ToContainTextAsync("tool.exe");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("製品名 (Product)")).ToHaveValueAsync("産業用ゲートウェイ GW-3");
        await Assertions.Expect(page.Locator("#field-level")).ToHaveValueAsync("Star3");
        await Assertions.Expect(page.Locator("ul.kept-files")).ToContainTextAsync("評価計画書_GW-3.pdf");
        await StaffWorkspace.CheckAsync(page, "portal-apply-star3-files-refused");

        // Nothing new chosen: the kept file goes on to the confirmation page, and back to edit keeps it still.
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to confirmation" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex("/portal/apply/confirm/"));
        await Assertions.Expect(Heading(page, "Confirm the application")).ToBeVisibleAsync();
        var main = page.Locator("main");
        await Assertions.Expect(main).ToContainTextAsync("産業用ゲートウェイ GW-3");
        await Assertions.Expect(main).ToContainTextAsync("★3");
        await Assertions.Expect(main).ToContainTextAsync("評価計画書_GW-3.pdf");
        await StaffWorkspace.CheckAsync(page, "portal-apply-star3-confirm");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to edit" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex("/portal/apply/ThirdPartyCertificationApplication\\?draft="));
        await Assertions.Expect(page.GetByLabel("型番 (Model numbers)")).ToHaveValueAsync("GW-3-A, GW-3-B");
        await Assertions.Expect(page.Locator("ul.kept-files")).ToContainTextAsync("評価計画書_GW-3.pdf");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to confirmation" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex("/portal/apply/confirm/"));
        var (star3Id, star3Number) = await FileFromConfirmationAsync(page);
        Assert.Matches(new Regex("^JCS-"), star3Number);
        await StaffWorkspace.CheckAsync(page, "portal-apply-star3-receipt");

        var services = portal.Server.Services;
        var queries = services.GetRequiredService<WorkflowQueries>();
        var documents = await services.GetRequiredService<IDocumentStore>().ListByInstanceAsync(star3Id, Ct);
        Assert.Contains(documents, d => d.Name == "評価計画書_GW-3.pdf");
        Assert.Equal("Star3", (await queries.CaseVariablesAsync(star3Id, WorkflowActor.System, Ct))["level"].GetString());

        // The appeal about that case: the case page's link fills in which case; the appellant is the organization.
        await page.GotoAsync($"/portal/apply/AppealsComplaintsDisputes?case={Uri.EscapeDataString(star3Id)}");
        await Assertions.Expect(page.Locator("#field-subjectCaseId")).ToHaveValueAsync(star3Id);
        await Assertions.Expect(page.Locator("#field-appellant-name")).ToHaveValueAsync("デルタ産業株式会社");
        await page.Locator("#field-kind").SelectOptionAsync("appeal");
        await page.Locator("#field-level").SelectOptionAsync("Star3");
        await page.GetByLabel("申出の内容 (Summary)").FillAsync("評価機関の選定理由の説明を求めます。");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to confirmation" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex("/portal/apply/confirm/"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("評価機関の選定理由の説明を求めます。");
        await StaffWorkspace.CheckAsync(page, "portal-apply-appeal-confirm");
        var (appealId, appealNumber) = await FileFromConfirmationAsync(page);
        var appeal = await queries.CaseVariablesAsync(appealId, WorkflowActor.System, Ct);
        Assert.Equal(appeal["appealNumber"].GetString(), appealNumber);
        Assert.Equal(star3Id, appeal["subjectCaseId"].GetString());
        await StaffWorkspace.CheckAsync(page, "portal-apply-appeal-receipt");

        // The office's inboxes: certification staff see the ★3 case's first step, the appeal coordinator the appeal's.
        foreach (var (user, caseId, task) in new[] { ("kato", star3Id, "申請内容の確認"), ("ito", appealId, "担当者の割当て") })
        {
            var staff = await portal.NewPageAsync();
            await ApplicantPortal.SignInAsync(staff, user, ApplicantPortal.Password);
            await staff.GotoAsync("/inbox");
            var row = staff.Locator($"tbody tr:has(a[href='/cases/{caseId}'])");
            await Assertions.Expect(row).ToHaveCountAsync(1);
            await Assertions.Expect(row).ToContainTextAsync(task);
            await StaffWorkspace.CheckAsync(staff, $"portal-filed-inbox-{user}");
        }
    }

    [Fact]
    public async Task An_appeal_naming_another_organizations_case_is_refused_exactly_as_one_naming_no_case_at_all()
    {
        Chromium.SkipOrFailWhenAbsent();
        // carol's organization files a ★3 case through the portal.
        var owner = await portal.NewPageAsync();
        await ApplicantPortal.SignInAsync(owner, "carol", ApplicantPortal.Password);
        await owner.GotoAsync("/portal/apply/ThirdPartyCertificationApplication");
        await owner.Locator("#field-level").SelectOptionAsync("Star4");
        await owner.GetByLabel("製品名 (Product)").FillAsync("医療用ハブ MH-4");
        await owner.GetByLabel("型番 (Model numbers)").FillAsync("MH-4");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Continue to confirmation" }).ClickAsync();
        await owner.ArrivedAtAsync(new Regex("/portal/apply/confirm/"));
        var (theirCase, theirNumber) = await FileFromConfirmationAsync(owner);

        // An applicant of another organization names that case in an appeal.
        await using (var scope = portal.Server.Services.CreateAsyncScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<Identity.Administration.AccessAdministration>();
            var org = (await admin.CreateOrganizationAsync(new Identity.Administration.NewOrganization("ゼータ電子株式会社", ApplicantPortal.CorporateNumberFor("333444555666")) { ContactEmail = "z@zeta.example.jp" }, Ct)).Id;
            await admin.CreateUserAsync(new Identity.Administration.NewUser("zeta", "applicant", org, "zeta@zeta.example.jp", ApplicantPortal.Password), Ct);
        }
        var page = await portal.NewPageAsync();
        await ApplicantPortal.SignInAsync(page, "zeta", ApplicantPortal.Password);
        var shown = new List<string>();
        foreach (var named in new[] { theirCase, "no-such-case-0000" })
        {
            await page.GotoAsync("/portal/apply/AppealsComplaintsDisputes");
            await page.Locator("#field-kind").SelectOptionAsync("appeal");
            await page.Locator("#field-subjectCaseId").FillAsync(named);
            await page.Locator("#field-subjectCaseNumber").FillAsync(theirNumber);
            await page.Locator("#field-level").SelectOptionAsync("Star4");
            await page.GetByLabel("製品名 (Product)").FillAsync("医療用ハブ MH-4");
            await page.GetByLabel("申出の内容 (Summary)").FillAsync("この決定に異議があります。");
            var response = await page.RunAndWaitForResponseAsync(
                () => page.GetByRole(AriaRole.Button, new() { Name = "Continue to confirmation" }).ClickAsync(),
                r => r.Request.Method == "POST");
            Assert.Equal(400, response.Status);
            var error = page.Locator("#field-subjectCaseId-error");
            await Assertions.Expect(error).ToContainTextAsync($"案件「{named}」は見つかりません");
            await Assertions.Expect(page.Locator("#field-subjectCaseId")).ToHaveValueAsync(named);
            shown.Add((await error.TextContentAsync())!.Replace(named, "<case>", StringComparison.Ordinal));
            Assert.DoesNotContain("/portal/apply/confirm/", page.Url, StringComparison.Ordinal);
        }
        Assert.Equal(shown[0], shown[1]);
        await StaffWorkspace.CheckAsync(page, "portal-apply-appeal-other-case");

        // Nothing was filed: the other organization lists no case about it.
        await page.GotoAsync("/portal");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(theirNumber);
    }
}
