using System.Text.RegularExpressions;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Definitions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JcStar.Workflow.Web.Tests;

/// <summary>
/// The modeler's draft in the tab, in Chromium against the real server: a form edited in form-js's editor is kept with
/// the diagram (a visit to the draft's simulation and back finds it edited), and "Discard draft" asks first, then
/// throws both away and opens the published version again. Its own server (a class fixture), since drafts are per procedure.
/// </summary>
public sealed class ProcedureDraftTests(StaffWorkspace workspace) : IClassFixture<StaffWorkspace>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string PublishedLabel = "申請書類は揃っていますか";

    /// <summary>start → a completeness check with the repository's completeness-check form → end.</summary>
    private static string Procedure(string processId) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
            xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
            xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="D_{processId}" targetNamespace="urn:test">
          <process id="{processId}" name="下書きの窓口" isExecutable="true" jc:candidateStarterGroups="label-issuing-staff">
            <startEvent id="Start" />
            <userTask id="Check" name="形式確認" jc:candidateGroups="label-issuing-staff" jc:formKey="completeness-check" />
            <endEvent id="End" />
            <sequenceFlow id="f1" sourceRef="Start" targetRef="Check" />
            <sequenceFlow id="f2" sourceRef="Check" targetRef="End" />
          </process>
          <bpmndi:BPMNDiagram id="Diagram">
            <bpmndi:BPMNPlane id="Plane" bpmnElement="{processId}">
              <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="152" y="182" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Check_di" bpmnElement="Check"><dc:Bounds x="260" y="160" width="100" height="80" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="432" y="182" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="188" y="200" /><di:waypoint x="260" y="200" /></bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="360" y="200" /><di:waypoint x="432" y="200" /></bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </definitions>
        """;

    private async Task<IPage> OpenModelerAsync(string processId)
    {
        await workspace.Server.Services.GetRequiredService<DefinitionDeployment>().DeployAsync(Procedure(processId), $"{processId}.bpmn", WorkflowActor.System, Ct);
        var page = await workspace.NewPageAsync(1400, 1000);
        await workspace.SignInAsync(page, "web-admin");
        await page.GotoAsync($"/procedures/{processId}/edit");
        await ModelerReadyAsync(page);
        return page;
    }

    private static async Task ModelerReadyAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("[data-bpmn-modeler].modeler-ready")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-status]")).ToHaveTextAsync(new Regex("No errors|エラーはありません"), new() { Timeout = 60_000 });
    }

    /// <summary>Selects the completeness check (as a click on it does) and waits for its form in the form editor.</summary>
    private static async Task<ILocator> OpenCheckFormAsync(IPage page)
    {
        await page.EvaluateAsync("""
            () => {
              const modeler = document.querySelector('[data-bpmn-modeler]').bpmnModeler;
              modeler.get('selection').select(modeler.get('elementRegistry').get('Check'));
            }
            """);
        var editor = page.Locator("[data-form-editor-canvas]");
        await Assertions.Expect(editor.Locator(".fjs-form-field-radio")).ToBeVisibleAsync();
        return editor;
    }

    private static ILocator PreviewQuestion(IPage page) => page.Locator("[data-form-preview] .fjs-form-field-radio .fjs-form-field-label").First;

    private static async Task EditQuestionAsync(IPage page, ILocator editor, string label)
    {
        await editor.Locator(".fjs-form-field-radio").First.ClickAsync();
        var general = editor.Locator("[data-group-id='group-general']");
        if (!await general.Locator("[data-entry-id='label']").IsVisibleAsync())
            await general.Locator(".bio-properties-panel-group-header").ClickAsync();
        await editor.Locator("[data-entry-id='label'] [contenteditable], [data-entry-id='label'] input").First.FillAsync(label);
        await Assertions.Expect(PreviewQuestion(page)).ToHaveTextAsync(new Regex(Regex.Escape(label)));
        await Assertions.Expect(page.Locator("[data-form-status]")).ToHaveTextAsync(new Regex("Edited|編集済み"));
    }

    [Fact]
    public async Task A_form_edited_in_the_modeler_is_still_edited_after_the_draft_is_simulated_and_the_modeler_opened_again()
    {
        Chromium.SkipOrFailWhenAbsent();
        const string processId = "DraftFormDesk";
        var page = await OpenModelerAsync(processId);
        var editor = await OpenCheckFormAsync(page);
        await Assertions.Expect(PreviewQuestion(page)).ToHaveTextAsync(new Regex(PublishedLabel));

        await EditQuestionAsync(page, editor, "下書きで変えた質問");

        // To the draft's simulation and back by its link, as a scheme manager checks a change.
        var form = page.Locator("form[data-simulate-draft-form]");
        await form.GetByRole(AriaRole.Button, new() { Name = "Run the simulation" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex($"/procedures/{processId}/simulate$"));
        await Assertions.Expect(page.Locator("[data-outcome]")).ToHaveAttributeAsync("data-outcome", "waiting", new() { Timeout = 60_000 });
        await page.Locator($"main a[href='/procedures/{processId}/edit']").ClickAsync();
        await page.ArrivedAtAsync(new Regex($"/procedures/{processId}/edit$"));
        await ModelerReadyAsync(page);

        await OpenCheckFormAsync(page);
        await Assertions.Expect(PreviewQuestion(page)).ToHaveTextAsync(new Regex("下書きで変えた質問"));
        await Assertions.Expect(page.Locator("[data-form-status]")).ToHaveTextAsync(new Regex("Edited|編集済み"));
        // The kept form is the draft's: the change preview counts it, and publishing would send it.
        await page.Locator("[data-show-diff]").ClickAsync();
        await page.Locator("[data-note]").FillAsync("質問の文言を変更");
        await Assertions.Expect(page.Locator("[data-publish]")).ToBeEnabledAsync();
    }

    [Fact]
    public async Task Discard_draft_asks_first_then_throws_away_the_diagram_and_the_forms_and_opens_the_published_version()
    {
        Chromium.SkipOrFailWhenAbsent();
        const string processId = "DraftDiscardDesk";
        var page = await OpenModelerAsync(processId);
        var discard = page.GetByRole(AriaRole.Button, new() { Name = "Discard draft" });
        await Assertions.Expect(discard).ToBeDisabledAsync();
        await Assertions.Expect(discard).ToContainTextAsync("下書きを破棄");

        // A draft of both kinds: the task renamed, its form's question changed.
        await page.EvaluateAsync("""
            () => {
              const modeler = document.querySelector('[data-bpmn-modeler]').bpmnModeler;
              modeler.get('modeling').updateProperties(modeler.get('elementRegistry').get('Check'), { name: '下書きの形式確認' });
            }
            """);
        var editor = await OpenCheckFormAsync(page);
        await EditQuestionAsync(page, editor, "破棄される質問");
        await Assertions.Expect(discard).ToBeEnabledAsync();
        var shape = page.Locator("[data-canvas] .djs-element[data-element-id='Check']");
        await Assertions.Expect(shape).ToContainTextAsync("下書きの形式確認");
        await page.Locator("[data-bpmn-modeler] .actions-row").ScrollIntoViewIfNeededAsync();
        await StaffWorkspace.CheckAsync(page, "procedure-modeler-discard-draft");

        // Asked first: "cancel" keeps everything.
        var asked = new List<string>();
        var accept = false;
        page.Dialog += async (_, dialog) =>
        {
            asked.Add(dialog.Message);
            if (accept)
                await dialog.AcceptAsync();
            else
                await dialog.DismissAsync();
        };
        await discard.ClickAsync();
        await Assertions.Expect(shape).ToContainTextAsync("下書きの形式確認");
        Assert.Single(asked);
        Assert.Matches("破棄|Discard", asked[0]);
        Assert.NotNull(await page.EvaluateAsync<string?>($"() => sessionStorage.getItem('jc-procedure-draft:/api/procedures/{processId}/source')"));

        // Accepted: the page opens again on the published version, its form as published, nothing kept.
        accept = true;
        await discard.ClickAsync();
        await Assertions.Expect(shape).ToContainTextAsync("形式確認", new() { Timeout = 60_000 });
        await Assertions.Expect(shape).Not.ToContainTextAsync("下書き", new() { Timeout = 60_000 });
        await ModelerReadyAsync(page);
        Assert.Equal(2, asked.Count);
        Assert.Null(await page.EvaluateAsync<string?>($"() => sessionStorage.getItem('jc-procedure-draft:/api/procedures/{processId}/source')"));
        await Assertions.Expect(discard).ToBeDisabledAsync();
        await OpenCheckFormAsync(page);
        await Assertions.Expect(PreviewQuestion(page)).ToHaveTextAsync(new Regex(PublishedLabel));
        await Assertions.Expect(page.Locator("[data-form-status]")).Not.ToHaveTextAsync(new Regex("Edited|編集済み"));
    }
}
