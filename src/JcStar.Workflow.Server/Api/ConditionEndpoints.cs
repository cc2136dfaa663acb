using JcStar.Workflow.Runtime.Subscriptions;
using JcStar.Workflow.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JcStar.Workflow.Server.Api;

/// <summary>
/// Process-level conditional start events (Camunda 7's evaluateStartConditions): the caller's variables are
/// evaluated against them and each that holds starts an instance. Who may start which process is the runtime's
/// start rules, as for <c>POST /api/instances</c>.
/// </summary>
public static class ConditionEndpoints
{
    public static RouteGroupBuilder MapConditionEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/conditions", async Task<Results<Ok<IReadOnlyList<ConditionalStartView>>, ValidationProblem>> (
            ConditionRequest request, ConditionEvaluation conditions, HttpContext http, CancellationToken ct) =>
        {
            if (request.Variables is null)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["variables"] = ["required: an object of the variables the conditions are evaluated against"] });
            if (request.ProcessId is { } processId && string.IsNullOrWhiteSpace(processId))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["processId"] = ["must not be blank; leave it out to evaluate every process"] });
            var started = await conditions.EvaluateStartConditionsAsync(Requests.Variables(request.Variables), request.ProcessId, request.BusinessKey, http.User.ToActor(), ct);
            return TypedResults.Ok<IReadOnlyList<ConditionalStartView>>([.. started.Select(ConditionalStartView.From)]);
        });
        return api;
    }
}
