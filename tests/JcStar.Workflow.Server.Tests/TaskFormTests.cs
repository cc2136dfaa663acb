using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace JcStar.Workflow.Server.Tests;

/// <summary>
/// GET /api/tasks/{id}/form, what the task page's form-js island draws: the task's form file as written and the
/// values the case already holds for that form's fields, nothing else of the case.
/// </summary>
public sealed class TaskFormTests(TaskFormTests.FormServer server) : IClassFixture<TaskFormTests.FormServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Reviewer => server.ClientFor("rei", groups: "reviewers");

    [Fact]
    public async Task A_task_form_comes_as_written_with_the_values_the_case_holds_for_its_fields_only()
    {
        var taskId = await StartAsync("ReviewWithForm", new Dictionary<string, object> { ["product.name"] = "さくらルーター SR-100", ["note"] = "<b>至急</b>", ["secret"] = "社内限り" });

        var form = await Reviewer.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}/form", Ct);

        Assert.Equal("review", form.GetProperty("formKey").GetString());
        var schema = form.GetProperty("schema");
        Assert.Equal("Form_review", schema.GetProperty("id").GetString());
        Assert.Equal(["product.name", "note", "approved"], schema.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("key").GetString()));
        var data = form.GetProperty("data");
        Assert.Equal("さくらルーター SR-100", data.GetProperty("product.name").GetString());
        Assert.Equal("<b>至急</b>", data.GetProperty("note").GetString());
        Assert.False(data.TryGetProperty("approved", out _));
        Assert.False(data.TryGetProperty("secret", out _));
    }

    [Fact]
    public async Task A_task_without_a_form_answers_with_no_schema()
    {
        var taskId = await StartAsync("ReviewWithoutForm", new Dictionary<string, object> { ["note"] = "x" });

        var form = await Reviewer.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}/form", Ct);

        Assert.Equal(JsonValueKind.Null, form.GetProperty("schema").ValueKind);
        Assert.Empty(form.GetProperty("data").EnumerateObject());
    }

    [Fact]
    public async Task Someone_the_task_is_not_for_gets_404_as_if_it_did_not_exist()
    {
        var taskId = await StartAsync("ReviewWithForm", new Dictionary<string, object> { ["note"] = "x" });

        var answer = await server.ClientFor("oscar", groups: "sales").GetAsync($"/api/tasks/{taskId}/form", Ct);

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
    }

    private async Task<string> StartAsync(string processId, Dictionary<string, object> variables)
    {
        var key = $"TF-{Guid.NewGuid():N}";
        var started = await Reviewer.PostAsJsonAsync("/api/instances", new { processId, businessKey = key, variables }, Ct);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var inbox = await Reviewer.GetFromJsonAsync<JsonElement>("/api/tasks", Ct);
        return inbox.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("businessKey").GetString() == key).GetProperty("id").GetString()!;
    }

    /// <summary>Two processes for reviewers: one whose task has a form (with a dotted key), one whose task has none.</summary>
    public sealed class FormServer() : WorkflowServerFactory(new Dictionary<string, string>
    {
        ["with-form.bpmn"] = Process("ReviewWithForm", """ jc:formKey="review" """),
        ["without-form.bpmn"] = Process("ReviewWithoutForm", ""),
    })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            WriteForm("review-start", """
                { "type": "default", "id": "Form_review_start", "components": [
                  { "type": "textfield", "key": "product.name", "label": "製品名" },
                  { "type": "textarea", "key": "note", "label": "メモ" },
                  { "type": "textfield", "key": "secret", "label": "社内メモ" } ] }
                """);
            WriteForm("review", """
                { "type": "default", "id": "Form_review", "components": [
                  { "type": "textfield", "key": "product.name", "label": "製品名" },
                  { "type": "textarea", "key": "note", "label": "メモ" },
                  { "type": "checkbox", "key": "approved", "label": "承認する" } ] }
                """);
        }

        private static string Process(string id, string formKey) => $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="D-{id}" targetNamespace="urn:test">
              <process id="{id}" isExecutable="true" jc:candidateStarterGroups="reviewers">
                <startEvent id="Start" jc:formKey="review-start" />
                <userTask id="Review" name="審査" jc:candidateGroups="reviewers"{formKey}/>
                <endEvent id="End" />
                <sequenceFlow id="f1" sourceRef="Start" targetRef="Review" />
                <sequenceFlow id="f2" sourceRef="Review" targetRef="End" />
              </process>
            </definitions>
            """;
    }
}
