using JcStar.Workflow.Identity.Administration;
using JcStar.Workflow.Runtime.Subscriptions;
using JcStar.Workflow.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JcStar.Workflow.Server.Api;

/// <summary>
/// Process-level conditional start events (Camunda 7's evaluateStartConditions): the caller's variables are
/// evaluated against them and each that holds starts an instance. Who may start which process is the runtime's
/// start rules, as for <c>POST /api/instances</c>; so is the case's applicant: an applicant's own organization (its
/// register entry set as the <c>applicant</c> variable), or the one a staff member names, recorded as the party of
/// every case started, so the applicant sees those cases and no other applicant does.
/// </summary>
public static class ConditionEndpoints
{
    public static RouteGroupBuilder MapConditionEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/conditions", async Task<Results<Ok<IReadOnlyList<ConditionalStartView>>, ValidationProblem>> (
            ConditionRequest request, ConditionEvaluation conditions, AccessAdministration administration, HttpContext http, CancellationToken ct) =>
        {
            if (request.Variables is null)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["variables"] = ["required: an object of the variables the conditions are evaluated against"] });
            if (request.ProcessId is { } processId && string.IsNullOrWhiteSpace(processId))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["processId"] = ["must not be blank; leave it out to evaluate every process"] });
            var actor = http.User.ToActor();
            var (organizationId, derived) = await CaseApplicant.ResolveAsync(actor, request.ApplicantOrganizationId, administration, ct);
            var started = await conditions.EvaluateStartConditionsAsync(Requests.Variables(request.Variables), request.ProcessId, request.BusinessKey, actor, ct,
                organizationId, derived);
            return TypedResults.Ok<IReadOnlyList<ConditionalStartView>>([.. started.Select(ConditionalStartView.From)]);
        });
        return api;
    }
}
