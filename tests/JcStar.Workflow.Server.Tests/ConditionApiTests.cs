using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JcStar.Workflow.Identity.Administration;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Server.Tests;

/// <summary>POST /api/conditions: process-level conditional start events, evaluated against the caller's variables.</summary>
public sealed class ConditionApiTests(ConditionApiTests.ConditionServer server) : IClassFixture<ConditionApiTests.ConditionServer>
{
    private const string Investigation = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="d" targetNamespace="t">
          <process id="Investigation" isExecutable="true" jc:candidateStarterGroups="label-issuing-staff">
            <startEvent id="Severe" jc:formKey="report-start">
              <conditionalEventDefinition><condition xsi:type="tFormalExpression">${severity >= 7}</condition></conditionalEventDefinition>
            </startEvent>
            <sequenceFlow id="f1" sourceRef="Severe" targetRef="investigate"/>
            <userTask id="investigate" name="調査" jc:candidateGroups="label-issuing-staff"/>
            <sequenceFlow id="f2" sourceRef="investigate" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """;

    private const string Recall = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="r" targetNamespace="t">
          <process id="LotRecall" isExecutable="true">
            <startEvent id="LotsKnown">
              <conditionalEventDefinition><condition xsi:type="tFormalExpression">${lots.length > 0}</condition></conditionalEventDefinition>
            </startEvent>
            <sequenceFlow id="f1" sourceRef="LotsKnown" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """;

    private const string DefectReport = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="dr" targetNamespace="t">
          <process id="DefectReport" isExecutable="true" jc:candidateStarterGroups="applicant">
            <startEvent id="Critical" jc:formKey="defect-start">
              <conditionalEventDefinition><condition xsi:type="tFormalExpression">${critical == true}</condition></conditionalEventDefinition>
            </startEvent>
            <sequenceFlow id="f1" sourceRef="Critical" targetRef="review"/>
            <userTask id="review" name="不具合報告の確認" jc:candidateGroups="label-issuing-staff"/>
            <sequenceFlow id="f2" sourceRef="review" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Admin => server.ClientFor("admin", roles: "admin");

    [Fact]
    public async Task Variables_that_make_a_condition_hold_start_that_process_and_the_answer_lists_the_instance()
    {
        var response = await Admin.PostAsJsonAsync("/api/conditions", new { variables = new { severity = 9 }, businessKey = "RPT-0001" }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var started = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray());
        Assert.Equal(("Investigation", "Severe"), (started.GetProperty("processId").GetString(), started.GetProperty("startEventId").GetString()));
        var instance = await Admin.GetFromJsonAsync<JsonElement>($"/api/instances/{started.GetProperty("id").GetString()}", Ct);
        Assert.Equal("RPT-0001", instance.GetProperty("businessKey").GetString());
    }

    [Fact]
    public async Task Variables_that_make_no_condition_hold_answer_an_empty_list()
    {
        var response = await Admin.PostAsJsonAsync("/api/conditions", new { variables = new { severity = 2 }, processId = "Investigation" }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray());
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field_and_a_failing_condition_naming_its_start_event()
    {
        var noVariables = await Admin.PostAsJsonAsync("/api/conditions", new { processId = "Investigation" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noVariables.StatusCode);
        Assert.True((await noVariables.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("variables", out _));

        var unknown = await Admin.PostAsJsonAsync("/api/conditions", new { variables = new { }, processId = "NoSuchProcess" }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var failing = await Admin.PostAsJsonAsync("/api/conditions", new { variables = new { severity = 9, lots = (string[]?)null } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, failing.StatusCode);
        var message = (await failing.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("LotsKnown")[0].GetString();
        Assert.Contains("LotRecall:", message, StringComparison.Ordinal);
        Assert.Contains("lots.length > 0", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_starter_of_the_process_may_have_its_condition_evaluated_and_only_with_its_start_form_fields()
    {
        var applicant = server.ClientFor("tanaka", "applicant", org: "ORG-X");
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync("/api/conditions", new { variables = new { severity = 9 }, processId = "Investigation" }, Ct)).StatusCode);
        var nothing = await applicant.PostAsJsonAsync("/api/conditions", new { variables = new { severity = 9 } }, Ct);
        Assert.Equal(HttpStatusCode.OK, nothing.StatusCode);
        Assert.Empty((await nothing.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray());

        var staff = server.ClientFor("sato", "label-issuing-staff");
        var extra = await staff.PostAsJsonAsync("/api/conditions", new { variables = new { severity = 9, decidedBy = "sato" }, processId = "Investigation" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, extra.StatusCode);
        Assert.True((await extra.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("decidedBy", out _));
        var started = await staff.PostAsJsonAsync("/api/conditions", new { variables = new { severity = 8 }, processId = "Investigation" }, Ct);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Single((await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray());
    }

    [Fact]
    public async Task A_case_an_applicant_starts_by_a_condition_is_theirs_from_the_start_and_no_other_applicants()
    {
        string own, other;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var administration = scope.ServiceProvider.GetRequiredService<AccessAdministration>();
            own = (await administration.CreateOrganizationAsync(new NewOrganization("株式会社条件電機", "7000012050002"), Ct)).Id;
            other = (await administration.CreateOrganizationAsync(new NewOrganization("他社工業株式会社", "4000012090001"), Ct)).Id;
        }
        var applicant = server.ClientFor("suzuki", "applicant", roles: "applicant", org: own);

        // An applicant files for their own organization only.
        var forOther = await applicant.PostAsJsonAsync("/api/conditions", new { variables = new { critical = true }, processId = "DefectReport", applicantOrganizationId = other }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forOther.StatusCode);

        var response = await applicant.PostAsJsonAsync("/api/conditions", new { variables = new { critical = true }, processId = "DefectReport" }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray()).GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.OK, (await applicant.GetAsync($"/api/instances/{id}", Ct)).StatusCode);
        var stranger = server.ClientFor("takahashi", "applicant", roles: "applicant", org: other);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/instances/{id}", Ct)).StatusCode);
        // The applicant's register entry is set on the case, as for a case filed by hand.
        var variables = await server.Services.GetRequiredService<JcStar.Workflow.Runtime.WorkflowQueries>()
            .CaseVariablesAsync(id!, JcStar.Workflow.Runtime.WorkflowActor.System, Ct);
        Assert.Equal("株式会社条件電機", variables["applicant"].GetProperty("name").GetString());
    }

    public sealed class ConditionServer() : WorkflowServerFactory(new Dictionary<string, string> { ["investigation.bpmn"] = Investigation, ["recall.bpmn"] = Recall, ["defect.bpmn"] = DefectReport })
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            WriteForm("report-start", """{ "type": "default", "id": "report-start", "components": [ { "type": "number", "key": "severity" } ] }""");
            WriteForm("defect-start", """{ "type": "default", "id": "defect-start", "components": [ { "type": "checkbox", "key": "critical", "label": "重大" } ] }""");
        }
    }
}
