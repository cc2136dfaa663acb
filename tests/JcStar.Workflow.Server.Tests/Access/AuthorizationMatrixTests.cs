using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Server.Tests.Access;

/// <summary>
/// Every API endpoint × every role × the caller's own case, another organization's case and an id that does not
/// exist gives its exact status, and no response holds a byte of the other organization's data. The endpoint list
/// is read from the running server: an endpoint added without a row here fails the test.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.MatrixServer server) : IClassFixture<AuthorizationMatrixTests.MatrixServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const int Ok = 200, Created = 201, NoContent = 204, Bad = 400, Unauth = 401, Forbid = 403, Missing = 404, Conflict = 409;

    internal enum Target { Own, Other, Missing }

    /// <summary>What a case-scoped read answers: the parties and the handling staff see it, nobody else (as if it did not exist).</summary>
    private static int CaseRead(string role, Target target) => (role, target) switch
    {
        ("anonymous", _) => Unauth,
        (_, Target.Missing) => Missing,
        ("admin" or "staff", _) => Ok,
        ("conflicted", Target.Other) => Ok,
        ("applicantA", Target.Own) => Ok,
        ("applicantB", Target.Other) => Ok,
        _ => Missing,
    };

    /// <summary>A staff task: its candidates (not conflicted) and admins; never an applicant or a facility.</summary>
    private static int TaskAccess(string role, Target target, int allowed, int visibleButRefused = Forbid) => (role, target) switch
    {
        ("anonymous", _) => Unauth,
        (_, Target.Missing) => Missing,
        ("admin", _) => allowed,
        ("staff", _) => visibleButRefused == 0 ? allowed : visibleButRefused,
        ("conflicted", Target.Other) => visibleButRefused == 0 ? allowed : visibleButRefused,
        _ => Missing,
    };

    /// <summary>Choosing in an ad-hoc sub-process: staff who see the case and admins; its parties see it but may not.</summary>
    private static int AdHocChoose(string role, Target target) => CaseRead(role, target) switch
    {
        Ok when role is "applicantA" or "applicantB" => Forbid,
        Ok => Conflict,
        var other => other,
    };

    private static int AdminOnly(string role, int forAdmin) => role switch { "anonymous" => Unauth, "admin" => forAdmin, _ => Forbid };

    private static int Anyone(string role, int status) => role == "anonymous" ? Unauth : status;

    internal sealed record Row(string Method, string Pattern, Func<Ids, string> Path, Func<string, Target, int> Expect, object? Body = null, bool PerCase = true);

    internal sealed record Ids(string Instance, string Task);

    private static readonly Row[] Rows =
    [
        new("GET", "/api/me", _ => "/api/me", (r, _) => Anyone(r, Ok), PerCase: false),
        new("GET", "/api/tokens/", _ => "/api/tokens", (r, _) => Anyone(r, Ok), PerCase: false),
        new("POST", "/api/tokens/", _ => "/api/tokens", (r, _) => Anyone(r, Created), new { name = "matrix" }, PerCase: false),
        new("DELETE", "/api/tokens/{id}", _ => "/api/tokens/TOK-NONE", (r, _) => Anyone(r, Missing), PerCase: false),
        new("GET", "/api/conflicts", _ => "/api/conflicts", (r, _) => Anyone(r, Ok), PerCase: false),
        new("POST", "/api/conflicts", _ => "/api/conflicts", (r, _) => r switch { "anonymous" => Unauth, "applicantA" or "applicantB" => Forbid, _ => Created },
            new { organizationId = "ORG-UNRELATED", detail = "テスト" }, PerCase: false),
        new("GET", "/api/admin/users", _ => "/api/admin/users", (r, _) => AdminOnly(r, Ok), PerCase: false),
        new("POST", "/api/admin/users", _ => "/api/admin/users", (r, _) => AdminOnly(r, Bad), new { userName = "x", role = "no-such-role" }, PerCase: false),
        new("POST", "/api/admin/users/{userName}/disable", _ => "/api/admin/users/nobody/disable", (r, _) => AdminOnly(r, Missing), PerCase: false),
        new("GET", "/api/admin/organizations", _ => "/api/admin/organizations", (r, _) => AdminOnly(r, Ok), PerCase: false),
        new("POST", "/api/admin/organizations", _ => "/api/admin/organizations", (r, _) => AdminOnly(r, Bad), new { name = "x", corporateNumber = "1234567890123" }, PerCase: false),
        new("GET", "/api/admin/tokens", _ => "/api/admin/tokens", (r, _) => AdminOnly(r, Ok), PerCase: false),
        new("DELETE", "/api/admin/tokens/{id}", _ => "/api/admin/tokens/TOK-NONE", (r, _) => AdminOnly(r, Missing), PerCase: false),
        new("GET", "/api/admin/sign-ins", _ => "/api/admin/sign-ins", (r, _) => AdminOnly(r, Ok), PerCase: false),
        new("GET", "/api/admin/conflicts", _ => "/api/admin/conflicts", (r, _) => AdminOnly(r, Bad), PerCase: false),
        new("POST", "/api/admin/conflicts", _ => "/api/admin/conflicts", (r, _) => AdminOnly(r, Bad), new { organizationId = "x" }, PerCase: false),
        new("GET", "/api/definitions/", _ => "/api/definitions", (r, _) => AdminOnly(r, Ok), PerCase: false),
        new("GET", "/api/definitions/{processId}/versions", _ => "/api/definitions/MatrixCase/versions", (r, _) => AdminOnly(r, Ok), PerCase: false),
        new("POST", "/api/definitions/", _ => "/api/definitions", (r, _) => AdminOnly(r, Bad), new { }, PerCase: false),
        // The procedures API: admins and scheme managers (no scheme manager in this world; ProcedureEndpointTests covers one).
        new("GET", "/api/procedures/catalog", _ => "/api/procedures/catalog", (r, _) => AdminOnly(r, Ok), PerCase: false),
        new("POST", "/api/procedures/validate", _ => "/api/procedures/validate", (r, _) => AdminOnly(r, Bad), new { }, PerCase: false),
        new("GET", "/api/procedures/{processId}/source", _ => "/api/procedures/MatrixCase/source", (r, _) => AdminOnly(r, Ok), PerCase: false),
        new("POST", "/api/procedures/{processId}/diff", _ => "/api/procedures/MatrixCase/diff", (r, _) => AdminOnly(r, Bad), new { }, PerCase: false),
        new("POST", "/api/procedures/{processId}/publish", _ => "/api/procedures/MatrixCase/publish", (r, _) => AdminOnly(r, Bad), new { }, PerCase: false),
        // A simulation's diagram and letters: only its runner sees them (no run exists here, so admins get 404 too).
        new("GET", "/api/procedures/{processId}/simulations/{runId}/diagram", _ => "/api/procedures/MatrixCase/simulations/RUN-NONE/diagram", (r, _) => AdminOnly(r, Missing), PerCase: false),
        new("GET", "/api/procedures/{processId}/simulations/{runId}/letters/{index:int}", _ => "/api/procedures/MatrixCase/simulations/RUN-NONE/letters/0", (r, _) => AdminOnly(r, Missing), PerCase: false),
        new("GET", "/api/procedures/{processId}/simulations/{runId}/letters/{index:int}/pdf", _ => "/api/procedures/MatrixCase/simulations/RUN-NONE/letters/0/pdf", (r, _) => AdminOnly(r, Missing), PerCase: false),
        // Letter templates: admins and scheme managers, like the procedures (a template that does not exist is 404 to them only).
        new("GET", "/api/templates/", _ => "/api/templates", (r, _) => AdminOnly(r, Ok), PerCase: false),
        new("GET", "/api/templates/{name}/versions", _ => "/api/templates/no-such-template/versions", (r, _) => AdminOnly(r, Missing), PerCase: false),
        new("POST", "/api/templates/{name}/versions", _ => "/api/templates/no-such-template/versions", (r, _) => AdminOnly(r, Missing), new { }, PerCase: false),
        new("GET", "/api/templates/{name}/versions/{version:int}", _ => "/api/templates/no-such-template/versions/1", (r, _) => AdminOnly(r, Missing), PerCase: false),
        new("GET", "/api/templates/{name}/preview", _ => "/api/templates/no-such-template/preview", (r, _) => AdminOnly(r, Missing), PerCase: false),
        new("GET", "/api/procedures/{processId}/forms/{formKey}", _ => "/api/procedures/MatrixCase/forms/no-such-form", (r, _) => AdminOnly(r, Missing), PerCase: false),
        new("POST", "/api/procedures/forms/check", _ => "/api/procedures/forms/check", (r, _) => AdminOnly(r, Bad), new { }, PerCase: false),
        new("POST", "/api/instances/", _ => "/api/instances", (r, _) => r switch { "anonymous" => Unauth, "facility" => Forbid, _ => Created },
            new { processId = "MatrixCase", variables = new { applicant = "新規" } }, PerCase: false),
        new("GET", "/api/instances/", _ => "/api/instances", (r, _) => Anyone(r, Ok), PerCase: false),
        new("GET", "/api/instances/{id}", i => $"/api/instances/{i.Instance}", CaseRead),
        new("GET", "/api/instances/{id}/history", i => $"/api/instances/{i.Instance}/history", CaseRead),
        new("GET", "/api/instances/{id}/documents", i => $"/api/instances/{i.Instance}/documents", CaseRead),
        new("GET", "/api/instances/{id}/mails", i => $"/api/instances/{i.Instance}/mails", CaseRead),
        // The case record archive: the case's handling staff and admins; applicants and facilities as if it did not exist.
        new("GET", "/api/instances/{id}/record", i => $"/api/instances/{i.Instance}/record", (r, t) => r is "applicantA" or "applicantB" or "facility" ? Missing : CaseRead(r, t)),
        new("GET", "/api/instances/{id}/diagram", i => $"/api/instances/{i.Instance}/diagram", CaseRead),
        new("GET", "/api/instances/{id}/reads", i => $"/api/instances/{i.Instance}/reads", (r, t) => r == "admin" ? (t == Target.Missing ? Missing : Ok) : AdminOnly(r, Ok)),
        new("POST", "/api/instances/{id}/cancel", i => $"/api/instances/{i.Instance}/cancel", (r, t) => r == "admin" ? (t == Target.Missing ? Missing : Ok) : AdminOnly(r, Ok), new { reason = "test" }),
        new("GET", "/api/instances/{id}/adhoc", i => $"/api/instances/{i.Instance}/adhoc", CaseRead),
        // The matrix case has no ad-hoc sub-process: whoever may choose gets 409 (nothing open offers it), its parties 403.
        new("POST", "/api/instances/{id}/adhoc", i => $"/api/instances/{i.Instance}/adhoc", AdHocChoose, new { elementId = "Review" }),
        new("GET", "/api/tasks/", _ => "/api/tasks", (r, _) => Anyone(r, Ok), PerCase: false),
        new("GET", "/api/tasks/{id}", i => $"/api/tasks/{i.Task}", (r, t) => TaskAccess(r, t, Ok, 0)),
        new("GET", "/api/tasks/{id}/form", i => $"/api/tasks/{i.Task}/form", (r, t) => TaskAccess(r, t, Ok, 0)),
        new("POST", "/api/tasks/{id}/complete", i => $"/api/tasks/{i.Task}/complete", (r, t) => TaskAccess(r, t, Ok, 0), new { variables = new { } }),
        new("POST", "/api/tasks/{id}/claim", i => $"/api/tasks/{i.Task}/claim", (r, t) => TaskAccess(r, t, Ok, 0)),
        new("POST", "/api/tasks/{id}/unclaim", i => $"/api/tasks/{i.Task}/unclaim", (r, t) => TaskAccess(r, t, Ok)),
        new("POST", "/api/tasks/{id}/reassign", i => $"/api/tasks/{i.Task}/reassign", (r, t) => TaskAccess(r, t, Ok), new { assignee = "sato" }),
        new("GET", "/api/documents/{documentId}", _ => "/api/documents/no-such-document", (r, _) => Anyone(r, Missing), PerCase: false),
        new("POST", "/api/mails/{mailId:guid}/retry", _ => $"/api/mails/{Guid.Empty}/retry", (r, _) => AdminOnly(r, Missing), PerCase: false),
        new("POST", "/api/messages", _ => "/api/messages", (r, _) => AdminOnly(r, Missing), new { name = "NobodyWaits" }, PerCase: false),
        new("POST", "/api/signals", _ => "/api/signals", (r, _) => AdminOnly(r, Ok), new { name = "NobodyListens" }, PerCase: false),
        // Whoever may start the process may have its start conditions evaluated; the matrix case has none to evaluate.
        new("POST", "/api/conditions", _ => "/api/conditions", (r, _) => r switch { "anonymous" => Unauth, "facility" => Forbid, _ => Bad },
            new { processId = "MatrixCase", variables = new { applicant = "新規" } }, PerCase: false),
        new("GET", "/api/registry", _ => "/api/registry", (_, _) => Ok, PerCase: false),
        new("GET", "/api/incidents", _ => "/api/incidents", (r, _) => AdminOnly(r, Ok), PerCase: false),
        new("POST", "/api/migrations/plan", _ => "/api/migrations/plan", (r, _) => AdminOnly(r, Missing), new { sourceDefinitionId = "NoSuch:1", targetDefinitionId = "NoSuch:2" }, PerCase: false),
        new("POST", "/api/migrations/", _ => "/api/migrations", (r, _) => AdminOnly(r, Missing), new { sourceDefinitionId = "NoSuch:1", targetDefinitionId = "NoSuch:2" }, PerCase: false),
        new("POST", "/api/incidents/{id}/retry", _ => "/api/incidents/no-such-incident/retry", (r, _) => AdminOnly(r, Missing), PerCase: false),
    ];

    [Fact]
    public void Every_api_endpoint_has_a_row_in_the_matrix()
    {
        var endpoints = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet();
        var rows = Rows.Select(r => $"{r.Method} {r.Pattern}").ToHashSet();
        Assert.Empty(endpoints.Except(rows));
        Assert.Empty(rows.Except(endpoints));
    }

    [Fact]
    public Task Every_endpoint_gives_every_role_its_exact_status_and_never_another_organizations_data() => RunAsync(server);

    /// <summary>The whole matrix against one server (SQLite here, PostgreSQL in <see cref="PostgresAuthorizationMatrixTests"/>).</summary>
    internal static async Task RunAsync(MatrixServer server)
    {
        var world = server.World;
        await world.InitializeAsync();
        var failures = new List<string>();
        var n = 0;
        foreach (var row in Rows)
        {
            foreach (var role in AccessWorld.Roles)
            {
                foreach (var target in row.PerCase ? [Target.Own, Target.Other, Target.Missing] : new[] { Target.Own })
                {
                    // Fresh cases for every cell, so one cell's claim or completion never decides another's answer.
                    var a = await world.CaseOfAsync("A", $"JCS-A-{++n:D4}");
                    var b = await world.CaseOfAsync("B", $"JCS-B-{n:D4}");
                    var ids = target switch
                    {
                        Target.Own => role == "applicantB" ? new Ids(b.InstanceId, b.TaskId) : new Ids(a.InstanceId, a.TaskId),
                        Target.Other => role == "applicantB" ? new Ids(a.InstanceId, a.TaskId) : new Ids(b.InstanceId, b.TaskId),
                        _ => new Ids("no-such-case", "no-such-task"),
                    };
                    // For applicant B the matrix's "own" and "other" are mirrored; the expectation is stated from A's side.
                    var expectTarget = role == "applicantB" && target != Target.Missing ? (target == Target.Own ? Target.Other : Target.Own) : target;
                    var expected = row.Expect(role, expectTarget);
                    var request = new HttpRequestMessage(new HttpMethod(row.Method), row.Path(ids));
                    if (row.Body is not null)
                        request.Content = JsonContent.Create(row.Body);
                    var response = await world.Clients[role].SendAsync(request, Ct);
                    var body = await response.Content.ReadAsStringAsync(Ct);
                    if ((int)response.StatusCode != expected)
                        failures.Add($"{row.Method} {row.Path(ids)} as {role} ({target}): expected {expected}, got {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
                    var foreign = role switch
                    {
                        "applicantA" => new[] { AccessWorld.CompanyB, b.InstanceId, b.TaskId, $"JCS-B-{n:D4}", world.OrgB },
                        "applicantB" => [AccessWorld.CompanyA, a.InstanceId, a.TaskId, $"JCS-A-{n:D4}", world.OrgA],
                        "conflicted" => [AccessWorld.CompanyA, a.InstanceId, a.TaskId, $"JCS-A-{n:D4}"],
                        "facility" or "anonymous" => [AccessWorld.CompanyA, AccessWorld.CompanyB, a.InstanceId, b.InstanceId],
                        _ => [],
                    };
                    // An id the caller sent may come back in the answer for "does not exist"; anything else of the other party may not.
                    foreach (var secret in foreign.Where(s => body.Contains(s, StringComparison.Ordinal) && !request.RequestUri!.OriginalString.Contains(s, StringComparison.Ordinal)))
                        failures.Add($"{row.Method} {row.Path(ids)} as {role}: the response holds '{secret}'");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The server with a case of each applicant routed to label-issuing staff.</summary>
    public class MatrixServer() : WorkflowServerFactory(new Dictionary<string, string> { ["matrix.bpmn"] = MatrixProcess })
    {
        private const string MatrixProcess = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="M" targetNamespace="urn:test">
              <process id="MatrixCase" isExecutable="true" jc:candidateStarterGroups="applicant,label-issuing-staff">
                <startEvent id="Start" jc:formKey="approval-start" />
                <userTask id="Review" name="審査" jc:candidateGroups="label-issuing-staff" />
                <endEvent id="End" />
                <sequenceFlow id="f1" sourceRef="Start" targetRef="Review" />
                <sequenceFlow id="f2" sourceRef="Review" targetRef="End" />
              </process>
            </definitions>
            """;

        private AccessWorld? world;

        public AccessWorld World => world ??= new AccessWorld(this);
    }
}
