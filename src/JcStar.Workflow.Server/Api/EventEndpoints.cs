using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Incidents;
using JcStar.Workflow.Runtime.Subscriptions;
using JcStar.Workflow.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JcStar.Workflow.Server.Api;

/// <summary>Messages, signals and incidents: what staff or other systems send into running cases. Admins only.</summary>
public static class EventEndpoints
{
    public static RouteGroupBuilder MapEventEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/").RequireAuthorization(WorkflowClaims.AdminPolicy);
        admin.MapPost("/messages", async Task<Results<Ok<DeliveryResult>, NotFound<DeliveryResult>, ValidationProblem>> (MessageRequest request, EventCorrelation events, HttpContext http, CancellationToken ct) =>
        {
            var missing = Requests.Required(("name", request.Name));
            if (missing.Count > 0)
                return TypedResults.ValidationProblem(missing);
            var delivered = await events.CorrelateMessageAsync(request.Name!, request.CorrelationKey, Requests.Variables(request.Variables), http.User.ToActor(), ct);
            return delivered == 0 ? TypedResults.NotFound(new DeliveryResult(0)) : TypedResults.Ok(new DeliveryResult(delivered));
        });
        admin.MapPost("/signals", async Task<Results<Ok<DeliveryResult>, ValidationProblem>> (SignalRequest request, EventCorrelation events, HttpContext http, CancellationToken ct) =>
        {
            var missing = Requests.Required(("name", request.Name));
            if (missing.Count > 0)
                return TypedResults.ValidationProblem(missing);
            return TypedResults.Ok(new DeliveryResult(await events.BroadcastSignalAsync(request.Name!, Requests.Variables(request.Variables), http.User.ToActor(), ct)));
        });
        admin.MapGet("/incidents", async (string? instanceId, int? page, int? pageSize, WorkflowQueries queries, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(PageView<Incident>.From(await queries.OpenIncidentsAsync(instanceId, Requests.Page(page, pageSize), http.User.ToActor(), ct), i => i)));
        admin.MapPost("/incidents/{id}/retry", async (string id, IncidentRetry incidents, HttpContext http, CancellationToken ct) =>
        {
            await incidents.RetryIncidentAsync(id, http.User.ToActor(), ct);
            return TypedResults.NoContent();
        });
        return api;
    }
}
