using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JcStar.Workflow.Server.Api;

public static class DefinitionEndpoints
{
    public static RouteGroupBuilder MapDefinitionEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/definitions").RequireAuthorization(WorkflowClaims.AdminPolicy);
        group.MapGet("/", async (WorkflowQueries queries, CancellationToken ct) =>
            TypedResults.Ok((await queries.DefinitionsAsync(ct)).Select(d => DefinitionView.From(d)).ToList()));
        group.MapGet("/{processId}/versions", async Task<Results<Ok<List<DefinitionView>>, NotFound>> (string processId, WorkflowQueries queries, CancellationToken ct) =>
        {
            var versions = await queries.DefinitionVersionsAsync(processId, ct);
            return versions.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(versions.Select(d => DefinitionView.From(d)).ToList());
        });
        group.MapPost("/", async Task<Results<Ok<List<DefinitionView>>, ValidationProblem>> (DeployRequest request, DefinitionDeployment deployment, HttpContext http, CancellationToken ct) =>
        {
            var missing = Requests.Required(("fileName", request.FileName), ("xml", request.Xml));
            if (missing.Count > 0)
                return TypedResults.ValidationProblem(missing);
            var result = await deployment.DeployAsync(request.Xml!, request.FileName!, http.User.ToActor(), ct);
            return TypedResults.Ok(result.Processes.Select(p => DefinitionView.From(p.Definition, p.IsNewVersion)).ToList());
        });
        return api;
    }
}
