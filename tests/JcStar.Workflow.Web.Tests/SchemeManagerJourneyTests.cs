using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using JcStar.Workflow.Identity;
using JcStar.Workflow.Identity.Administration;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JcStar.Workflow.Web.Tests;

/// <summary>
/// Issue #13's whole change, in Chromium against the real server and the real ★1 procedure (SelfDeclarationApplication):
/// a scheme manager adds a step in the modeler, simulates the draft and opens a letter it would produce, publishes it
/// as version 2, and moves the cases waiting on version 1 to it. Only the waiting cases are filed through the API (as
/// the applicant portal does). Its screenshots (artifacts/screenshots/scheme-manager-*.png) illustrate the README.
/// Its own server (a class fixture), since publishing changes the procedure.
/// </summary>
public sealed class SchemeManagerJourneyTests(StaffWorkspace workspace) : IClassFixture<StaffWorkspace>
{
    private const string ProcessId = "SelfDeclarationApplication";
    private const string Manager = "yamada-journey";
    private const string NewStep = "受理内容の確認";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ILocator Shape(IPage page, string id, string canvas = "[data-canvas]") =>
        page.Locator($"{canvas} .djs-element[data-element-id='{id}']");

    /// <summary>Shows the diagram at full size centred on an element, as a user scrolls to it before clicking.</summary>
    private static Task CentreOnAsync(IPage page, string id) => page.EvaluateAsync("""
        id => {
          const modeler = document.querySelector('[data-bpmn-modeler]').bpmnModeler;
          const canvas = modeler.get('canvas');
          const element = modeler.get('elementRegistry').get(id);
          const box = canvas.viewbox();
          const x = element.waypoints ? (element.waypoints[0].x + element.waypoints[element.waypoints.length - 1].x) / 2 : element.x + element.width / 2;
          const y = element.waypoints ? element.waypoints[0].y : element.y + element.height / 2;
          canvas.viewbox({ x: x - box.outer.width / 2, y: y - box.outer.height / 2, width: box.outer.width, height: box.outer.height });
        }
        """, id);

    /// <summary>The screen point in the middle of the flow from the acceptance mail to the fee wait.</summary>
    private static Task<double[]> FlowMiddleAsync(IPage page) => page.EvaluateAsync<double[]>("""
        () => {
          const line = document.querySelector("[data-canvas] .djs-element[data-element-id='Flow_MailAcceptance_AwaitFee'] .djs-hit");
          const p = line.getPointAtLength(line.getTotalLength() / 2);
          const m = line.getScreenCTM();
          return [p.x * m.a + p.y * m.c + m.e, p.x * m.b + p.y * m.d + m.f];
        }
        """);

    /// <summary>The start variables of the kept "granted" scenario (an applicant and a product the letters name).</summary>
    private static string GrantedVariables()
    {
        using var scenario = System.Text.Json.JsonDocument.Parse(File.ReadAllText(RepositoryPaths.InRepo("workflows", "scenarios", "self-declaration-application", "granted.json")));
        return scenario.RootElement.GetProperty("variables").GetRawText();
    }

    private async Task<IPage> SignInAsManagerAsync()
    {
        await using (var scope = workspace.Server.Services.CreateAsyncScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<AccessAdministration>();
            if ((await admin.ListUsersAsync(Ct)).All(u => u.UserName != Manager))
                await admin.CreateUserAsync(new NewUser(Manager, SchemeRoles.SchemeManager, null, "yamada.journey@example.jp", StaffWorkspace.Password) { DisplayName = "山田" });
        }
        var page = await workspace.NewPageAsync(1400, 900);
        await workspace.SignInAsync(page, Manager);
        return page;
    }

