using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Identity.Administration;
using JcStar.Workflow.Runtime.Access;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JcStar.Workflow.Server.Api;

public static class InstanceEndpoints
{
    public static RouteGroupBuilder MapInstanceEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/instances");
        group.MapPost("/", async Task<Results<Created<InstanceView>, ValidationProblem>> (
            StartRequest request, InstanceLifecycle lifecycle, WorkflowQueries queries, IAuditLog audit, AccessAdministration administration, HttpContext http, CancellationToken ct) =>
        {
            var missing = Requests.Required(("processId", request.ProcessId));
            if (missing.Count > 0)
                return TypedResults.ValidationProblem(missing);
            var actor = http.User.ToActor();
            var (organizationId, derived) = await CaseApplicant.ResolveAsync(actor, request.ApplicantOrganizationId, administration, ct);
            var start = new StartCase(request.ProcessId!, request.BusinessKey, Requests.Variables(request.Variables))
            {
                ApplicantOrganizationId = organizationId,
                DerivedVariables = derived.SetItems(await SubjectCase.DeriveAsync(request.Variables, actor, queries, audit, ct)),
            };
            var instance = await lifecycle.StartCaseAsync(start, actor, ct);
            return TypedResults.Created($"/api/instances/{instance.Id}", InstanceView.From(instance));
        });
        group.MapGet("/", async Task<Results<Ok<PageView<InstanceView>>, ValidationProblem>> (
            string? processId, string? businessKey, string? status, int? page, int? pageSize, WorkflowQueries queries, HttpContext http, CancellationToken ct) =>
        {
            InstanceStatus? parsed = null;
            if (status is not null)
            {
                if (!Enum.TryParse<InstanceStatus>(status, ignoreCase: true, out var s))
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"one of {string.Join(", ", Enum.GetNames<InstanceStatus>())}"] });
                parsed = s;
            }
            var result = await queries.QueryInstancesAsync(new InstanceQuery(processId, businessKey, parsed, Requests.Page(page, pageSize)), http.User.ToActor(), ct);
            return TypedResults.Ok(PageView<InstanceView>.From(result, InstanceView.From));
        });
        group.MapGet("/{id}", async (string id, WorkflowQueries queries, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(InstanceView.From(await queries.GetInstanceAsync(id, http.User.ToActor(), ct))));
        group.MapGet("/{id}/history", async (string id, WorkflowQueries queries, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok<IReadOnlyList<AuditEntry>>(await queries.HistoryAsync(id, http.User.ToActor(), ct)));
        group.MapGet("/{id}/diagram", async (string id, WorkflowQueries queries, JcStar.Workflow.Runtime.Definitions.IDefinitionStore definitions, HttpContext http, CancellationToken ct) =>
        {
            var actor = http.User.ToActor();
            var instance = await queries.GetInstanceAsync(id, actor, ct);
            var definition = await definitions.FindAsync(instance.DefinitionId, ct);
            var facts = Web.DiagramFacts.From(instance, await queries.HistoryAsync(id, actor, ct));
            return TypedResults.Ok(new { xml = definition?.Xml, facts.Completed, facts.Active, facts.Incidents });
        });
        group.MapGet("/{id}/reads", async (string id, WorkflowQueries queries, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok<IReadOnlyList<AuditEntry>>(await queries.CaseReadsAsync(id, http.User.ToActor(), ct)))
            .RequireAuthorization(WorkflowClaims.AdminPolicy);
        group.MapPost("/{id}/cancel", async (string id, CancelRequest? request, InstanceLifecycle lifecycle, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(InstanceView.From(await lifecycle.CancelAsync(id, request?.Reason, http.User.ToActor(), ct))))
            .RequireAuthorization(WorkflowClaims.AdminPolicy);
        return api;
    }
}
