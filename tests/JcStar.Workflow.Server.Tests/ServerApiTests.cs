using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace JcStar.Workflow.Server.Tests;

public sealed class ServerApiTests(WorkflowServerFactory server) : IClassFixture<WorkflowServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Admin => server.ClientFor("admin", roles: "admin");

    private HttpClient Reviewer => server.ClientFor("rei", groups: "reviewers");

    private HttpClient Outsider => server.ClientFor("oscar", groups: "sales");

    [Fact]
    public async Task Health_answers_without_an_identity()
    {
        var response = await server.CreateClient().GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_api_refuses_a_caller_without_an_identity_with_401()
    {
        var response = await server.CreateClient().GetAsync("/api/tasks", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_workflow_folder_is_deployed_at_start_and_a_broken_file_is_skipped()
    {
        var definitions = await Admin.GetFromJsonAsync<JsonElement>("/api/definitions", Ct);

        Assert.Equal("Approval", definitions.EnumerateArray().Single().GetProperty("processId").GetString());
    }

    [Fact]
    public async Task Only_admins_may_deploy_and_an_unchanged_file_is_not_a_new_version()
    {
        var request = new { fileName = "approval.bpmn", xml = TestProcesses.Approval("Review") };

        Assert.Equal(HttpStatusCode.Forbidden, (await Reviewer.PostAsJsonAsync("/api/definitions", request, Ct)).StatusCode);
        var response = await Admin.PostAsJsonAsync("/api/definitions", request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var deployed = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray().Single();
        Assert.False(deployed.GetProperty("isNewVersion").GetBoolean());
    }

    [Fact]
    public async Task A_file_that_does_not_validate_is_refused_with_400_and_its_problems()
    {
        var response = await Admin.PostAsJsonAsync("/api/definitions", new { fileName = "bad.bpmn", xml = "<definitions><oops" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.NotEmpty(problem.GetProperty("errors").EnumerateObject());
    }

    [Fact]
    public async Task Starting_without_a_process_id_is_a_400_naming_the_field()
    {
        var response = await Reviewer.PostAsJsonAsync("/api/instances", new { businessKey = "JC-0" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("required", problem.GetProperty("errors").GetProperty("processId")[0].GetString());
    }

    [Fact]
    public async Task Unknown_processes_and_tasks_are_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Reviewer.PostAsJsonAsync("/api/instances", new { processId = "Nope" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Reviewer.GetAsync("/api/tasks/nope", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Reviewer.PostAsJsonAsync("/api/tasks/nope/complete", new { }, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_case_runs_from_start_through_the_inbox_to_completion_and_a_second_completion_is_409()
    {
        var key = $"JC-{Guid.NewGuid():N}";
        var started = await Reviewer.PostAsJsonAsync("/api/instances", new { processId = "Approval", businessKey = key, variables = new { applicant = "ACME" } }, Ct);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var instance = await started.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(1, instance.GetProperty("definitionVersion").GetInt32());

        var inbox = await Reviewer.GetFromJsonAsync<JsonElement>("/api/tasks", Ct);
        var task = inbox.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("businessKey").GetString() == key);
        var taskId = task.GetProperty("id").GetString();

        var completed = await Reviewer.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { approved = true } }, Ct);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal("rei", (await completed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("completedBy").GetString());

        var again = await Reviewer.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var ended = await Admin.GetFromJsonAsync<JsonElement>($"/api/instances/{instance.GetProperty("id").GetString()}", Ct);
        Assert.Equal("Completed", ended.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_task_and_its_case_leave_no_trace_for_someone_who_is_neither_assignee_candidate_nor_admin()
    {
        var started = await Reviewer.PostAsJsonAsync("/api/instances", new { processId = "Approval", businessKey = "JC-secret" }, Ct);
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        var inbox = await Reviewer.GetFromJsonAsync<JsonElement>("/api/tasks?pageSize=500", Ct);
        var taskId = inbox.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("instanceId").GetString() == instanceId).GetProperty("id").GetString();

        Assert.DoesNotContain((await Outsider.GetFromJsonAsync<JsonElement>("/api/tasks", Ct)).GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetString() == taskId);
        // No trace of another's case: the answers are those for an id that does not exist (JSS-01 6.1).
        var missing = await Outsider.GetAsync("/api/tasks/no-such-task", Ct);
        var hidden = await Outsider.GetAsync($"/api/tasks/{taskId}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(missing.StatusCode, hidden.StatusCode);
        Assert.DoesNotContain("JC-secret", await hidden.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await Outsider.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Outsider.PostAsync($"/api/tasks/{taskId}/claim", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Outsider.GetAsync($"/api/instances/{instanceId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Outsider.GetAsync($"/api/instances/{instanceId}/history", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync($"/api/tasks/{taskId}", Ct)).StatusCode);
    }
}
