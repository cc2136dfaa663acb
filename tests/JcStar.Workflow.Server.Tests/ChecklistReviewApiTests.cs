using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JcStar.Workflow.Testing;
using Microsoft.AspNetCore.Hosting;

namespace JcStar.Workflow.Server.Tests;

/// <summary>
/// The ★1 review item by item is enforced by the server, whoever submits it (the task page or the API): with the
/// repository's checklist-review form, an item that does not conform or is questioned without its reason, or a grant
/// over such an item, is refused with the field named; a complete review goes through.
/// </summary>
public sealed class ChecklistReviewApiTests(ChecklistReviewApiTests.ReviewServer server) : IClassFixture<ChecklistReviewApiTests.ReviewServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Reviewer => server.ClientFor("kato", groups: "label-issuing-staff");

    private static Dictionary<string, object> AllConform(string decision)
    {
        var values = Enumerable.Range(1, 16).ToDictionary(n => $"item{n:00}", _ => (object)"conforms");
        values["decision"] = decision;
        return values;
    }

    [Fact]
    public async Task An_item_that_does_not_conform_without_its_reason_is_refused_naming_the_reason_field()
    {
        var taskId = await StartAsync();
        var review = AllConform("refuse");
        review["item03"] = "doesNotConform";

        var answer = await Reviewer.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = review }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("S1.1-03", problem.GetProperty("errors").GetProperty("item03Reason")[0].GetString());
    }

    [Fact]
    public async Task A_grant_over_a_questioned_item_and_a_review_missing_an_item_are_refused()
    {
        var taskId = await StartAsync();
        var review = AllConform("grant");
        review["item05"] = "question";
        review["item05Reason"] = "更新の通知方法が不明";
        review.Remove("item16");

        var answer = await Reviewer.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = review }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var errors = (await answer.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Contains("S1.1-05", errors.GetProperty("decision")[0].GetString());
        Assert.Contains("S1.1-16", errors.GetProperty("item16")[0].GetString());
    }

    [Fact]
    public async Task A_refusal_with_each_failed_item_and_its_reason_completes_the_task()
    {
        var taskId = await StartAsync();
        var review = AllConform("refuse");
        review["item02"] = "doesNotConform";
        review["item02Reason"] = "初期パスワードが全機種共通";

        var answer = await Reviewer.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = review }, Ct);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    private async Task<string> StartAsync()
    {
        var key = $"CR-{Guid.NewGuid():N}";
        var started = await Reviewer.PostAsJsonAsync("/api/instances", new { processId = "ChecklistReviewOnly", businessKey = key, variables = new { level = "Star1" } }, Ct);
        Assert.True(started.StatusCode == HttpStatusCode.Created, $"{(int)started.StatusCode} {await started.Content.ReadAsStringAsync(Ct)}");
        var inbox = await Reviewer.GetFromJsonAsync<JsonElement>("/api/tasks", Ct);
        return inbox.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("businessKey").GetString() == key).GetProperty("id").GetString()!;
    }

    /// <summary>One ★1 review task with the repository's checklist-review form.</summary>
    public sealed class ReviewServer() : WorkflowServerFactory(new Dictionary<string, string>
    {
        ["checklist-review-only.bpmn"] = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="D-ChecklistReviewOnly" targetNamespace="urn:test">
              <process id="ChecklistReviewOnly" isExecutable="true" jc:candidateStarterGroups="label-issuing-staff">
                <startEvent id="Start" jc:formKey="checklist-review-start" />
                <userTask id="ReviewChecklist" name="チェックリスト審査" jc:candidateGroups="label-issuing-staff" jc:formKey="checklist-review" />
                <endEvent id="End" />
                <sequenceFlow id="f1" sourceRef="Start" targetRef="ReviewChecklist" />
                <sequenceFlow id="f2" sourceRef="ReviewChecklist" targetRef="End" />
              </process>
            </definitions>
            """,
    })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            WriteForm("checklist-review-start", """
                { "type": "default", "id": "Form_checklist_review_start", "components": [
                  { "type": "select", "key": "level", "label": "レベル", "values": [ { "label": "★1", "value": "Star1" }, { "label": "★2", "value": "Star2" } ] } ] }
                """);
            WriteForm("checklist-review", File.ReadAllText(RepositoryPaths.InRepo("workflows", "forms", "checklist-review.form")));
        }
    }
}
