using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Server.Tests.Inbox;

/// <summary>
/// The inbox's rows share one form: the button pressed names the task to claim or unclaim. A claim posted from a page
/// whose row someone else has taken since still reaches its handler, which says so on the inbox.
/// </summary>
public sealed partial class InboxActionsTests(WorkflowServerFactory server) : IClassFixture<WorkflowServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private HttpClient Staff(string user) => server.ClientFor(user, groups: "reviewers", roles: "label-issuing-staff");

    private async Task<string> StartedTaskAsync(string businessKey)
    {
        var started = await Staff("starter").PostAsJsonAsync("/api/instances", new { processId = "Approval", businessKey, variables = new { } }, Ct);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        return (await server.Services.GetRequiredService<WorkflowQueries>().CaseTasksAsync(instanceId, WorkflowActor.System, Ct)).Single(t => t.Status == HumanTaskStatus.Open).Id;
    }

    private static Task<HttpResponseMessage> PressAsync(HttpClient client, string page, string button, string taskId) =>
        client.PostAsync("/inbox", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "inbox-actions",
            ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups["token"].Value,
            [button] = taskId,
        }), Ct);

    [Fact]
    public async Task The_button_pressed_claims_or_unclaims_its_row_and_one_form_carries_one_token()
    {
        var taskId = await StartedTaskAsync("INBOX-FORM-1");
        var otherId = await StartedTaskAsync("INBOX-FORM-1B");
        var clerk = Staff("kato");
        var page = await clerk.GetStringAsync("/inbox", Ct);
        Assert.Contains($"name=\"claim\" value=\"{taskId}\"", page, StringComparison.Ordinal);
        Assert.Contains($"name=\"claim\" value=\"{otherId}\"", page, StringComparison.Ordinal);
        // The header's sign-out form and the inbox's one form, however many rows.
        Assert.Equal(2, AntiforgeryField().Matches(page).Count);

        var claimed = await PressAsync(clerk, page, "claim", taskId);
        // Redirected (the client follows) to the inbox saying it is done.
        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        Assert.Equal("/inbox?done=claimed", claimed.RequestMessage?.RequestUri?.PathAndQuery);
        var queries = server.Services.GetRequiredService<WorkflowQueries>();
        Assert.Equal("kato", (await queries.GetTaskAsync(taskId, WorkflowActor.System, Ct)).Assignee);

        page = await clerk.GetStringAsync("/inbox", Ct);
        Assert.Contains($"name=\"unclaim\" value=\"{taskId}\"", page, StringComparison.Ordinal);
        var unclaimed = await PressAsync(clerk, page, "unclaim", taskId);
        Assert.Equal("/inbox?done=unclaimed", unclaimed.RequestMessage?.RequestUri?.PathAndQuery);
        Assert.Null((await queries.GetTaskAsync(taskId, WorkflowActor.System, Ct)).Assignee);
    }

    [Fact]
    public async Task A_claim_from_a_page_whose_row_a_colleague_took_since_says_so_and_changes_nothing()
    {
        var taskId = await StartedTaskAsync("INBOX-FORM-2");
        var clerk = Staff("ito");
        var page = await clerk.GetStringAsync("/inbox", Ct);
        await server.Services.GetRequiredService<WorkflowRuntime>().ClaimTaskAsync(taskId, new WorkflowActor("sasaki", ["reviewers"]), Ct);

        var answer = await PressAsync(clerk, page, "claim", taskId);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("/inbox", answer.RequestMessage?.RequestUri?.PathAndQuery);
        var body = await answer.Content.ReadAsStringAsync(Ct);
        Assert.Contains("role=\"alert\"", body, StringComparison.Ordinal);
        Assert.Equal("sasaki", (await server.Services.GetRequiredService<WorkflowQueries>().GetTaskAsync(taskId, WorkflowActor.System, Ct)).Assignee);
    }
}
