using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using JcStar.Workflow.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JcStar.Workflow.Web.Tests;

/// <summary>
/// A clerk's day in Chromium against the real server and the real ★1 procedure (SelfDeclarationApplication):
/// every page visited is screenshotted and checked with axe. English accessible names are the contract
/// ('User name', 'Password', 'Sign in', 'Claim', 'Complete', 'Inbox', 'Timeline', 'Documents', 'Mail'); on a
/// Japanese page they sit beside the Japanese, so names are matched as substrings.
/// </summary>
public sealed class StaffWorkspaceTests(StaffWorkspace workspace) : IClassFixture<StaffWorkspace>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ILocator Heading(IPage page, string name) => page.GetByRole(AriaRole.Heading, new() { Name = name });

    private async Task<string> OpenTaskIdAsync(string instanceId) =>
        (await workspace.Server.Services.GetRequiredService<WorkflowQueries>().CaseTasksAsync(instanceId, WorkflowActor.System))
        .Single(t => t.Status == JcStar.Workflow.Runtime.Tasks.HumanTaskStatus.Open).Id;

    [Fact]
    public async Task A_clerk_claims_a_task_from_the_inbox_fixes_a_form_error_without_retyping_downloads_the_letter_and_records_the_fee()
    {
        Chromium.SkipOrFailWhenAbsent();
        var instanceId = await workspace.FileApplicationAsync("スマートカメラ SC-100", Ct);
        // The server-rendered form and its messages are what this journey checks: the form-js island, which replaces
        // them when its script loads, is left out (its endpoint and behaviour are tested in Server.Tests' TaskFormTests).
        var page = await workspace.NewPageAsync(formIsland: false);
        await workspace.SignInAsync(page, "sato");

        await page.GotoAsync("/inbox");
        await Assertions.Expect(Heading(page, "Inbox")).ToBeVisibleAsync();
        await StaffWorkspace.CheckAsync(page, "inbox");
        var row = page.Locator($"tbody tr:has(a[href='/cases/{instanceId}'])");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("書類の完備性確認");

        await row.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex("/inbox\\?done=claimed"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await Assertions.Expect(row).ToContainTextAsync("sato");
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Unclaim" })).ToBeVisibleAsync();
        await StaffWorkspace.CheckAsync(page, "inbox-claimed");

        await row.GetByRole(AriaRole.Link, new() { Name = "Open" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex("/tasks/"));
        await Assertions.Expect(Heading(page, "書類の完備性確認")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(StaffWorkspace.CompanyA);
        await StaffWorkspace.CheckAsync(page, "task");

        // The required answer left out, a note typed: the message stands beside the field and the note is still there.
        const string note = "登記事項証明書の写しを確認済み";
        await page.GetByLabel("不足している書類・補正事項").FillAsync(note);
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete" }).ClickAsync();
        var answer = page.GetByLabel("申請書類は揃っていますか");
        await Assertions.Expect(page.Locator("#field-complete-error")).ToBeVisibleAsync();
        await Assertions.Expect(answer).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(answer).ToHaveAttributeAsync("aria-describedby", "field-complete-error");
        await Assertions.Expect(page.GetByLabel("不足している書類・補正事項")).ToHaveValueAsync(note);
        await StaffWorkspace.CheckAsync(page, "task-with-error");

        await answer.SelectOptionAsync(new SelectOptionValue { Label = "はい" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex("/inbox\\?done=completed"));
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await StaffWorkspace.CheckAsync(page, "inbox-completed");

        // The case has moved on to waiting for the fee, with the acceptance and fee letters written.
        await page.GotoAsync($"/cases/{instanceId}");
        await Assertions.Expect(Heading(page, "Timeline")).ToBeVisibleAsync();
        await Assertions.Expect(Heading(page, "Documents")).ToBeVisibleAsync();
        await Assertions.Expect(Heading(page, "Mail")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("ol.path li.active")).ToHaveTextAsync("手数料の入金待ち");
        await Assertions.Expect(page.Locator("ol.path li:not(.active)", new() { HasText = "書類の完備性確認" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("sato");
        await StaffWorkspace.CheckAsync(page, "case-awaiting-fee");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "手数料請求書" }).ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        var saved = Path.Combine(workspace.Server.DataRoot, "downloaded.docx");
        await download.SaveAsAsync(saved);
        using (var word = WordprocessingDocument.Open(saved, isEditable: false))
        {
            var text = word.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains(StaffWorkspace.CompanyA, text, StringComparison.Ordinal);
        }

        var fee = page.Locator("form.received", new() { HasText = "手数料の入金待ち" });
        await fee.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex("done=recorded"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("ol.path li.active")).ToHaveTextAsync("チェックリスト審査");
        await Assertions.Expect(page.Locator("form.received", new() { HasText = "手数料の入金待ち" })).ToHaveCountAsync(0);
        await StaffWorkspace.CheckAsync(page, "case-fee-recorded");
    }

    [Theory]
    [InlineData("kondo")]
    [InlineData("bob")]
    public async Task A_conflicted_clerk_and_another_applicant_see_nothing_of_the_case(string user)
    {
        Chromium.SkipOrFailWhenAbsent();
        const string product = "見えないルーター WR-7";
        var instanceId = await workspace.FileApplicationAsync(product, Ct);
        var taskId = await OpenTaskIdAsync(instanceId);
        var page = await workspace.NewPageAsync();
        await workspace.SignInAsync(page, user);

        foreach (var (path, name) in new[] { ($"/cases/{instanceId}", "case"), ($"/tasks/{taskId}", "task") })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(404, response!.Status);
            await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(product);
            await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(StaffWorkspace.CompanyA);
            await StaffWorkspace.CheckAsync(page, $"{user}-{name}-not-found");
        }

        foreach (var (path, name) in new[] { ("/inbox", "inbox"), ("/cases", "cases"), ($"/cases?q={Uri.EscapeDataString(product)}", "cases-search") })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator($"a[href='/cases/{instanceId}']")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(product);
            await StaffWorkspace.CheckAsync(page, $"{user}-{name}");
        }
        var csv = await page.Context.APIRequest.GetAsync("/cases.csv");
        Assert.Equal(200, csv.Status);
        Assert.DoesNotContain(product, await csv.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clerk_finds_a_case_by_its_product_and_exports_the_list_as_CSV_that_Excel_reads_as_UTF8()
    {
        Chromium.SkipOrFailWhenAbsent();
        const string product = "ネットワークカメラ NC-42";
        var instanceId = await workspace.FileApplicationAsync(product, Ct);
        var variables = await workspace.Server.Services.GetRequiredService<WorkflowQueries>().CaseVariablesAsync(instanceId, WorkflowActor.System, Ct);
        var applicationNumber = variables["applicationNumber"].GetString()!;
        var page = await workspace.NewPageAsync();
        await workspace.SignInAsync(page, "sato");

        await page.GotoAsync("/cases");
        await page.GetByRole(AriaRole.Searchbox).FillAsync("NC-42");
        await page.GetByRole(AriaRole.Searchbox).PressAsync("Enter");
        await page.ArrivedAtAsync(new Regex("q=NC-42"));
        var rows = page.Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows).ToContainTextAsync(applicationNumber);
        await Assertions.Expect(rows).ToContainTextAsync(StaffWorkspace.CompanyA);
        await StaffWorkspace.CheckAsync(page, "cases-search");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a[href^='/cases.csv']").ClickAsync());
        var saved = Path.Combine(workspace.Server.DataRoot, "cases.csv");
        await download.SaveAsAsync(saved);
        var bytes = await File.ReadAllBytesAsync(saved, Ct);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines, l => l.Contains(applicationNumber, StringComparison.Ordinal));
        Assert.Contains(product, line, StringComparison.Ordinal);
        Assert.Contains(StaffWorkspace.CompanyA, line, StringComparison.Ordinal);
        Assert.Equal(2, lines.Length); // the header and the one case the search found
    }

    [Fact]
    public async Task A_manager_looks_at_a_colleagues_tasks_and_at_every_open_task_by_step_and_priority()
    {
        Chromium.SkipOrFailWhenAbsent();
        var instanceId = await workspace.FileApplicationAsync("見守りカメラ MC-8（監督）", Ct);
        var taskId = await OpenTaskIdAsync(instanceId);
        await using (var scope = workspace.Server.Services.CreateAsyncScope())
        {
            var actor = await scope.ServiceProvider.GetRequiredService<JcStar.Workflow.Runtime.Access.IActorDirectory>().FindAsync("sato", Ct);
            await workspace.Server.Services.GetRequiredService<WorkflowRuntime>().ClaimTaskAsync(taskId, actor!, Ct);
        }
        var page = await workspace.NewPageAsync();
        await workspace.SignInAsync(page, "mori");

        await page.GotoAsync("/inbox");
        await Assertions.Expect(page.Locator($"tbody tr:has(a[href='/cases/{instanceId}'])")).ToHaveCountAsync(0);

        await page.Locator("select[name=view]").SelectOptionAsync("colleague");
        await page.Locator("input[name=colleague]").FillAsync("sato");
        await page.Locator("select[name=sort]").SelectOptionAsync("priority");
        await page.Locator("form.filters button[type=submit]").ClickAsync();
        await page.ArrivedAtAsync(new Regex("view=colleague"));
        var row = page.Locator($"tbody tr:has(a[href='/cases/{instanceId}'])");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("sato");
        await StaffWorkspace.CheckAsync(page, "inbox-colleague");

        await page.GotoAsync("/inbox?view=all&step=SelfDeclarationApplication%3ACheckCompleteness&sort=priority");
        await StaffWorkspace.CheckAsync(page, "inbox-all-by-step");
        await Assertions.Expect(page.Locator("select[name=step] option:checked")).ToHaveTextAsync("書類の完備性確認");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("tbody tr:not(:has-text('書類の完備性確認'))")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_admin_revokes_a_users_token_and_suspends_a_facilitys_approval_and_a_clerk_is_refused_both_pages()
    {
        Chromium.SkipOrFailWhenAbsent();
        string tokenId;
        await using (var scope = workspace.Server.Services.CreateAsyncScope())
        {
            var administration = scope.ServiceProvider.GetRequiredService<JcStar.Workflow.Identity.Administration.AccessAdministration>();
            tokenId = (await administration.CreateTokenAsync("sato", "会計システム連携", TimeSpan.FromDays(30), Ct)).Token.Id;
        }
        workspace.Server.Services.GetRequiredService<JcStar.Workflow.Scheme.Facilities.IFacilityStore>().Save(new JcStar.Workflow.Scheme.Facilities.EvaluationFacility
        {
            Id = "FAC-WEB-1",
            Name = "関西IoT評価研究所",
            Status = JcStar.Workflow.Scheme.Facilities.FacilityApprovalStatus.Approved,
            Accreditation = new JcStar.Workflow.Scheme.Facilities.Accreditation("IAJapan", "ASNITE-0123-T", new DateOnly(2030, 3, 31)),
            ApprovedOn = new DateOnly(2026, 4, 1),
        });
        var page = await workspace.NewPageAsync();
        await workspace.SignInAsync(page, "web-admin");

        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "アクセストークン" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex("/admin/tokens$"));
        var token = page.Locator("tbody tr", new() { HasText = tokenId });
        await Assertions.Expect(token).ToContainTextAsync("会計システム連携");
        await Assertions.Expect(token).ToContainTextAsync("sato");
        await StaffWorkspace.CheckAsync(page, "admin-tokens");
        await token.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex("revoked="));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(tokenId);
        await Assertions.Expect(token.Locator("td.status")).ToHaveClassAsync(new Regex("revoked"));
        await Assertions.Expect(token.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);

        await page.GotoAsync("/admin/facilities");
        var facility = page.Locator("tbody tr", new() { HasText = "FAC-WEB-1" });
        await Assertions.Expect(facility).ToContainTextAsync("★3・★4");
        await Assertions.Expect(facility).ToContainTextAsync("ASNITE-0123-T");
        await StaffWorkspace.CheckAsync(page, "admin-facilities");
        await facility.GetByRole(AriaRole.Button, new() { Name = "承認を停止" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex("changed=FAC-WEB-1"));
        await Assertions.Expect(facility).ToContainTextAsync("承認停止中");
        Assert.Equal(JcStar.Workflow.Scheme.Facilities.FacilityApprovalStatus.Suspended,
            workspace.Server.Services.GetRequiredService<JcStar.Workflow.Scheme.Facilities.IFacilityStore>().Find("FAC-WEB-1")!.Status);
        await StaffWorkspace.CheckAsync(page, "admin-facilities-suspended");

        var clerk = await workspace.NewPageAsync();
        await workspace.SignInAsync(clerk, "sato");
        // A signed-in person refused a page is sent to the sign-in page (the cookie's access-denied path): nothing of it shows.
        foreach (var path in new[] { "/admin/tokens", "/admin/facilities" })
        {
            await clerk.GotoAsync(path);
            Assert.DoesNotContain("/admin", new Uri(clerk.Url).AbsolutePath, StringComparison.Ordinal);
            await Assertions.Expect(clerk.Locator("body")).Not.ToContainTextAsync("会計システム連携");
            await Assertions.Expect(clerk.Locator("body")).Not.ToContainTextAsync("関西IoT評価研究所");
        }
    }

    [Fact]
    public async Task A_clerk_starts_a_paper_application_on_the_form_js_start_form_and_keeps_what_was_typed_when_a_field_is_missing()
    {
        Chromium.SkipOrFailWhenAbsent();
        var page = await workspace.NewPageAsync();
        await workspace.SignInAsync(page, "sato");
        await page.GotoAsync("/cases/new?process=SelfDeclarationApplication");
        var island = page.Locator("form.start-form-island");
        await Assertions.Expect(island).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("section[data-start-form] > form:not(.start-form-island)")).ToBeHiddenAsync();

        await island.Locator("#applicant-org").SelectOptionAsync(new SelectOptionValue { Label = $"{StaffWorkspace.CompanyA}（7000012050002）" });
        await island.Locator(".fjs-form-field-select .fjs-select-display").ClickAsync();
        await island.Locator(".fjs-dropdownlist-item", new() { HasTextString = "★1" }).ClickAsync();
        await island.GetByLabel("型番 (Model numbers)").FillAsync("IS-1\nIS-2");
        await island.GetByLabel("サポート期間 (Support period)").FillAsync("2032年3月まで");
        await island.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(island.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Assertions.Expect(island.Locator(".fjs-has-errors")).ToHaveCountAsync(1);
        await Assertions.Expect(island.GetByLabel("サポート期間 (Support period)")).ToHaveValueAsync("2032年3月まで");
        await Assertions.Expect(island.GetByLabel("型番 (Model numbers)")).ToHaveValueAsync("IS-1\nIS-2");
        await StaffWorkspace.CheckAsync(page, "start-case-island-with-error");

        await island.GetByLabel("製品名 (Product)").FillAsync("見守りセンサー IS-9");
        await island.Locator("button[type=submit]").ClickAsync();
        await page.ArrivedAtAsync(new Regex("/cases/[^/?]+$"));
        var instanceId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var variables = await workspace.Server.Services.GetRequiredService<WorkflowQueries>().CaseVariablesAsync(instanceId, WorkflowActor.System, Ct);
        Assert.Equal("見守りセンサー IS-9", variables["product"].GetProperty("name").GetString());
        Assert.Equal(["IS-1", "IS-2"], variables["product"].GetProperty("modelNumbers").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(StaffWorkspace.CompanyA, variables["applicant"].GetProperty("name").GetString());
        await Assertions.Expect(page.Locator("ol.path li.active")).ToHaveTextAsync("書類の完備性確認");

        // Started from a form, the case has no business key: the inbox names it by its application number, as /cases does.
        var applicationNumber = variables["applicationNumber"].GetString()!;
        await page.GotoAsync("/inbox?procedure=SelfDeclarationApplication");
        await Assertions.Expect(page.Locator($"td.case-ref a[href='/cases/{instanceId}']")).ToHaveTextAsync(applicationNumber);
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(768, 1024)]
    public async Task Every_page_fits_its_window_without_sideways_scrolling(int width, int height)
    {
        Chromium.SkipOrFailWhenAbsent();
        var instanceId = await workspace.FileApplicationAsync("スマートスピーカー SP-3（幅の確認）", Ct);
        var taskId = await OpenTaskIdAsync(instanceId);
        var page = await workspace.NewPageAsync(width, height);
        await workspace.SignInAsync(page, "web-admin");

        foreach (var (path, name) in new[]
        {
            ("/inbox?view=all", "inbox"), ($"/tasks/{taskId}", "task"), ($"/cases/{instanceId}", "case"), ("/cases", "cases"), ("/cases/new", "start-case"),
            ("/overview", "overview"), ("/admin", "admin"), ("/admin/tokens", "admin-tokens"), ("/admin/facilities", "admin-facilities"),
        })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            var overflow = await page.EvaluateAsync<int[]>(
                "() => { const m = document.querySelector('main'); return [m.scrollWidth, m.clientWidth, document.documentElement.scrollWidth, window.innerWidth]; }");
            Assert.True(overflow[0] <= overflow[1] && overflow[2] <= overflow[3],
                $"{path} at {width}x{height} scrolls sideways: main {overflow[0]} > {overflow[1]} or page {overflow[2]} > {overflow[3]}");
            await StaffWorkspace.CheckAsync(page, $"{name}-{width}x{height}");
        }
    }
}