    [Fact]
    public async Task A_scheme_manager_adds_a_step_simulates_the_draft_with_its_letters_publishes_it_and_moves_the_waiting_cases_to_it()
    {
        Chromium.SkipOrFailWhenAbsent();
        var services = workspace.Server.Services;
        // Two applications filed by the applicant through the API, waiting on version 1's completeness check.
        var waiting = new[]
        {
            await workspace.FileApplicationAsync("スマートカメラ SC-100", Ct),
            await workspace.FileApplicationAsync("スマートプラグ SP-200", Ct),
        };

        // 1. The modeler on the published procedure.
        var page = await SignInAsManagerAsync();
        await page.GotoAsync($"/procedures/{ProcessId}/edit");
        await Assertions.Expect(page.Locator("[data-bpmn-modeler].modeler-ready")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-status]")).ToHaveTextAsync(new Regex("No errors|エラーはありません"));

        // 2. A task from the palette dropped on the flow from the acceptance mail to the fee wait (the flow splits
        //    around it), turned into a user task, named and given its candidate group in the properties panel.
        await CentreOnAsync(page, "Flow_MailAcceptance_AwaitFee");
        // First room for it: the space tool dragged from the flow to the right pushes what follows aside.
        var gap = await FlowMiddleAsync(page);
        await page.Locator(".djs-palette [data-action='space-tool']").ClickAsync();
        await page.Mouse.MoveAsync((float)gap[0], (float)gap[1] + 10);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)gap[0] + 80, (float)gap[1] + 10, new() { Steps = 5 });
        await page.Mouse.MoveAsync((float)gap[0] + 160, (float)gap[1] + 10, new() { Steps = 5 });
        await page.Mouse.UpAsync();
        await page.WaitForFunctionAsync("""
            () => {
              const flow = document.querySelector('[data-bpmn-modeler]').bpmnModeler.get('elementRegistry').get('Flow_MailAcceptance_AwaitFee');
              return flow.waypoints[flow.waypoints.length - 1].x - flow.waypoints[0].x >= 180;
            }
            """);
        await CentreOnAsync(page, "Flow_MailAcceptance_AwaitFee");
        var drop = await FlowMiddleAsync(page);
        await page.Locator(".djs-palette [data-action='create.task']").ClickAsync();
        await page.Mouse.MoveAsync((float)drop[0] - 40, (float)drop[1] + 30, new() { Steps = 4 });
        await page.Mouse.MoveAsync((float)drop[0], (float)drop[1], new() { Steps = 4 });
        await page.Mouse.ClickAsync((float)drop[0], (float)drop[1]);
        await Assertions.Expect(page.Locator(".djs-context-pad [data-action='replace']")).ToBeVisibleAsync();
        await page.Locator(".djs-context-pad [data-action='replace']").ClickAsync();
        await page.Locator(".djs-popup [data-id='replace-with-user-task']").ClickAsync();
        await Assertions.Expect(page.Locator(".djs-popup")).ToHaveCountAsync(0);
        var taskId = await page.EvaluateAsync<string>("""
            () => {
              const registry = document.querySelector('[data-bpmn-modeler]').bpmnModeler.get('elementRegistry');
              const known = ['CheckCompleteness', 'ReviewChecklist', 'EscalateReview'];
              return registry.filter(e => e.type === 'bpmn:UserTask' && !known.includes(e.id))[0].id;
            }
            """);
        // The new task sits on the split flow: the acceptance mail leads to it, and it leads to the fee wait.
        Assert.Equal(["MailAcceptance", "AwaitFee"], await page.EvaluateAsync<string[]>("""
            id => {
              const task = document.querySelector('[data-bpmn-modeler]').bpmnModeler.get('elementRegistry').get(id);
              return [task.incoming[0].source.id, task.outgoing[0].target.id];
            }
            """, taskId));
        await Shape(page, taskId).ClickAsync();
        var header = page.Locator("[data-properties] .bio-properties-panel-header-type");
        // A click right after the replace menu closed can land before the canvas redrew (as in ProcedureFormEditingTests):
        // select the task as the click would have, so the test goes on to the panel.
        if (await header.TextContentAsync() != "User Task")
        {
            await page.EvaluateAsync("""
                id => {
                  const modeler = document.querySelector('[data-bpmn-modeler]').bpmnModeler;
                  modeler.get('selection').select(modeler.get('elementRegistry').get(id));
                }
                """, taskId);
        }
        await Assertions.Expect(header).ToHaveTextAsync("User Task");
        await page.Locator("#bio-properties-panel-name").FillAsync(NewStep);
        await page.Locator("#bio-properties-panel-jc-candidate-groups").SelectOptionAsync("label-issuing-staff");
        await Assertions.Expect(Shape(page, taskId)).ToContainTextAsync(NewStep);
        await Assertions.Expect(page.Locator("[data-status]")).ToHaveTextAsync(new Regex("No errors|エラーはありません"));
        await StaffWorkspace.CheckAsync(page, "scheme-manager-1-step-added");

        // 3. The draft simulated with a composed scenario: the granted scenario's applicant, the completeness check
        //    passed. It stops at the new step, after the acceptance letters.
        var form = page.Locator("form[data-simulate-draft-form]");
        await form.Locator("summary").ClickAsync();
        await form.GetByLabel("Start variables (JSON)").FillAsync(GrantedVariables());
        await form.GetByLabel("Step 1: kind").SelectOptionAsync("complete");
        await form.GetByLabel("Step 1: target").FillAsync("CheckCompleteness");
        await form.GetByLabel("Step 1: variables").FillAsync("""{"complete": true}""");
        await form.GetByRole(AriaRole.Button, new() { Name = "Run the simulation" }).ClickAsync();

        await page.ArrivedAtAsync(new Regex($"/procedures/{ProcessId}/simulate$"));
        await Assertions.Expect(page.Locator("[data-outcome]")).ToHaveAttributeAsync("data-outcome", "waiting", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-simulation-problems]")).ToHaveCountAsync(0);
        foreach (var id in new[] { "CheckCompleteness", "AcceptApplication", "RenderAcceptanceForm", "MailAcceptance" })
        {
            await Assertions.Expect(page.Locator($".simulation-result .diagram.diagram-drawn .djs-element.case-completed[data-element-id='{id}']"))
                .ToHaveCountAsync(1, new() { Timeout = 30_000 });
        }
        var waitingAt = page.Locator($".simulation-result .djs-element.case-active[data-element-id='{taskId}']");
        await Assertions.Expect(waitingAt).ToHaveCountAsync(1);
        await Assertions.Expect(waitingAt).ToContainTextAsync(NewStep);
        await StaffWorkspace.CheckAsync(page, "scheme-manager-2-simulation");

        // The acceptance form it would send, opened as the Word file it is.
        var letter = page.Locator("[data-simulation-letters] a[data-letter-template='acceptance-form']");
        var download = await page.RunAndWaitForDownloadAsync(() => letter.ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        using (var word = WordprocessingDocument.Open((await download.PathAsync())!, false))
        {
            var text = word.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("さくらホームルーター SR-100", text, StringComparison.Ordinal);
            Assert.Contains("株式会社さくらネットワークス", text, StringComparison.Ordinal);
            Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        }

        // 4. Back in the modeler by the simulate page's link: the tab kept the draft, which is previewed and published as version 2.
        await page.Locator($"main a[href='/procedures/{ProcessId}/edit']").ClickAsync();
        await page.ArrivedAtAsync(new Regex($"/procedures/{ProcessId}/edit$"));
        await Assertions.Expect(page.Locator("[data-bpmn-modeler].modeler-ready")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(Shape(page, taskId)).ToContainTextAsync(NewStep);
        await Assertions.Expect(page.Locator("[data-status]")).ToHaveTextAsync(new Regex("No errors|エラーはありません"));
        await page.Locator("[data-note]").FillAsync("受理後に受理内容の確認を追加");
        await page.Locator("[data-show-diff]").ClickAsync();
        var diff = page.Locator("[data-diff]");
        var added = diff.Locator($"ul.diff-added > li[data-element-id='{taskId}']");
        await Assertions.Expect(added).ToContainTextAsync("UserTask");
        await Assertions.Expect(Shape(page, taskId, "[data-diff-canvas='draft']")).ToHaveClassAsync(new Regex("jc-added"));
        var publish = page.Locator("[data-publish]");
        await Assertions.Expect(publish).ToBeEnabledAsync();
        await diff.ScrollIntoViewIfNeededAsync();
        await StaffWorkspace.CheckAsync(page, "scheme-manager-3-publish-preview");
        await publish.ClickAsync();
        await page.ArrivedAtAsync(new Regex($"/procedures/{ProcessId}\\?published=2"));

        // 5. The waiting cases moved from version 1 to version 2: the completeness check keeps its id, so it maps by itself.
        await page.GetByRole(AriaRole.Link, new() { Name = "実行中の案件を別の版へ移す" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex($"/procedures/{ProcessId}/migrate$"));
        await Assertions.Expect(page.Locator("select[name='from'] option:checked")).ToHaveTextAsync($"第1版（実行中 {waiting.Length} 件）");
        await Assertions.Expect(page.Locator("select[name='to'] option:checked")).ToHaveTextAsync("第2版（実行中 0 件）");
        await Assertions.Expect(page.Locator("table.mapping tr[data-element-id='CheckCompleteness'] select")).ToHaveValueAsync("CheckCompleteness");
        var migrate = page.Locator("[data-migrate]");
        await Assertions.Expect(migrate).ToBeEnabledAsync();
        await Assertions.Expect(migrate).ToHaveTextAsync($"{waiting.Length} 件を移行");
        await StaffWorkspace.CheckAsync(page, "scheme-manager-4-migration-plan");
        await migrate.ClickAsync();
        var result = page.Locator("[data-migration-result]");
        await Assertions.Expect(result).ToHaveAttributeAsync("data-finished", "done", new() { Timeout = 60_000 });
        await Assertions.Expect(result.Locator("[data-status]")).ToHaveTextAsync($"完了: {waiting.Length} 件を移行し、0 件は移行できませんでした（元のまま残っています）。");
        await StaffWorkspace.CheckAsync(page, "scheme-manager-5-migrated");

        // 6. A moved case's page, as the label-issuing clerk opens it: on version 2, still at the completeness check.
        var clerk = await workspace.NewPageAsync(1280, 900);
        await workspace.SignInAsync(clerk, "sato");
        await clerk.GotoAsync($"/cases/{waiting[0]}");
        await Assertions.Expect(clerk.Locator("main")).ToContainTextAsync("v2");
        await Assertions.Expect(clerk.Locator("ol.path li.active")).ToHaveTextAsync("書類の完備性確認");
        await StaffWorkspace.CheckAsync(clerk, "scheme-manager-6-case-on-v2");
        var queries = services.GetRequiredService<WorkflowQueries>();
        foreach (var id in waiting)
        {
            var task = (await queries.CaseTasksAsync(id, WorkflowActor.System, Ct)).Single(t => t.Status == HumanTaskStatus.Open);
            Assert.Equal(("CheckCompleteness", $"{ProcessId}:2"), (task.ElementId, task.DefinitionId));
        }
    }
}
