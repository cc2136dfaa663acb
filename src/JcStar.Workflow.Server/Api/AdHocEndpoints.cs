using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JcStar.Workflow.Server.Api;

/// <summary>
/// Ad-hoc sub-processes of a case (BPMN 2.0.2 §10.3.5): what may be started in them now, and starting one. Both go
/// through the case access policy: a case the caller may not see answers as one that does not exist; its applicant
/// and facility see an empty list and may not choose (403); staff who handle it and admins choose.
/// </summary>
public static class AdHocEndpoints
{
    public static RouteGroupBuilder MapAdHocEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/instances/{id}/adhoc", async (string id, AdHocActivities adHoc, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok<IReadOnlyList<AdHocChoiceView>>([.. (await adHoc.AdHocChoicesAsync(id, http.User.ToActor(), ct)).Select(AdHocChoiceView.From)]));
        api.MapPost("/instances/{id}/adhoc", async Task<Results<Ok<InstanceView>, ValidationProblem>> (
            string id, AdHocRequest request, AdHocActivities adHoc, HttpContext http, CancellationToken ct) =>
        {
            var missing = Requests.Required(("elementId", request.ElementId));
            if (missing.Count > 0)
                return TypedResults.ValidationProblem(missing);
            var instance = await adHoc.ActivateAdHocActivityAsync(id, request.ElementId!, http.User.ToActor(), request.AdHocId, ct);
            return TypedResults.Ok(InstanceView.From(instance));
        });
        return api;
    }
}
