using System.Text.RegularExpressions;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Definitions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JcStar.Workflow.Web.Tests;

/// <summary>
/// A task's form made in the modeler, in Chromium against the real server: a user task added from the palette gets a
/// candidate group and a new form through the properties panel, the form is edited in form-js's editor with its live
/// preview, the draft is published with it, and a task of the new version shows that form (its hostile label as text).
/// Its own server (a class fixture), since publishing changes the procedure.
/// </summary>
public sealed class ProcedureFormEditingTests(StaffWorkspace workspace) : IClassFixture<StaffWorkspace>
{
    private const string ProcessId = "FormDesk";

    private const string HostileLabel = "<b>受付メモ</b><img src=x onerror=\"document.title='pwned'\">";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>start → end on one long flow, for a task to be dropped on.</summary>
    private const string Procedure = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
            xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
            xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="D_FormDesk" targetNamespace="urn:test">
          <process id="FormDesk" name="フォーム窓口" isExecutable="true" jc:candidateStarterGroups="label-issuing-staff">
            <startEvent id="Start" />
            <endEvent id="End" />
            <sequenceFlow id="f1" sourceRef="Start" targetRef="End" />
          </process>
          <bpmndi:BPMNDiagram id="Diagram">
            <bpmndi:BPMNPlane id="Plane" bpmnElement="FormDesk">
              <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="152" y="182" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="662" y="182" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="188" y="200" /><di:waypoint x="662" y="200" /></bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </definitions>
        """;

    [Fact]
    public async Task A_user_task_added_in_the_modeler_gets_a_form_edited_in_the_form_editor_and_its_task_on_the_new_version_shows_it()
    {
        Chromium.SkipOrFailWhenAbsent();
        var services = workspace.Server.Services;
        await services.GetRequiredService<DefinitionDeployment>().DeployAsync(Procedure, "form-desk.bpmn", WorkflowActor.System, Ct);
        var page = await workspace.NewPageAsync(1400, 1000);
        await workspace.SignInAsync(page, "web-admin");
        await page.GotoAsync($"/procedures/{ProcessId}/edit");
        await Assertions.Expect(page.Locator("[data-bpmn-modeler].modeler-ready")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-status]")).ToHaveTextAsync(new Regex("No errors|エラーはありません"));

        // A task from the palette, dropped on the flow (which splits around it), turned into a user task.
        var drop = await page.EvaluateAsync<double[]>("""
            () => {
              const line = document.querySelector("[data-canvas] .djs-element[data-element-id='f1'] .djs-hit");
              const p = line.getPointAtLength(line.getTotalLength() / 2);
              const m = line.getScreenCTM();
              return [p.x * m.a + p.y * m.c + m.e, p.x * m.b + p.y * m.d + m.f];
            }
            """);
        await page.Locator(".djs-palette [data-action='create.task']").ClickAsync();
        await page.Mouse.MoveAsync((float)drop[0] - 40, (float)drop[1] + 30, new() { Steps = 4 });
        await page.Mouse.MoveAsync((float)drop[0], (float)drop[1], new() { Steps = 4 });
        await page.Mouse.ClickAsync((float)drop[0], (float)drop[1]);
        await Assertions.Expect(page.Locator(".djs-context-pad [data-action='replace']")).ToBeVisibleAsync();
        await page.Locator(".djs-context-pad [data-action='replace']").ClickAsync();
        await page.Locator(".djs-popup [data-id='replace-with-user-task']").ClickAsync();
        var taskId = await page.EvaluateAsync<string>("""
            () => document.querySelector('[data-bpmn-modeler]').bpmnModeler.get('elementRegistry').filter(e => e.type === 'bpmn:UserTask')[0].id
            """);

        // Name and candidate group through the properties panel.
        await Assertions.Expect(page.Locator(".djs-popup")).ToHaveCountAsync(0);
        await page.Locator($"[data-canvas] .djs-element[data-element-id='{taskId}']").ClickAsync();
        var header = page.Locator("[data-properties] .bio-properties-panel-header-type");
        // A click right after the replace menu closed can land before the canvas redrew (as with flows in
        // ProcedureEditingTests): select the task as the click would have, so the test goes on to the panel.
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
        await page.Locator("#bio-properties-panel-name").FillAsync("受付");
        await page.Locator("#bio-properties-panel-jc-candidate-groups").SelectOptionAsync("label-issuing-staff");

        // A new form for it: its key in the panel's form list, and the editor opened from the panel.
        await page.Locator("#form-new-key").FillAsync("intake-note");
        await page.Locator("[data-form-new]").ClickAsync();
        await Assertions.Expect(page.Locator("#bio-properties-panel-jc-form-key")).ToHaveValueAsync("intake-note");
        await page.Locator("[data-properties] button.jc-form-edit").ClickAsync();
        var editor = page.Locator("[data-form-editor-canvas]");
        await Assertions.Expect(editor.Locator(".fjs-editor-container")).ToBeVisibleAsync();

        // Edited in form-js's editor: the field's label (markup, which must stay text) and key.
        await editor.Locator(".fjs-form-field-textfield").First.ClickAsync();
        var general = editor.Locator("[data-group-id='group-general']");
        if (!await general.Locator("[data-entry-id='label']").IsVisibleAsync())
            await general.Locator(".bio-properties-panel-group-header").ClickAsync();
        var label = editor.Locator("[data-entry-id='label'] [contenteditable], [data-entry-id='label'] input").First;
        await label.FillAsync(HostileLabel);
        var key = editor.Locator("#bio-properties-panel-key");
        await key.FillAsync("memo");
        var preview = page.Locator("[data-form-preview]");
        await Assertions.Expect(preview.Locator(".fjs-form-field-label").First).ToHaveTextAsync(HostileLabel);
        await Assertions.Expect(preview.Locator("img, b")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-form-status]")).ToHaveTextAsync(new Regex("Edited|編集済み"));
        await Assertions.Expect(page.Locator("[data-status]")).ToHaveTextAsync(new Regex("No errors|エラーはありません"));
        await page.Locator("[data-form-editor]").ScrollIntoViewIfNeededAsync();
        await StaffWorkspace.CheckAsync(page, "procedure-form-editor");

        // Published with the draft.
        await page.Locator("[data-note]").FillAsync("受付と受付メモのフォームを追加");
        await page.Locator("[data-show-diff]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-publish]")).ToBeEnabledAsync();
        await page.Locator("[data-publish]").ClickAsync();
        await page.ArrivedAtAsync(new Regex($"/procedures/{ProcessId}\\?published=2"));

        // A case on the new version: its task shows the form as edited, the label as text.
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        var instance = await runtime.StartAsync(ProcessId, "FD-1", null, WorkflowActor.System, Ct);
        Assert.Equal($"{ProcessId}:2", instance.DefinitionId);
        var task = (await services.GetRequiredService<WorkflowQueries>().InboxAsync(new WorkflowActor("sato", ["label-issuing-staff"]), new PageRequest(), Ct))
            .Items.Single(t => t.InstanceId == instance.Id);
        Assert.Equal(taskId, task.ElementId);
        Assert.Equal("intake-note", task.FormKey);
        await page.GotoAsync($"/tasks/{Uri.EscapeDataString(task.Id)}");
        var island = page.Locator(".task-form-island");
        await Assertions.Expect(island.Locator(".fjs-form-field-label").First).ToHaveTextAsync(HostileLabel);
        await Assertions.Expect(island.Locator("img, b")).ToHaveCountAsync(0);
        Assert.NotEqual("pwned", await page.TitleAsync());
        await StaffWorkspace.CheckAsync(page, "procedure-form-task");
    }
}
