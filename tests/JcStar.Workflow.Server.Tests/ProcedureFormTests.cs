using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace JcStar.Workflow.Server.Tests;

/// <summary>
/// Forms edited in the modeler: published with the draft and stored with the new version, so a case keeps the form it
/// started with after a later version changes it; a broken form is refused naming the form and its component.
/// </summary>
public sealed class ProcedureFormTests(WorkflowServerFactory server) : IClassFixture<WorkflowServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Manager => server.ClientFor("mori", roles: "scheme-manager");

    private HttpClient Reviewer => server.ClientFor("rei", groups: "reviewers");

    private HttpClient Admin => server.ClientFor("admin", roles: "admin");

    private static string Draft(string reviewName) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="D" targetNamespace="urn:test">
          <process id="Approval" isExecutable="true" jc:candidateStarterGroups="reviewers">
            <startEvent id="Start" jc:formKey="approval-start" />
            <userTask id="Review" name="{reviewName}" jc:candidateGroups="reviewers" jc:formKey="review-decision" />
            <endEvent id="End" />
            <sequenceFlow id="f1" sourceRef="Start" targetRef="Review" />
            <sequenceFlow id="f2" sourceRef="Review" targetRef="End" />
          </process>
        </definitions>
        """;

    private static JsonElement Form(string key, string label) => JsonSerializer.SerializeToElement(new
    {
        type = "default", id = "review-decision",
        components = new object[] { new { type = "textfield", key, label } },
    });

    [Fact]
    public async Task A_case_keeps_the_form_of_its_version_after_a_new_version_changes_the_form()
    {
        var first = await Manager.PostAsJsonAsync("/api/procedures/Approval/publish",
            new { xml = Draft("判定"), note = "判定フォーム", forms = new Dictionary<string, JsonElement> { ["review-decision"] = Form("decision", "判定") } }, Ct);
        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync(Ct));
        var onFirst = await StartAsync();

        var second = await Manager.PostAsJsonAsync("/api/procedures/Approval/publish",
            new { xml = Draft("判定"), note = "欄の変更", forms = new Dictionary<string, JsonElement> { ["review-decision"] = Form("verdict", "<b>結論</b>") } }, Ct);
        Assert.True(second.StatusCode == HttpStatusCode.OK, await second.Content.ReadAsStringAsync(Ct));
        var onSecond = await StartAsync();

        Assert.Equal(["decision"], await FieldsAsync(onFirst));
        Assert.Equal(["verdict"], await FieldsAsync(onSecond));
        var edited = await Manager.GetFromJsonAsync<JsonElement>("/api/procedures/Approval/forms/review-decision", Ct);
        Assert.Equal("version", edited.GetProperty("origin").GetString());
        Assert.Equal("<b>結論</b>", edited.GetProperty("schema").GetProperty("components")[0].GetProperty("label").GetString());
        var completed = await Reviewer.PostAsJsonAsync($"/api/tasks/{onFirst}/complete", new { variables = new { decision = "可" } }, Ct);
        Assert.True(completed.StatusCode == HttpStatusCode.OK, await completed.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_broken_form_is_refused_naming_the_form_and_its_component_and_nothing_is_published()
    {
        var before = (await Admin.GetFromJsonAsync<JsonElement>("/api/definitions/Approval/versions", Ct)).GetArrayLength();
        var broken = JsonSerializer.SerializeToElement(new { components = new object[] { new { type = "number", label = "金額" } } });

        var refused = await Manager.PostAsJsonAsync("/api/procedures/Approval/publish",
            new { xml = Draft("壊れた"), note = "壊れたフォーム", forms = new Dictionary<string, JsonElement> { ["review-decision"] = broken } }, Ct);
        var checkedForm = await Manager.PostAsJsonAsync("/api/procedures/forms/check", new { formKey = "review-decision", schema = broken }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("form 'review-decision': components[0] (number) has no key", problem.GetProperty("errors").GetProperty("forms.review-decision")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, checkedForm.StatusCode);
        Assert.Contains("components[0] (number) has no key", await checkedForm.Content.ReadAsStringAsync(Ct));
        Assert.Equal(before, (await Admin.GetFromJsonAsync<JsonElement>("/api/definitions/Approval/versions", Ct)).GetArrayLength());
    }

    [Fact]
    public async Task The_form_of_the_published_version_and_the_check_of_a_good_form_answer_for_the_modeler()
    {
        var start = await Manager.GetFromJsonAsync<JsonElement>("/api/procedures/Approval/forms/approval-start", Ct);
        var good = await Manager.PostAsJsonAsync("/api/procedures/forms/check", new { formKey = "new-form", schema = Form("amount", "金額") }, Ct);
        var badKey = await Manager.PostAsJsonAsync("/api/procedures/forms/check", new { formKey = "../x", schema = Form("amount", "金額") }, Ct);

        Assert.Equal("applicant", start.GetProperty("schema").GetProperty("components")[0].GetProperty("key").GetString());
        Assert.Equal(["amount"], (await good.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
        Assert.Contains("formKey", await badKey.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await Manager.GetAsync("/api/procedures/Approval/forms/no-such-form", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Reviewer.GetAsync("/api/procedures/Approval/forms/approval-start", Ct)).StatusCode);
    }

    private async Task<string> StartAsync()
    {
        var key = $"PF-{Guid.NewGuid():N}";
        var started = await Reviewer.PostAsJsonAsync("/api/instances", new { processId = "Approval", businessKey = key, variables = new { } }, Ct);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var inbox = await Reviewer.GetFromJsonAsync<JsonElement>("/api/tasks", Ct);
        return inbox.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("businessKey").GetString() == key).GetProperty("id").GetString()!;
    }

    private async Task<List<string>> FieldsAsync(string taskId)
    {
        var form = await Reviewer.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}/form", Ct);
        return [.. form.GetProperty("schema").GetProperty("components").EnumerateArray().Select(c => c.GetProperty("key").GetString()!)];
    }
}
