using System.Text.RegularExpressions;
using JcStar.Workflow.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JcStar.Workflow.Web.Tests;

/// <summary>
/// A scheme's procedure changed in the browser, in Chromium against the real server and the real ★1 procedure
/// (SelfDeclarationApplication): the modeler, its properties panel and the publish preview. Its own server (a class
/// fixture), since publishing changes the procedure the clerk's journey walks.
/// </summary>
public sealed class ProcedureEditingTests(StaffWorkspace workspace) : IClassFixture<StaffWorkspace>
{
    private const string ProcessId = "SelfDeclarationApplication";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ILocator Shape(IPage page, string id, string canvas = "[data-canvas]") =>
        page.Locator($"{canvas} .djs-element[data-element-id='{id}']");

    /// <summary>Shows the diagram at full size centred on an element, as a user scrolls and zooms to it before clicking.</summary>
    private static Task CentreOnAsync(IPage page, string id) => page.EvaluateAsync("""
        id => {
          const modeler = document.querySelector('[data-bpmn-modeler]').bpmnModeler;
          const canvas = modeler.get('canvas');
          const element = modeler.get('elementRegistry').get(id);
          const box = canvas.viewbox();
          const x = element.waypoints ? element.waypoints[0].x : element.x + element.width / 2;
          const y = element.waypoints ? element.waypoints[0].y : element.y + element.height / 2;
          canvas.viewbox({ x: x - box.outer.width / 2, y: y - box.outer.height / 2, width: box.outer.width, height: box.outer.height });
        }
        """, id);

    /// <summary>Clicks a sequence flow on its line (the middle of its box may lie off a bent line).</summary>
    private static async Task ClickConnectionAsync(IPage page, string id)
    {
        var point = await page.EvaluateAsync<double[]>("""
            id => {
              const line = document.querySelector(`[data-canvas] .djs-element[data-element-id='${id}'] .djs-hit`);
              const p = line.getPointAtLength(line.getTotalLength() / 2);
              const m = line.getScreenCTM();
              return [p.x * m.a + p.y * m.c + m.e, p.x * m.b + p.y * m.d + m.f];
            }
            """, id);
        await page.Mouse.ClickAsync((float)point[0], (float)point[1]);
    }

    private async Task<IPage> OpenModelerAsync()
    {
        var page = await workspace.NewPageAsync(1400, 900);
        await workspace.SignInAsync(page, "web-admin");
        await page.GotoAsync($"/procedures/{ProcessId}/edit");
        await Assertions.Expect(page.Locator("[data-bpmn-modeler].modeler-ready")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-status]")).ToHaveTextAsync(new Regex("No errors|エラーはありません"));
        return page;
    }

    [Fact]
    public async Task Before_publishing_the_published_version_and_the_draft_are_drawn_side_by_side_with_the_changes_coloured_and_listed()
    {
        Chromium.SkipOrFailWhenAbsent();
        var page = await OpenModelerAsync();
        var publishedVersion = (await workspace.Server.Services.GetRequiredService<WorkflowQueries>().DefinitionVersionsAsync(ProcessId, Ct)).Max(v => v.Version);

        // A task renamed in the properties panel (changed), and a flow deleted and drawn again (one removed, one added).
        await CentreOnAsync(page, "CheckCompleteness");
        await Shape(page, "CheckCompleteness").ClickAsync();
        await page.Locator("#bio-properties-panel-name").FillAsync("書類の完備性と手数料の確認");
        await CentreOnAsync(page, "Flow_IssueApplicationNumber_CheckCompleteness");
        await ClickConnectionAsync(page, "Flow_IssueApplicationNumber_CheckCompleteness");
        await page.Locator(".djs-context-pad [data-action='delete']").ClickAsync();
        await Shape(page, "IssueApplicationNumber").ClickAsync();
        await page.Locator(".djs-context-pad [data-action='connect']").ClickAsync();
        await Shape(page, "SetCheckCompletenessDeadline").ClickAsync();
        await Assertions.Expect(page.Locator("[data-status]")).ToHaveTextAsync(new Regex("No errors|エラーはありません"));

        var publish = page.Locator("[data-publish]");
        await page.Locator("[data-note]").FillAsync("完備性確認で手数料も確かめる");
        await Assertions.Expect(publish).ToBeDisabledAsync();
        await page.Locator("[data-show-diff]").ClickAsync();

        var diff = page.Locator("[data-diff]");
        await Assertions.Expect(diff.Locator("figcaption").First).ToContainTextAsync(publishedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var changed = diff.Locator("ul.diff-changed > li[data-element-id='CheckCompleteness']");
        await Assertions.Expect(changed).ToContainTextAsync("name: “書類の完備性確認” → “書類の完備性と手数料の確認”");
        await Assertions.Expect(diff.Locator("ul.diff-removed > li[data-element-id='Flow_IssueApplicationNumber_CheckCompleteness']")).ToHaveCountAsync(1);
        var added = diff.Locator("ul.diff-added > li");
        await Assertions.Expect(added).ToHaveCountAsync(1);
        await Assertions.Expect(added).ToContainTextAsync("SequenceFlow");

        // Coloured on both drawings: the removed flow on the published one, the added flow on the draft, the renamed task on both.
        await Assertions.Expect(Shape(page, "Flow_IssueApplicationNumber_CheckCompleteness", "[data-diff-canvas='published']")).ToHaveClassAsync(new Regex("jc-removed"));
        await Assertions.Expect(Shape(page, "CheckCompleteness", "[data-diff-canvas='published']")).ToHaveClassAsync(new Regex("jc-changed"));
        await Assertions.Expect(Shape(page, "CheckCompleteness", "[data-diff-canvas='draft']")).ToHaveClassAsync(new Regex("jc-changed"));
        var addedId = await added.GetAttributeAsync("data-element-id");
        await Assertions.Expect(Shape(page, addedId!, "[data-diff-canvas='draft']")).ToHaveClassAsync(new Regex("jc-added"));
        await Assertions.Expect(Shape(page, "Flow_IssueApplicationNumber_CheckCompleteness", "[data-diff-canvas='draft']")).ToHaveCountAsync(0);
        await Assertions.Expect(publish).ToBeEnabledAsync();
        await diff.ScrollIntoViewIfNeededAsync();
        await StaffWorkspace.CheckAsync(page, "procedure-publish-preview");

        // A change after the preview asks for the preview again before publishing.
        await CentreOnAsync(page, "CheckCompleteness");
        await Shape(page, "CheckCompleteness").ClickAsync();
        await page.Locator("#bio-properties-panel-name").FillAsync("書類の完備性確認（手数料を含む）");
        await Assertions.Expect(publish).ToBeDisabledAsync();
        await page.Locator("[data-show-diff]").ClickAsync();
        await Assertions.Expect(changed).ToContainTextAsync("→ “書類の完備性確認（手数料を含む）”");
        await Assertions.Expect(publish).ToBeEnabledAsync();

        await publish.ClickAsync();
        await page.WaitForURLAsync(new Regex($"/procedures/{ProcessId}\\?published={publishedVersion + 1}"));
        var latest = (await workspace.Server.Services.GetRequiredService<WorkflowQueries>().DefinitionVersionsAsync(ProcessId, Ct)).MaxBy(v => v.Version)!;
        Assert.Equal(publishedVersion + 1, latest.Version);
        Assert.Contains("書類の完備性確認（手数料を含む）", latest.Xml, StringComparison.Ordinal);
    }
}
