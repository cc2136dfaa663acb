using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Documents;
using JcStar.Workflow.Runtime.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JcStar.Workflow.Web.Tests;

/// <summary>
/// An applicant's way in, in Chromium against the real server and the real ★1 procedure: signing up, confirming the
/// address by the link in the .eml the outbox wrote, filing a ★1 application with its checklist and files, answering a
/// correction request, and another organization seeing nothing of it. Every page is screenshotted and checked with axe.
/// </summary>
public sealed class ApplicantPortalTests(ApplicantPortal portal) : IClassFixture<ApplicantPortal>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ILocator Heading(IPage page, string name) => page.GetByRole(AriaRole.Heading, new() { Name = name });

    private static FilePayload Pdf(string name, int size = 2048)
    {
        var bytes = new byte[size];
        Encoding.ASCII.GetBytes("%PDF-1.4\n").CopyTo(bytes, 0);
        return new FilePayload { Name = name, MimeType = "application/pdf", Buffer = bytes };
    }

    private async Task SignUpAsync(IPage page, string company, string corporateNumber, string email)
    {
        await page.GotoAsync("/signup");
        await page.GetByLabel("事業者名（法人名）").FillAsync(company);
        await page.GetByLabel("法人番号（13桁）").FillAsync(corporateNumber);
        await page.GetByLabel("郵便番号").FillAsync("100-0001");
        await page.GetByLabel("所在地").FillAsync("東京都千代田区千代田1-1");
        await page.GetByLabel("担当者氏名").FillAsync("山田 花子");
        await page.GetByLabel("電話番号").FillAsync("03-1234-5678");
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.Locator("#password").FillAsync(ApplicantPortal.Password);
        await page.Locator("#passwordConfirmation").FillAsync(ApplicantPortal.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
    }

    [Fact]
    public async Task An_organization_signs_up_confirms_its_address_by_the_mailed_link_files_a_star1_application_and_answers_a_correction_request_that_no_other_organization_sees()
    {
        Chromium.SkipOrFailWhenAbsent();
        const string company = "株式会社ガンマ技研";
        const string email = "hanako@gamma.example.jp";
        var page = await portal.NewPageAsync();

        // A wrong check digit: the page says so beside the 法人番号 and keeps everything typed (but the passwords).
        var valid = ApplicantPortal.CorporateNumberFor("123456789012");
        var wrong = ((valid[0] - '0' + 1) % 10).ToString(System.Globalization.CultureInfo.InvariantCulture) + valid[1..];
        await SignUpAsync(page, company, wrong, email);
        var number = page.GetByLabel("法人番号（13桁）");
        await Assertions.Expect(page.Locator("#corporateNumber-error")).ToContainTextAsync("検査用数字");
        await Assertions.Expect(number).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(number).ToHaveValueAsync(wrong);
        await Assertions.Expect(page.GetByLabel("事業者名（法人名）")).ToHaveValueAsync(company);
        await Assertions.Expect(page.GetByLabel("所在地")).ToHaveValueAsync("東京都千代田区千代田1-1");
        await StaffWorkspace.CheckAsync(page, "signup-with-error");

        await SignUpAsync(page, company, valid, email);
        await page.ArrivedAtAsync(new Regex("/signup/sent$"));
        await StaffWorkspace.CheckAsync(page, "signup-sent");

        // Not yet confirmed: the account exists but cannot sign in.
        var early = await portal.NewPageAsync();
        await early.GotoAsync("/login");
        await early.GetByRole(AriaRole.Textbox, new() { Name = "User name" }).FillAsync(email);
        await early.GetByLabel("Password", new() { Exact = true }).FillAsync(ApplicantPortal.Password);
        await early.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(early.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        Assert.Contains("/login", early.Url, StringComparison.Ordinal);

        var mail = await portal.MailToAsync(email, "メールアドレスの確認", Ct);
        await page.GotoAsync(ApplicantPortal.LinkIn(mail, "/signup/confirm"));
        await StaffWorkspace.CheckAsync(page, "signup-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("メールアドレスを確認しました");
        await StaffWorkspace.CheckAsync(page, "signup-confirmed");

        await ApplicantPortal.SignInAsync(page, email, ApplicantPortal.Password);
        await page.ArrivedAtAsync(new Regex("/portal$"));
        await Assertions.Expect(Heading(page, "Applicant portal")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(company);
        await StaffWorkspace.CheckAsync(page, "portal-home-empty");

        // The ★1 application: product, models, level, the 16 items, and files of which two are refused.
        await page.GetByRole(AriaRole.Link, new() { Name = "★1 or ★2 self-declaration" }).ClickAsync();
        await Assertions.Expect(Heading(page, "★1 or ★2 self-declaration")).ToBeVisibleAsync();
        await page.Locator("#field-level").SelectOptionAsync("Star1");
        await page.GetByLabel("製品名 (Product)").FillAsync("スマートロック SL-1");
        await page.GetByLabel("型番 (Model numbers)").FillAsync("SL-1-W, SL-1-B");
        await page.GetByLabel("脆弱性の連絡先 (Vulnerability contact)").FillAsync("psirt@gamma.example.jp");
        for (var i = 1; i <= 16; i++)
        {
            var key = $"S1_1_{i:00}";
            await page.Locator($"#result-{key}").SelectOptionAsync(i == 16 ? "NotApplicable" : "Conforms");
            await page.Locator($"#evidence-{key}").FillAsync(i == 16 ? "無線機能を持たないため該当しない" : $"設計書 3.{i} 節");
        }
        await page.Locator("#files").SetInputFilesAsync(
        [
            Pdf("設計書_スマートロック.pdf"),
            Pdf("大きすぎる資料.pdf", (int)ApplicantPortal.MaxUploadBytes + 512 * 1024),
            new FilePayload { Name = "tool.exe", MimeType = "application/octet-stream", Buffer = [0x4D, 0x5A, 0x90, 0x00] },
        ]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to confirmation" }).ClickAsync();
        var filesError = page.Locator("#files-error");
        await Assertions.Expect(filesError).ToContainTextAsync("大きすぎる資料.pdf");
        await Assertions.Expect(filesError).ToContainTextAsync("tool.exe");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        // Nothing else is lost: what was typed, the checklist and the accepted file are all still there.
        await Assertions.Expect(page.GetByLabel("製品名 (Product)")).ToHaveValueAsync("スマートロック SL-1");
        await Assertions.Expect(page.Locator("#field-level")).ToHaveValueAsync("Star1");
        await Assertions.Expect(page.Locator("#result-S1_1_16")).ToHaveValueAsync("NotApplicable");
        await Assertions.Expect(page.Locator("#evidence-S1_1_16")).ToHaveValueAsync("無線機能を持たないため該当しない");
        await Assertions.Expect(page.Locator("ul.kept-files")).ToContainTextAsync("設計書_スマートロック.pdf");
        await StaffWorkspace.CheckAsync(page, "portal-application-files-refused");

        var xlsx = new byte[600];
        new byte[] { 0x50, 0x4B, 0x03, 0x04 }.CopyTo(xlsx, 0);
        await page.Locator("#files").SetInputFilesAsync([new FilePayload { Name = "チェックリスト_SL-1.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = xlsx }]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to confirmation" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex("/portal/apply/confirm/"));
        await Assertions.Expect(Heading(page, "Confirm the application")).ToBeVisibleAsync();
        var main = page.Locator("main");
        await Assertions.Expect(main).ToContainTextAsync("スマートロック SL-1");
        await Assertions.Expect(main).ToContainTextAsync("設計書_スマートロック.pdf");
        await Assertions.Expect(main).ToContainTextAsync("チェックリスト_SL-1.xlsx");
        await Assertions.Expect(main).ToContainTextAsync("無線機能を持たないため該当しない");
        await StaffWorkspace.CheckAsync(page, "portal-application-confirm");

        await page.GetByRole(AriaRole.Button, new() { Name = "File application" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex("/portal/receipt/"));
        var instanceId = Uri.UnescapeDataString(new Uri(page.Url).Segments[^1]);
        var receipt = page.Locator("dd.receipt");
        await Assertions.Expect(receipt).ToHaveTextAsync(new Regex("^JCS-A-\\d{4}-\\d{5}$"));
        var applicationNumber = (await receipt.TextContentAsync())!;
        await StaffWorkspace.CheckAsync(page, "portal-receipt");

        // The case holds the checklist and both files under their Japanese names.
        var services = portal.Server.Services;
        var queries = services.GetRequiredService<WorkflowQueries>();
        var variables = await queries.CaseVariablesAsync(instanceId, WorkflowActor.System, Ct);
        Assert.Equal("NotApplicable", variables["checklist"].GetProperty("S1_1_16").GetProperty("result").GetString());
        Assert.Equal("設計書 3.1 節", variables["checklist"].GetProperty("S1_1_01").GetProperty("evidence").GetString());
        Assert.Equal(company, variables["applicant"].GetProperty("name").GetString());
        var documents = await services.GetRequiredService<IDocumentStore>().ListByInstanceAsync(instanceId, Ct);
        Assert.Equal(["チェックリスト_SL-1.xlsx", "設計書_スマートロック.pdf"], documents.Select(d => d.Name).Order(StringComparer.Ordinal));

        // The office finds something missing: the case now waits for the applicant's correction.
        var check = (await queries.CaseTasksAsync(instanceId, WorkflowActor.System, Ct)).Single(t => t.Status == HumanTaskStatus.Open);
        await services.GetRequiredService<WorkflowRuntime>().CompleteTaskAsync(check.Id, ImmutableDictionary<string, JsonElement>.Empty
            .Add("complete", JsonSerializer.SerializeToElement(false))
            .Add("missingItems", JsonSerializer.SerializeToElement("型番 SL-1-B の取扱説明書を追加してください")), WorkflowActor.System, Ct);

        await page.GotoAsync("/portal");
        var row = page.Locator("tbody tr", new() { HasText = applicationNumber });
        await Assertions.Expect(row).ToContainTextAsync("補正をお願いしています");
        await StaffWorkspace.CheckAsync(page, "portal-home-correction-requested");

        await row.GetByRole(AriaRole.Link, new() { Name = applicationNumber }).ClickAsync();
        await Assertions.Expect(Heading(page, "What we ask of you")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby=asked]")).ToContainTextAsync("型番 SL-1-B の取扱説明書を追加してください");
        await Assertions.Expect(page.Locator("section[aria-labelledby=letters]")).ToContainTextAsync("補正依頼書");
        await Assertions.Expect(page.Locator("section[aria-labelledby=mail]")).ToContainTextAsync("補正");
        await StaffWorkspace.CheckAsync(page, "portal-case-correction-requested");

        // An answer with no text is refused beside its field; then the answer with a file goes through.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
        var answer = page.GetByLabel("回答・補正の内容");
        await Assertions.Expect(answer).ToHaveAttributeAsync("aria-invalid", "true");
        await StaffWorkspace.CheckAsync(page, "portal-case-answer-error");
        const string reply = "型番 SL-1-B の取扱説明書を添付します。";
        await answer.FillAsync(reply);
        await page.GetByLabel("添付ファイル").SetInputFilesAsync([Pdf("取扱説明書_SL-1-B.pdf")]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex("\\?done=sent$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await Assertions.Expect(Heading(page, "What we ask of you")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("section[aria-labelledby=sent]")).ToContainTextAsync("取扱説明書_SL-1-B.pdf");
        await StaffWorkspace.CheckAsync(page, "portal-case-answered");

        // The message the case waited for arrived: it is back with the office's completeness check, with the answer.
        Assert.Contains(await queries.CaseTasksAsync(instanceId, WorkflowActor.System, Ct), t => t.Status == HumanTaskStatus.Open && t.ElementId == "CheckCompleteness");
        variables = await queries.CaseVariablesAsync(instanceId, WorkflowActor.System, Ct);
        Assert.Equal(reply, variables["applicantReply"].GetProperty("message").GetString());

        // Complete now: the office asks for the fee, and the applicant tells in the portal that it was paid.
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        async Task CompleteAsync(string elementId, ImmutableDictionary<string, JsonElement> data)
        {
            var task = (await queries.CaseTasksAsync(instanceId, WorkflowActor.System, Ct)).Single(t => t.Status == HumanTaskStatus.Open && t.ElementId == elementId);
            await runtime.CompleteTaskAsync(task.Id, data, WorkflowActor.System, Ct);
        }
        await CompleteAsync("CheckCompleteness", ImmutableDictionary<string, JsonElement>.Empty.Add("complete", JsonSerializer.SerializeToElement(true)));
        await page.GotoAsync($"/portal/cases/{instanceId}");
        await Assertions.Expect(page.Locator("section[aria-labelledby=asked]")).ToContainTextAsync("手数料のお支払いをお待ちしています");
        await Assertions.Expect(page.Locator("section[aria-labelledby=asked]")).ToContainTextAsync("198,000");
        await StaffWorkspace.CheckAsync(page, "portal-case-fee-requested");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tell that the fee was paid" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex("\\?done=sent$"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("チェックリスト審査");
        Assert.Equal("paid", (await queries.CaseVariablesAsync(instanceId, WorkflowActor.System, Ct))["feeStatus"].GetString());

        // The office grants the label: the portal lists it, valid, with "apply for extension" filling in the extension's form.
        // Staff judge each of the 16 items as conforming, then grant.
        var review = ImmutableDictionary<string, JsonElement>.Empty.Add("decision", JsonSerializer.SerializeToElement("grant"));
        for (var item = 1; item <= 16; item++)
            review = review.Add($"item{item:00}", JsonSerializer.SerializeToElement("conforms"));
        await CompleteAsync("ReviewChecklist", review);
        var registrationNumber = (await queries.CaseVariablesAsync(instanceId, WorkflowActor.System, Ct))["registrationNumber"].GetString()!;
        await page.GotoAsync("/portal");
        var label = page.Locator("section[aria-labelledby=my-labels] tbody tr", new() { HasText = registrationNumber });
        await Assertions.Expect(label).ToContainTextAsync("有効");
        await Assertions.Expect(label).ToContainTextAsync("★1");
        await StaffWorkspace.CheckAsync(page, "portal-home-label");
        await label.GetByRole(AriaRole.Link, new() { Name = "Apply for extension" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex("/portal/apply/LabelExtension"));
        await Assertions.Expect(page.Locator("#field-registrationNumber")).ToHaveValueAsync(registrationNumber);
        await Assertions.Expect(page.Locator("#field-product-name")).ToHaveValueAsync("スマートロック SL-1");
        await StaffWorkspace.CheckAsync(page, "portal-apply-extension");

        // Another organization's applicant sees nothing of it: not listed, no case page, no receipt, no document.
        var other = await portal.NewPageAsync();
        await ApplicantPortal.SignInAsync(other, "carol", ApplicantPortal.Password);
        await other.GotoAsync("/portal");
        await Assertions.Expect(Heading(other, "Applicant portal")).ToBeVisibleAsync();
        await Assertions.Expect(other.Locator("main")).Not.ToContainTextAsync(applicationNumber);
        await Assertions.Expect(other.Locator("main")).Not.ToContainTextAsync("スマートロック");
        await StaffWorkspace.CheckAsync(other, "portal-other-organization");
        foreach (var path in new[] { $"/portal/cases/{instanceId}", $"/portal/receipt/{instanceId}", $"/portal/apply/AppealsComplaintsDisputes?case={instanceId}" })
        {
            var response = await other.GotoAsync(path);
            var body = await other.Locator("body").TextContentAsync();
            Assert.DoesNotContain("スマートロック", body, StringComparison.Ordinal);
            Assert.DoesNotContain(applicationNumber, body, StringComparison.Ordinal);
            if (!path.Contains("/apply/", StringComparison.Ordinal))
                Assert.Equal(404, response!.Status);
        }
        await StaffWorkspace.CheckAsync(other, "portal-other-organization-appeal-form");
        var download = await other.Context.APIRequest.GetAsync($"/api/documents/{documents[0].Id}");
        Assert.Equal(404, download.Status);
    }

    [Fact]
    public async Task The_first_user_invites_a_colleague_who_sets_a_password_by_the_mailed_link_and_signs_in_to_the_same_organization_but_may_not_invite_anyone_themselves()
    {
        Chromium.SkipOrFailWhenAbsent();
        const string company = "イプシロン通信株式会社";
        const string first = "taro@epsilon.example.jp";
        const string colleague = "jiro@epsilon.example.jp";
        var page = await portal.NewPageAsync();
        await SignUpAsync(page, company, ApplicantPortal.CorporateNumberFor("210987654321"), first);
        await page.ArrivedAtAsync(new Regex("/signup/sent$"));
        await page.GotoAsync(ApplicantPortal.LinkIn(await portal.MailToAsync(first, "メールアドレスの確認", Ct), "/signup/confirm"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await ApplicantPortal.SignInAsync(page, first, ApplicantPortal.Password);

        await page.GotoAsync("/portal/colleagues");
        await page.GetByLabel("メールアドレス").FillAsync("not an address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite" }).ClickAsync();
        await Assertions.Expect(page.Locator("#email-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("メールアドレス")).ToHaveValueAsync("not an address");
        await page.GetByLabel("氏名").FillAsync("鈴木 次郎");
        await page.GetByLabel("メールアドレス").FillAsync(colleague);
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex("done=invited"));
        await Assertions.Expect(page.Locator("main table")).ToContainTextAsync(colleague);
        await StaffWorkspace.CheckAsync(page, "portal-colleagues");

        var invited = await portal.NewPageAsync();
        await invited.GotoAsync(ApplicantPortal.LinkIn(await portal.MailToAsync(colleague, "招待", Ct), "/invitation"));
        await StaffWorkspace.CheckAsync(invited, "invitation");
        await invited.Locator("#password").FillAsync("Colleague-Pass-2026!");
        await invited.Locator("#passwordConfirmation").FillAsync("Colleague-Pass-2026!");
        await invited.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Assertions.Expect(invited.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await ApplicantPortal.SignInAsync(invited, colleague, "Colleague-Pass-2026!");
        await invited.GotoAsync("/portal");
        await Assertions.Expect(invited.Locator("main h1")).ToContainTextAsync(company);

        // The colleague sees who is in the organization but invites no one: the first user does.
        await invited.GotoAsync("/portal/colleagues");
        await Assertions.Expect(invited.Locator("main table")).ToContainTextAsync(first);
        await Assertions.Expect(invited.GetByRole(AriaRole.Button, new() { Name = "Invite" })).ToHaveCountAsync(0);
        await Assertions.Expect(invited.Locator("#invite-by-first-user")).ToContainTextAsync("最初のユーザー");
        await StaffWorkspace.CheckAsync(invited, "portal-colleagues-not-first-user");

        // Not by posting the form either, with a valid anti-forgery token of their own (from another page's form); the
        // same post from the first user's browser invites, so it is the rule that refuses, not a broken request.
        static async Task<int> PostInvitationAsync(IPage from, string name, string address)
        {
            await from.GotoAsync("/portal/apply/self-declaration");
            var token = await from.Locator("input[name=__RequestVerificationToken]").First.InputValueAsync();
            return await from.EvaluateAsync<int>("""
                async ([token, name, address]) => (await fetch('/portal/colleagues', { method: 'POST', redirect: 'manual', body: new URLSearchParams({
                    __RequestVerificationToken: token, _handler: 'invite', displayName: name, email: address }) })).status
                """, new[] { token, name, address });
        }
        var refused = await PostInvitationAsync(invited, "三郎", "saburo@epsilon.example.jp");
        Assert.True(refused is 400 or 403, $"the colleague's invitation was answered {refused}");
        Assert.Equal(0, await PostInvitationAsync(page, "四郎", "shiro@epsilon.example.jp")); // 0: the redirect to ?done=invited, not followed
        await using var scope = portal.Server.Services.CreateAsyncScope();
        var colleagues = await scope.ServiceProvider.GetRequiredService<Identity.SignUp.OrganizationSignUps>().ColleaguesOfAsync(first, Ct);
        Assert.Equal([colleague, "shiro@epsilon.example.jp", first], colleagues.Select(u => u.Email!).Order(StringComparer.Ordinal));
    }
}
