using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace JcStar.Workflow.Server.Tests;

/// <summary>GET and POST /api/instances/{id}/adhoc as a script (or the case page) would call them.</summary>
public sealed class AdHocApiTests(AdHocApiTests.AdHocServer server) : IClassFixture<AdHocApiTests.AdHocServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Reviewer => server.ClientFor("rei", groups: "reviewers");

    private HttpClient Outsider => server.ClientFor("oscar", groups: "sales");

    private async Task<string> StartAsync(string businessKey)
    {
        var started = await Reviewer.PostAsJsonAsync("/api/instances", new { processId = "Evaluation", businessKey }, Ct);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Staff_list_the_activities_of_the_open_ad_hoc_sub_process_and_starting_one_makes_a_task()
    {
        var id = await StartAsync("JC-ADHOC-1");

        var choices = await Reviewer.GetFromJsonAsync<JsonElement>($"/api/instances/{id}/adhoc", Ct);
        var started = await Reviewer.PostAsJsonAsync($"/api/instances/{id}/adhoc", new { elementId = "Inspect" }, Ct);
        var tasks = await Reviewer.GetFromJsonAsync<JsonElement>("/api/tasks", Ct);

        var choice = Assert.Single(choices.EnumerateArray());
        Assert.Equal("Checks", choice.GetProperty("elementId").GetString());
        Assert.Equal(["Inspect:現地確認", "Interview:"],
            choice.GetProperty("activities").EnumerateArray().Select(a => $"{a.GetProperty("elementId").GetString()}:{a.GetProperty("name").GetString()}"));
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Contains(tasks.GetProperty("items").EnumerateArray(), t => t.GetProperty("instanceId").GetString() == id && t.GetProperty("elementId").GetString() == "Inspect");
    }

    [Fact]
    public async Task An_activity_a_flow_leads_to_is_a_400_naming_it_and_a_case_one_may_not_see_is_a_404()
    {
        var id = await StartAsync("JC-ADHOC-2");

        var refused = await Reviewer.PostAsJsonAsync($"/api/instances/{id}/adhoc", new { elementId = "Minutes" }, Ct);
        var missing = await Reviewer.PostAsJsonAsync($"/api/instances/{id}/adhoc", new { }, Ct);
        var hidden = await Outsider.GetAsync($"/api/instances/{id}/adhoc", Ct);
        var hiddenPost = await Outsider.PostAsJsonAsync($"/api/instances/{id}/adhoc", new { elementId = "Inspect" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Minutes", await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("required", (await missing.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("elementId")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hiddenPost.StatusCode);
    }

    /// <summary>The server with an evaluation whose checks are chosen by reviewers.</summary>
    public sealed class AdHocServer() : WorkflowServerFactory(new Dictionary<string, string> { ["evaluation.bpmn"] = Evaluation })
    {
        private const string Evaluation = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="D" targetNamespace="urn:test">
              <process id="Evaluation" isExecutable="true" jc:candidateStarterGroups="reviewers">
                <startEvent id="Start" />
                <sequenceFlow id="f1" sourceRef="Start" targetRef="Checks" />
                <adHocSubProcess id="Checks" name="確認">
                  <userTask id="Inspect" name="現地確認" jc:candidateGroups="reviewers" />
                  <userTask id="Interview" jc:candidateGroups="reviewers" />
                  <sequenceFlow id="f2" sourceRef="Interview" targetRef="Minutes" />
                  <userTask id="Minutes" jc:candidateGroups="reviewers" />
                </adHocSubProcess>
                <sequenceFlow id="f3" sourceRef="Checks" targetRef="End" />
                <endEvent id="End" />
              </process>
            </definitions>
            """;
    }
}
