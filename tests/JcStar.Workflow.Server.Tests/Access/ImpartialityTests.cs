using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Access;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Server.Tests.Access;

/// <summary>JSS-01 6.2 on the server: a conflicted person is never handed a task, and an appeal's decision maker is read from the appealed case.</summary>
public sealed class ImpartialityTests(ImpartialityTests.AppealServer server) : IClassFixture<ImpartialityTests.AppealServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_task_cannot_be_handed_to_someone_with_a_declared_conflict_and_the_reason_is_given()
    {
        await server.World.InitializeAsync();
        var (_, taskId) = await server.World.CaseOfAsync("A", "JCS-IMP-1");
        var admin = server.World.Clients["admin"];

        var refused = await admin.PostAsJsonAsync($"/api/tasks/{taskId}/reassign", new { assignee = "kondo" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("conflict of interest", (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("assignee")[0].GetString());

        var notCandidate = await admin.PostAsJsonAsync($"/api/tasks/{taskId}/reassign", new { assignee = "alice" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, notCandidate.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/tasks/{taskId}/reassign", new { assignee = "sato" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task An_appeal_takes_its_decision_maker_from_the_appealed_cases_history_not_from_the_appellant()
    {
        await server.World.InitializeAsync();
        var (caseId, taskId) = await server.World.CaseOfAsync("A", "JCS-IMP-2");
        var runtime = server.Services.GetRequiredService<WorkflowRuntime>();
        await runtime.CompleteTaskAsync(taskId, null, server.World.People["staff"], Ct);

        var appeal = await server.World.Clients["applicantA"].PostAsJsonAsync("/api/instances", new
        {
            processId = "MatrixAppeal",
            variables = new { subjectCaseId = caseId, summary = "決定に不服があります" },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, appeal.StatusCode);
        var appealId = (await appeal.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        var variables = await server.Services.GetRequiredService<WorkflowQueries>().CaseVariablesAsync(appealId, WorkflowActor.System, Ct);
        Assert.Equal("sato", variables["decisionMadeBy"].GetString());

        var typed = await server.World.Clients["applicantA"].PostAsJsonAsync("/api/instances", new
        {
            processId = "MatrixAppeal",
            variables = new { subjectCaseId = caseId, summary = "x", decisionMadeBy = "someone-else" },
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, typed.StatusCode);
        Assert.True((await typed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("decisionMadeBy", out _));

        var foreign = await server.World.Clients["applicantB"].PostAsJsonAsync("/api/instances", new
        {
            processId = "MatrixAppeal",
            variables = new { subjectCaseId = caseId, summary = "x" },
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.DoesNotContain(AccessWorld.CompanyA, await foreign.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>The matrix's server plus an appeal process whose start form offers the appealed case and a summary.</summary>
    public sealed class AppealServer : AuthorizationMatrixTests.MatrixServer
    {
        private const string AppealProcess = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="A" targetNamespace="urn:test">
              <process id="MatrixAppeal" isExecutable="true" jc:candidateStarterGroups="applicant">
                <startEvent id="Start" jc:formKey="matrix-appeal-start" />
                <userTask id="Decide" name="決定" jc:candidateGroups="appeal-handlers" />
                <endEvent id="End" />
                <sequenceFlow id="f1" sourceRef="Start" targetRef="Decide" />
                <sequenceFlow id="f2" sourceRef="Decide" targetRef="End" />
              </process>
            </definitions>
            """;

        public AppealServer()
        {
            File.WriteAllText(Path.Combine(WorkflowFolder, "appeal.bpmn"), AppealProcess);
            WriteForm("matrix-appeal-start", """
                { "type": "default", "id": "matrix-appeal-start", "components": [
                  { "type": "textfield", "key": "subjectCaseId" }, { "type": "textarea", "key": "summary", "validate": { "required": true } } ] }
                """);
        }
    }
}
