using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using JcStar.Workflow.Identity;
using JcStar.Workflow.Identity.Administration;
using JcStar.Workflow.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JcStar.Workflow.Web.Tests;

/// <summary>
/// A scheme manager simulates the ★1 self-declaration procedure in the browser, through the same simulation as
/// <c>jcstar simulate</c>: a kept scenario on the published version, and a composed one on the modeler's draft.
/// Its own server (a class fixture): the scheme manager is created here.
/// </summary>
public sealed class ProcedureSimulationTests(StaffWorkspace workspace) : IClassFixture<StaffWorkspace>
{
    private const string ProcessId = "SelfDeclarationApplication";
    private const string Manager = "yamada-sim";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<IPage> SignInAsManagerAsync()
    {
        await using (var scope = workspace.Server.Services.CreateAsyncScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<AccessAdministration>();
            if ((await admin.ListUsersAsync(Ct)).All(u => u.UserName != Manager))
                await admin.CreateUserAsync(new NewUser(Manager, SchemeRoles.SchemeManager, null, "yamada@example.jp", StaffWorkspace.Password) { DisplayName = "山田" });
        }
        var page = await workspace.NewPageAsync(1400, 900);
        await workspace.SignInAsync(page, Manager);
        return page;
    }

    private static ILocator PathShape(IPage page, string id) =>
        page.Locator($".simulation-result .diagram.diagram-drawn .djs-element.case-completed[data-element-id='{id}']");

    [Fact]
    public async Task A_scheme_manager_simulates_a_kept_scenario_sees_the_path_on_the_diagram_and_opens_the_grant_letter()
    {
        Chromium.SkipOrFailWhenAbsent();
        var page = await SignInAsManagerAsync();
        await page.GotoAsync($"/procedures/{ProcessId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Simulate" }).ClickAsync();
        await page.GetByLabel("Scenario").SelectOptionAsync("granted");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run the simulation" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-outcome]")).ToHaveAttributeAsync("data-outcome", "completed", new() { Timeout = 60_000 });
        // The path is coloured on the diagram: the completeness check, the review and the letter on the grant branch.
        foreach (var id in new[] { "CheckCompleteness", "ReviewChecklist", "RenderGrantNotice", "EndGranted" })
            await Assertions.Expect(PathShape(page, id)).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-simulation-problems]")).ToHaveCountAsync(0);
        // The mail it would send, to read on the page.
        var grantMail = page.Locator("[data-simulated-mail='label-granted']");
        await Assertions.Expect(grantMail).ToHaveCountAsync(1);
        await Assertions.Expect(grantMail.Locator(".mail-text")).ToContainTextAsync("さくらホームルーター SR-100");
        await StaffWorkspace.CheckAsync(page, "procedure-simulation");

        var link = page.Locator("[data-simulation-letters] a[data-letter-template='grant-notice']");
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = (await download.PathAsync())!;
        using var word = WordprocessingDocument.Open(path, false);
        var text = word.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("さくらホームルーター SR-100", text, StringComparison.Ordinal);
        Assert.Contains("JCS1-26-000001", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);

        // With LibreOffice on the server, the same letter opens as PDF (CI has it: JCSTAR_REQUIRE_ALL).
        var hasPdf = workspace.Server.Services.GetService<JcStar.Workflow.Documents.Pdf.IPdfConverter>() is not null;
        Assert.True(hasPdf || !RequiredComponent.RequireAll, "the server found no LibreOffice for PDF (JCSTAR_REQUIRE_ALL is set)");
        if (hasPdf)
        {
            var pdfLink = page.Locator("[data-simulation-letters] a[data-letter-pdf='grant-notice']");
            var pdf = await page.APIRequest.GetAsync((await pdfLink.GetAttributeAsync("href"))!, new() { Timeout = 120_000 });
            Assert.Equal(200, pdf.Status);
            Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.BodyAsync())[..4]));
        }
    }

    /// <summary>The start variables of the kept "granted" scenario (an applicant and a product the letters name).</summary>
    private static string GrantedVariables()
    {
        using var scenario = System.Text.Json.JsonDocument.Parse(File.ReadAllText(RepositoryPaths.InRepo("workflows", "scenarios", "self-declaration-application", "granted.json")));
        return scenario.RootElement.GetProperty("variables").GetRawText();
    }

    [Fact]
    public async Task A_composed_scenario_runs_on_the_modelers_draft_and_a_step_the_process_does_not_wait_for_names_its_element()
    {
        Chromium.SkipOrFailWhenAbsent();
        var page = await SignInAsManagerAsync();
        await page.GotoAsync($"/procedures/{ProcessId}/edit");
        await Assertions.Expect(page.Locator("[data-bpmn-modeler].modeler-ready")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        // A change only the draft has: the completeness check renamed.
        await page.EvaluateAsync("""
            () => {
              const modeler = document.querySelector('[data-bpmn-modeler]').bpmnModeler;
              modeler.get('modeling').updateProperties(modeler.get('elementRegistry').get('CheckCompleteness'), { name: '下書きの形式確認' });
            }
            """);
        var form = page.Locator("form[data-simulate-draft-form]");
        await form.Locator("summary").ClickAsync();
        await form.GetByLabel("Start variables (JSON)").FillAsync(GrantedVariables());
        await form.GetByLabel("Step 1: kind").SelectOptionAsync("complete");
        await form.GetByLabel("Step 1: target").FillAsync("CheckCompleteness");
        await form.GetByLabel("Step 1: variables").FillAsync("""{"complete": true}""");
        await form.GetByLabel("Step 2: kind").SelectOptionAsync("complete");
        await form.GetByLabel("Step 2: target").FillAsync("NoSuchTask");
        await form.GetByRole(AriaRole.Button, new() { Name = "Run the simulation" }).ClickAsync();

        await page.ArrivedAtAsync(new Regex($"/procedures/{ProcessId}/simulate$"));
        var problems = page.Locator("[data-simulation-problems]");
        await Assertions.Expect(problems).ToContainTextAsync("steps[1]: no open task 'NoSuchTask'", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator(".notice").First).ToContainTextAsync(new Regex("draft|下書き"));

        // Run again from the simulate page, still on the draft (it travels in the form): without the bad step it waits for the fee.
        await page.GetByLabel("Step 2: kind").SelectOptionAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run the simulation" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-outcome]")).ToHaveAttributeAsync("data-outcome", "waiting", new() { Timeout = 60_000 });
        // The diagram drawn is the draft's.
        await Assertions.Expect(page.Locator(".simulation-result .djs-element[data-element-id='CheckCompleteness']")).ToContainTextAsync("下書きの形式確認");
        await Assertions.Expect(PathShape(page, "CheckCompleteness")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".simulation-result .djs-element.case-active[data-element-id='AwaitFee']")).ToHaveCountAsync(1);
        await StaffWorkspace.CheckAsync(page, "procedure-simulation-draft");
    }
}
