using System.Globalization;
using System.Text.RegularExpressions;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JcStar.Workflow.Web.Tests;

/// <summary>
/// Running cases moved to a new version of their procedure on /procedures/{id}/migrate, in Chromium against the real
/// server: the mapping by id, an element renamed in the new version mapped by hand, the check, the batches with their
/// progress bar, and a moved case completed on the new version. Its own server (a class fixture).
/// </summary>
public sealed class CaseMigrationTests(StaffWorkspace workspace) : IClassFixture<StaffWorkspace>
{
    private const string ProcessId = "MigrationDemo";
    private const int Cases = 30;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Version 1: the review; version 2: the review renamed (a new id, Examine) and a confirmation added after it.</summary>
    private static string Procedure(bool second, string processId = ProcessId)
    {
        var review = second ? "Examine" : "Review";
        var confirm = second
            ? """
              <userTask id="Confirm" name="結果の確認" jc:candidateGroups="label-issuing-staff" />
              <sequenceFlow id="f2" sourceRef="Examine" targetRef="Confirm" />
              <sequenceFlow id="f3" sourceRef="Confirm" targetRef="End" />
              """
            : """<sequenceFlow id="f2" sourceRef="Review" targetRef="End" />""";
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="D_{processId}" targetNamespace="urn:test">
              <process id="{processId}" name="移行の試し" isExecutable="true">
                <startEvent id="Start" />
                <userTask id="{review}" name="{(second ? "審査" : "審査（旧）")}" jc:candidateGroups="label-issuing-staff" />
                <endEvent id="End" />
                <sequenceFlow id="f1" sourceRef="Start" targetRef="{review}" />
                {confirm}
              </process>
            </definitions>
            """;
    }

    [Fact]
    public async Task A_scheme_manager_maps_a_renamed_task_checks_the_plan_migrates_the_waiting_cases_in_batches_and_a_moved_case_completes_on_the_new_version()
    {
        Chromium.SkipOrFailWhenAbsent();
        var services = workspace.Server.Services;
        var deployment = services.GetRequiredService<DefinitionDeployment>();
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        await deployment.DeployAsync(Procedure(second: false), "migration-demo.bpmn", WorkflowActor.System, Ct);
        var started = new List<string>();
        for (var i = 1; i <= Cases; i++)
            started.Add((await runtime.StartAsync(ProcessId, $"MIG-{i:00}", null, WorkflowActor.System, Ct)).Id);
        var v2 = (await deployment.DeployAsync(Procedure(second: true), "migration-demo.bpmn", WorkflowActor.System, Ct)).Processes.Single().Definition.Id;

        var page = await workspace.NewPageAsync(1280, 900);
        await workspace.SignInAsync(page, "web-admin");
        await page.GotoAsync($"/procedures/{ProcessId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "実行中の案件を別の版へ移す" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex($"/procedures/{ProcessId}/migrate$"));

        // Version 1 with its cases is offered as the source, the new version as the target; the review has no
        // counterpart by id, so its row says its cases could not move, and migrating waits for a mapping.
        await Assertions.Expect(page.Locator("select[name='from'] option:checked")).ToHaveTextAsync($"第1版（実行中 {Cases} 件）");
        await Assertions.Expect(page.Locator("select[name='to'] option:checked")).ToHaveTextAsync("第2版（実行中 0 件）");
        var review = page.Locator("table.mapping tr[data-element-id='Review']");
        await Assertions.Expect(review.Locator("td").First).ToHaveTextAsync(Cases.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(review.Locator("select")).ToHaveValueAsync("");
        await Assertions.Expect(review.Locator("select")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(review.Locator(".field-error")).ToContainTextAsync($"{Cases} 件の案件がここで待機しています");
        var migrate = page.Locator("[data-migrate]");
        await Assertions.Expect(page.Locator("[data-selected-count]")).ToContainTextAsync($"{Cases} 件");
        await Assertions.Expect(page.Locator("[data-plan-errors]")).ToContainTextAsync($"審査（旧） (Review): {Cases} 件の案件");
        await Assertions.Expect(migrate).ToBeDisabledAsync();
        await StaffWorkspace.CheckAsync(page, "migration-unmapped");

        // Mapped by hand to its renamed counterpart: the form asks for a new check, which passes.
        await review.Locator("select").SelectOptionAsync("Examine");
        await Assertions.Expect(page.Locator("[data-check-again]")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "検証" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-plan-valid]")).ToBeVisibleAsync();
        await Assertions.Expect(review.Locator("select")).ToHaveValueAsync("Examine");
        await Assertions.Expect(review.Locator(".field-error")).ToHaveCountAsync(0);
        await Assertions.Expect(migrate).ToBeEnabledAsync();
        await Assertions.Expect(migrate).ToHaveTextAsync($"{Cases} 件を移行");

        // Narrowed to one application number, then back to every waiting case of version 1.
        var key = page.Locator("input[name='businessKey']");
        await key.FillAsync("MIG-07");
        await page.GetByRole(AriaRole.Button, new() { Name = "検証" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-selected-count]")).ToHaveTextAsync("選択された案件: 1 件");
        await Assertions.Expect(page.Locator("tbody tr:has(td:text-is('MIG-07'))")).ToHaveCountAsync(1);
        await Assertions.Expect(migrate).ToHaveTextAsync("1 件を移行");
        await key.FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "検証" }).ClickAsync();
        await Assertions.Expect(migrate).ToHaveTextAsync($"{Cases} 件を移行");

        // A case ends between the check and the migration: it is listed with its reason and left as it was.
        var queries = services.GetRequiredService<WorkflowQueries>();
        var ended = started[^1];
        var endedTask = (await queries.CaseTasksAsync(ended, WorkflowActor.System, Ct)).Single(t => t.Status == HumanTaskStatus.Open);
        await runtime.CompleteTaskAsync(endedTask.Id, null, WorkflowActor.System, Ct);

        await migrate.ClickAsync();
        var result = page.Locator("[data-migration-result]");
        await Assertions.Expect(result).ToHaveAttributeAsync("data-finished", "done");
        Assert.Equal(Cases, await result.Locator("progress").EvaluateAsync<double>("p => p.max"));
        Assert.Equal(Cases, await result.Locator("progress").EvaluateAsync<double>("p => p.value"));
        await Assertions.Expect(result.Locator("[data-status]")).ToHaveTextAsync($"完了: {Cases - 1} 件を移行し、1 件は移行できませんでした（元のまま残っています）。");
        var failure = result.Locator("[data-failures] li");
        await Assertions.Expect(failure).ToHaveCountAsync(1);
        await Assertions.Expect(failure).ToContainTextAsync($"{ended}: case {ended} has ended (Completed)");
        await Assertions.Expect(failure.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/cases/{ended}");
        await StaffWorkspace.CheckAsync(page, "migration-done");

        // A moved case runs on version 2: its review, now Examine, keeps its task; completing it leads to the new step.
        var caseId = started[0];
        var task = (await queries.CaseTasksAsync(caseId, WorkflowActor.System, Ct)).Single(t => t.Status == HumanTaskStatus.Open);
        Assert.Equal(("Examine", v2), (task.ElementId, task.DefinitionId));
        var clerk = await workspace.NewPageAsync();
        await workspace.SignInAsync(clerk, "sato");
        await clerk.GotoAsync($"/cases/{caseId}");
        await Assertions.Expect(clerk.Locator("main")).ToContainTextAsync("v2");
        await Assertions.Expect(clerk.Locator("ol.path li.active")).ToHaveTextAsync("審査");
        await clerk.GotoAsync($"/tasks/{task.Id}");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Complete" }).ClickAsync();
        await clerk.ArrivedAtAsync(new Regex("/inbox\\?done=completed"));
        await clerk.GotoAsync($"/cases/{caseId}");
        await Assertions.Expect(clerk.Locator("ol.path li.active")).ToHaveTextAsync("結果の確認");
        await StaffWorkspace.CheckAsync(clerk, "migration-case-on-v2");
        var next = (await queries.CaseTasksAsync(caseId, WorkflowActor.System, Ct)).Single(t => t.Status == HumanTaskStatus.Open);
        Assert.Equal(("Confirm", v2), (next.ElementId, next.DefinitionId));
    }

    [Fact]
    public async Task Without_script_the_form_migrates_the_one_case_chosen_by_its_id_on_the_server_and_shows_the_result()
    {
        Chromium.SkipOrFailWhenAbsent();
        const string processId = "MigrationNoScript";
        var services = workspace.Server.Services;
        var deployment = services.GetRequiredService<DefinitionDeployment>();
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        await deployment.DeployAsync(Procedure(second: false, processId), "migration-no-script.bpmn", WorkflowActor.System, Ct);
        var chosen = (await runtime.StartAsync(processId, "NS-1", null, WorkflowActor.System, Ct)).Id;
        var other = (await runtime.StartAsync(processId, "NS-2", null, WorkflowActor.System, Ct)).Id;
        var v2 = (await deployment.DeployAsync(Procedure(second: true, processId), "migration-no-script.bpmn", WorkflowActor.System, Ct)).Processes.Single().Definition.Id;

        var page = await workspace.NewPageAsync();
        await page.Context.RouteAsync("**/lib/case-migration.js", route => route.AbortAsync());
        await workspace.SignInAsync(page, "web-admin");
        await page.GotoAsync($"/procedures/{processId}/migrate");
        await page.Locator("table.mapping tr[data-element-id='Review'] select").SelectOptionAsync("Examine");
        await page.Locator("input[name='caseId']").FillAsync(chosen);
        await page.GetByRole(AriaRole.Button, new() { Name = "検証" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-selected-count]")).ToHaveTextAsync("選択された案件: 1 件");
        await page.GetByRole(AriaRole.Button, new() { Name = "1 件を移行" }).ClickAsync();

        var result = page.Locator("[data-migration-result]");
        await Assertions.Expect(result).ToBeVisibleAsync();
        await Assertions.Expect(result.Locator("[data-status]")).ToHaveTextAsync("完了: 1 件を移行し、0 件は移行できませんでした（元のまま残っています）。");
        Assert.Equal(1, await result.Locator("progress").EvaluateAsync<double>("p => p.value"));
        // The page shows what is left: the other case, still on version 1.
        await Assertions.Expect(page.Locator("select[name='from'] option:checked")).ToHaveTextAsync("第1版（実行中 1 件）");
        await StaffWorkspace.CheckAsync(page, "migration-without-script");
        var instances = services.GetRequiredService<JcStar.Workflow.Runtime.WorkflowStores>().Instances;
        Assert.Equal(v2, (await instances.FindAsync(chosen, Ct))!.DefinitionId);
        Assert.NotEqual(v2, (await instances.FindAsync(other, Ct))!.DefinitionId);
    }
}
