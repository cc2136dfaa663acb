using System.Collections.Immutable;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using JcStar.Workflow.Identity.Administration;
using JcStar.Workflow.Identity.Model;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Scheme.Facilities;
using JcStar.Workflow.Scheme.Impartiality;
using JcStar.Workflow.Scheme.Labels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JcStar.Workflow.Web.Tests;

/// <summary>
/// The facility portal in Chromium: a ★3 certification case (ThirdPartyCertificationApplication) filed by applicant A
/// through the API and taken by certification staff to the point where facility W1 is chosen; then W1's evaluator
/// finds the evaluation at /facility, submits the report and result through the task's form with the report attached,
/// declares a conflict of interest on the case,
/// and W2's evaluator finds nothing of it: an empty portal, and the task's and the case's addresses answer 404.
/// </summary>
public sealed class FacilityPortalTests(StaffWorkspace workspace) : IClassFixture<StaffWorkspace>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static ImmutableDictionary<string, JsonElement> Vars(object values) =>
        JsonSerializer.SerializeToElement(values, Web).EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.Clone());

    private async Task<HumanTask> OpenTaskAsync(string instanceId, string elementId)
    {
        var queries = workspace.Server.Services.GetRequiredService<WorkflowQueries>();
        for (var i = 0; i < 600; i++)
        {
            var task = (await queries.CaseTasksAsync(instanceId, WorkflowActor.System, Ct)).FirstOrDefault(t => t.ElementId == elementId && t.Status == HumanTaskStatus.Open);
            if (task is not null)
                return task;
            await Task.Delay(100, Ct);
        }
        throw new TimeoutException($"case {instanceId} has no open task {elementId}");
    }

    /// <summary>Facilities W1 and W2 approved for ★3, each with an evaluator; a ★3 case of applicant A waiting for W1's report.</summary>
    private async Task<(string InstanceId, string TaskId)> CaseAtTheEvaluationAsync()
    {
        var services = workspace.Server.Services;
        var facilities = services.GetRequiredService<IFacilityStore>();
        foreach (var id in new[] { "FAC-W1", "FAC-W2" })
        {
            facilities.Save(new EvaluationFacility
            {
                Id = id,
                Name = id == "FAC-W1" ? "一般財団法人ウェブ評価センター" : "株式会社第二評価ラボ",
                Status = FacilityApprovalStatus.Approved,
                Accreditation = new Accreditation("IAJapan", "RTL-" + id, new DateOnly(2030, 3, 31)),
                ScopeLevels = [LabelLevel.Star3, LabelLevel.Star4],
                ApprovedOn = new DateOnly(2026, 1, 1),
            });
        }
        string token;
        await using (var scope = services.CreateAsyncScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<AccessAdministration>();
            var w1 = await admin.CreateOrganizationAsync(new NewOrganization("一般財団法人ウェブ評価センター", "6000012050011", OrganizationKind.Facility) { FacilityId = "FAC-W1" }, Ct);
            var w2 = await admin.CreateOrganizationAsync(new NewOrganization("株式会社第二評価ラボ", "3000012050022", OrganizationKind.Facility) { FacilityId = "FAC-W2" }, Ct);
            await admin.CreateUserAsync(new NewUser("eval-w1", "facility", w1.Id, "eval@w1.example.jp", StaffWorkspace.Password), Ct);
            await admin.CreateUserAsync(new NewUser("eval-w2", "facility", w2.Id, "eval@w2.example.jp", StaffWorkspace.Password), Ct);
            token = (await admin.CreateTokenAsync("alice", "facility-tests", TimeSpan.FromDays(1), Ct)).Secret;
        }

        using var client = new HttpClient { BaseAddress = workspace.Server.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.PostAsJsonAsync("api/instances", new
        {
            processId = "ThirdPartyCertificationApplication",
            variables = new
            {
                level = "Star3",
                product = new { name = "評価対象ゲートウェイ GW-3", modelNumbers = new[] { "GW-3" } },
                publishedFields = new[] { "Supplier", "ProductName", "ModelNumbers" },
                supportPeriod = "2031年3月まで",
                vulnerabilityContact = "psirt@alpha.example.jp",
            },
        }, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"filing the ★3 application failed: {(int)response.StatusCode} {body}");
        var instanceId = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;

        // The certification staff's part, which other tests cover in the browser: accept, fee paid, facility W1 chosen.
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        await runtime.CompleteTaskAsync((await OpenTaskAsync(instanceId, "CheckApplication")).Id, Vars(new { complete = true }), WorkflowActor.System, Ct);
        var applicationNumber = (await services.GetRequiredService<WorkflowQueries>().CaseVariablesAsync(instanceId, WorkflowActor.System, Ct))["applicationNumber"].GetString();
        for (var i = 0; i < 600 && await runtime.CorrelateMessageAsync("FeePaid", applicationNumber, Vars(new { paidOn = "2026-04-08" }), WorkflowActor.System, Ct) == 0; i++)
            await Task.Delay(100, Ct);
        await runtime.CompleteTaskAsync((await OpenTaskAsync(instanceId, "SelectFacility")).Id,
            Vars(new { facilityId = "FAC-W1", facilityContactEmail = "eval@w1.example.jp" }), WorkflowActor.System, Ct);
        return (instanceId, (await OpenTaskAsync(instanceId, "SubmitEvaluationReport")).Id);
    }

    [Fact]
    public async Task A_facility_sees_only_its_own_evaluation_and_submits_its_report_while_another_facility_sees_nothing()
    {
        Chromium.SkipOrFailWhenAbsent();
        var (instanceId, taskId) = await CaseAtTheEvaluationAsync();
        var taskHref = "/tasks/" + Uri.EscapeDataString(taskId);

        // W2 first: its portal is empty, and the evaluation's and the case's addresses look like nothing at all.
        var other = await workspace.NewPageAsync(formIsland: false);
        await workspace.SignInAsync(other, "eval-w2");
        await other.GotoAsync("/facility");
        await Assertions.Expect(other.GetByRole(AriaRole.Heading, new() { Name = "Facility portal" })).ToBeVisibleAsync();
        await Assertions.Expect(other.Locator($"a[href='{taskHref}']")).ToHaveCountAsync(0);
        await Assertions.Expect(other.Locator($"a[href='/cases/{instanceId}']")).ToHaveCountAsync(0);
        await Assertions.Expect(other.Locator("main")).Not.ToContainTextAsync("評価対象ゲートウェイ");
        await StaffWorkspace.CheckAsync(other, "facility-other-empty");
        Assert.Equal(404, (await other.GotoAsync(taskHref))!.Status);
        await Assertions.Expect(other.Locator("main")).Not.ToContainTextAsync("評価対象ゲートウェイ");
        Assert.Equal(404, (await other.GotoAsync($"/cases/{instanceId}"))!.Status);
        await Assertions.Expect(other.Locator("main")).Not.ToContainTextAsync(StaffWorkspace.CompanyA);

        // W1: the evaluation is in its portal, reached from the main navigation.
        var page = await workspace.NewPageAsync(formIsland: false);
        await workspace.SignInAsync(page, "eval-w1");
        await page.GotoAsync("/cases");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "main" }).GetByRole(AriaRole.Link, new() { Name = "Facility portal" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex("/facility$"));
        var row = page.Locator($"tbody tr:has(a[href='{taskHref}'])");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("適合評価報告書の提出");
        await StaffWorkspace.CheckAsync(page, "facility-portal");

        await row.GetByRole(AriaRole.Link, new() { Name = "Open" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex("/tasks/"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("評価対象ゲートウェイ GW-3");
        await StaffWorkspace.CheckAsync(page, "facility-task");

        // The report attached to the case, then the result through the task's form.
        var report = Path.Combine(Path.GetTempPath(), "適合評価報告書_GW-3.pdf");
        await File.WriteAllBytesAsync(report, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray(), Ct);
        await page.Locator("input[type=file][name=attachment]").SetInputFilesAsync(report);
        await page.Locator("form:has(input[name=attachment]) button[type=submit]").ClickAsync();
        await page.ArrivedAtAsync(url => url.Contains(taskHref, StringComparison.Ordinal) || url.Contains("/tasks/" + taskId, StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("適合評価報告書_GW-3.pdf");

        await page.Locator("#field-reportReference").FillAsync("WEB-ER-2026-0001");
        await page.Locator("#field-evaluationResult").SelectOptionAsync("conforms");
        await page.Locator("#field-summary").FillAsync("★3 の全要件について適合。");
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex("/facility\\?done=completed"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"a[href='{taskHref}']")).ToHaveCountAsync(0);
        await StaffWorkspace.CheckAsync(page, "facility-submitted");

        var variables = await workspace.Server.Services.GetRequiredService<WorkflowQueries>().CaseVariablesAsync(instanceId, WorkflowActor.System, Ct);
        Assert.Equal("WEB-ER-2026-0001", variables["reportReference"].GetString());
        Assert.Equal("conforms", variables["evaluationResult"].GetString());

        // A conflict of interest declared on the case: recorded for the facility against the case's applicant and product.
        var caseRow = page.Locator($"tbody tr:has(a[href='/cases/{instanceId}'])");
        await Assertions.Expect(caseRow).ToHaveCountAsync(1);
        await caseRow.Locator("select[name=kind]").SelectOptionAsync("ConsultedApplicant");
        await caseRow.Locator("input[name=detail]").FillAsync("2025年に申請者の設計レビューを受託");
        await caseRow.GetByRole(AriaRole.Button, new() { Name = "Declare" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex("/facility\\?done=declared"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("2025年に申請者の設計レビューを受託");
        var declared = Assert.Single(workspace.Server.Services.GetRequiredService<IConflictRegister>().DeclaredBy("FAC-W1"));
        Assert.Equal((variables["applicant"].GetProperty("id").GetString(), "評価対象ゲートウェイ GW-3", ConflictKind.ConsultedApplicant),
            (declared.SupplierId, declared.ProductName, declared.Kind));
        Assert.Empty(workspace.Server.Services.GetRequiredService<IConflictRegister>().DeclaredBy("FAC-W2"));
        await StaffWorkspace.CheckAsync(page, "facility-conflict-declared");
    }
}
