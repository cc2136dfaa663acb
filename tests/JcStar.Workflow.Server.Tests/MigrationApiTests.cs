using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace JcStar.Workflow.Server.Tests;

/// <summary>POST /api/migrations/plan and POST /api/migrations as a script would call them.</summary>
public sealed class MigrationApiTests(WorkflowServerFactory server) : IClassFixture<WorkflowServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Admin => server.ClientFor("admin", roles: "admin");

    private HttpClient SchemeManager => server.ClientFor("mana", roles: "scheme-manager");

    private HttpClient Reviewer => server.ClientFor("rei", groups: "reviewers");

    [Fact]
    public async Task A_scheme_manager_plans_and_moves_a_waiting_case_to_the_next_version_and_a_reviewer_may_not()
    {
        var started = await Reviewer.PostAsJsonAsync("/api/instances", new { processId = "Approval", businessKey = "JC-MIG-1" }, Ct);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        var deployed = await Admin.PostAsJsonAsync("/api/definitions", new { fileName = "approval.bpmn", xml = TestProcesses.Approval("Review v2") }, Ct);
        Assert.Equal(HttpStatusCode.OK, deployed.StatusCode);
        var selection = new { sourceDefinitionId = "Approval:1", targetDefinitionId = "Approval:2", instanceIds = new[] { instanceId } };

        Assert.Equal(HttpStatusCode.Forbidden, (await Reviewer.PostAsJsonAsync("/api/migrations/plan", selection, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Reviewer.PostAsJsonAsync("/api/migrations", selection, Ct)).StatusCode);
        var plan = await (await SchemeManager.PostAsJsonAsync("/api/migrations/plan", selection, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var moved = await SchemeManager.PostAsJsonAsync("/api/migrations", selection, Ct);

        Assert.Contains(plan.GetProperty("plan").GetProperty("instructions").EnumerateArray(), i => i.GetProperty("sourceElementId").GetString() == "Review");
        Assert.Empty(plan.GetProperty("errors").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var outcome = (await moved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("cases").EnumerateArray().Single();
        Assert.Equal(instanceId, outcome.GetProperty("instanceId").GetString());
        Assert.True(outcome.GetProperty("migrated").GetBoolean());
        var instance = await Admin.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}", Ct);
        Assert.Equal(2, instance.GetProperty("definitionVersion").GetInt32());
    }

    [Fact]
    public async Task The_plan_checks_an_edited_mapping_and_names_the_element_it_cannot_map_to()
    {
        var edited = new
        {
            sourceDefinitionId = "Approval:1",
            targetDefinitionId = "Approval:1",
            instructions = new[] { new { processId = "Approval", sourceElementId = "Review", targetElementId = "Revue" } },
        };

        var response = await SchemeManager.PostAsJsonAsync("/api/migrations/plan", edited, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var plan = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Revue", plan.GetProperty("plan").GetProperty("instructions").EnumerateArray().Single().GetProperty("targetElementId").GetString());
        Assert.Equal(["mapping Review → Revue: the target process 'Approval' has no element 'Revue'"], plan.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_migration_without_its_versions_is_a_400_naming_the_fields()
    {
        var response = await Admin.PostAsJsonAsync("/api/migrations", new { }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal("required", errors.GetProperty("sourceDefinitionId")[0].GetString());
        Assert.Equal("required", errors.GetProperty("targetDefinitionId")[0].GetString());
    }
}
