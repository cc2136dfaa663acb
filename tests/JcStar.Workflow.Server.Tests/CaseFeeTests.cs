using System.Net.Http.Json;
using System.Text.Json;

namespace JcStar.Workflow.Server.Tests;

/// <summary>Issue 17 items 3 and 8 on the case page: the fee and whether it is paid, the evaluation report's due date, and the record archive for staff.</summary>
public sealed class CaseFeeTests : IClassFixture<CaseFeeTests.FeeServer>
{
    // The real scheme activity charges the fee of the level from the settings; the receive task records the payment
    // as the procedures do (workflows/self-declaration-application.bpmn, AwaitFee).
    private const string FeeProcess = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="d" targetNamespace="t">
          <message id="m" name="FeePaid" jc:correlationKey="${applicationNumber}" />
          <process id="Fee" isExecutable="true" jc:candidateStarterGroups="label-issuing-staff">
            <startEvent id="start" jc:formKey="fee-start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="accept"/>
            <serviceTask id="accept" jc:activity="scheme.accept-application"/>
            <sequenceFlow id="f2" sourceRef="accept" targetRef="reportDue"/>
            <serviceTask id="reportDue" jc:activity="scheme.set-deadline">
              <extensionElements><jc:input name="deadline">${'evaluationReport'}</jc:input></extensionElements>
            </serviceTask>
            <sequenceFlow id="f2b" sourceRef="reportDue" targetRef="awaitFee"/>
            <receiveTask id="awaitFee" name="手数料の入金待ち" messageRef="m">
              <extensionElements><jc:output name="feeStatus">${'paid'}</jc:output><jc:output name="paidOn" /></extensionElements>
            </receiveTask>
            <sequenceFlow id="f3" sourceRef="awaitFee" targetRef="review"/>
            <userTask id="review" name="審査" jc:candidateGroups="label-issuing-staff"/>
            <sequenceFlow id="f4" sourceRef="review" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """;

    private const string FeeStartForm = """
        { "type": "default", "id": "fee-start", "components": [
          { "type": "textfield", "key": "applicationNumber", "validate": { "required": true } },
          { "type": "select", "key": "level", "values": [ { "label": "★1", "value": "Star1" }, { "label": "★3", "value": "Star3" } ] }
        ] }
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FeeServer server;

    public CaseFeeTests(FeeServer server) => this.server = server;

    [Fact]
    public async Task Staff_see_the_fee_requested_with_its_deadline_then_paid_with_its_date_the_report_due_date_and_the_record_export_button()
    {
        var staff = server.ClientFor("sato", "label-issuing-staff");
        var started = await staff.PostAsJsonAsync("/api/instances", new { processId = "Fee", businessKey = "JCS-A-2026-00031", variables = new { applicationNumber = "JCS-A-2026-00031", level = "Star3" } }, Ct);
        started.EnsureSuccessStatusCode();
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        var admin = server.ClientFor("admin", roles: "admin");
        // The deadline the scheme set (30 days, off closed days), as the admin's variables view shows it.
        var dueOn = System.Text.RegularExpressions.Regex.Match(await admin.GetStringAsync($"/cases/{id}", Ct), "paymentDueOn(?:&quot;|\"): (?:&quot;|\")([0-9-]{10})").Groups[1].Value;
        Assert.NotEmpty(dueOn);
        var reportDueOn = System.Text.RegularExpressions.Regex.Match(await admin.GetStringAsync($"/cases/{id}", Ct), "evaluationReportDueOn(?:&quot;|\"): (?:&quot;|\")([0-9-]{10})").Groups[1].Value;
        Assert.NotEmpty(reportDueOn);

        var requested = await staff.GetStringAsync($"/cases/{id}", Ct);

        Assert.Contains("data-fee-status=\"requested\"", requested);
        Assert.Contains("550,000円", requested);
        Assert.Contains("請求済み・未納", requested);
        Assert.Contains($"納付期限 {dueOn}", requested);
        Assert.Contains($"href=\"/api/instances/{id}/record\"", requested);
        Assert.Contains($"<dt>評価報告書の提出期限</dt><dd>{reportDueOn}</dd>", requested);

        (await admin.PostAsJsonAsync("/api/messages", new { name = "FeePaid", correlationKey = "JCS-A-2026-00031", variables = new { paidOn = "2026-04-10" } }, Ct)).EnsureSuccessStatusCode();

        var paid = await staff.GetStringAsync($"/cases/{id}", Ct);

        Assert.Contains("data-fee-status=\"paid\"", paid);
        Assert.Contains("納付済み（納付日 2026-04-10）", paid);
        Assert.DoesNotContain("請求済み・未納", paid);
    }

    [Fact]
    public async Task A_case_that_charges_no_fee_says_so_on_its_page()
    {
        var staff = server.ClientFor("sato", "label-issuing-staff");
        var started = await staff.PostAsJsonAsync("/api/instances", new { processId = "Fee", businessKey = "JCS-A-2026-00032", variables = new { applicationNumber = "JCS-A-2026-00032", level = "Star1" } }, Ct);
        started.EnsureSuccessStatusCode();
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;

        var page = await staff.GetStringAsync($"/cases/{id}", Ct);

        Assert.Contains("data-fee-status=\"none\"", page);
        Assert.Contains("手数料なし", page);
    }

    public sealed class FeeServer() : WorkflowServerFactory(new Dictionary<string, string> { ["fee.bpmn"] = FeeProcess })
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Scheme:FeesJpy:Star1", "0");
            builder.UseSetting("Scheme:FeesJpy:Star3", "550000");
            WriteForm("fee-start", FeeStartForm);
        }
    }
}
