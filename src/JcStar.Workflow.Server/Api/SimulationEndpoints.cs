using JcStar.Workflow.Server.Identity;
using JcStar.Workflow.Server.Web.Simulation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JcStar.Workflow.Server.Api;

/// <summary>
/// What the simulation page's diagram and download links read of a run (admins and scheme managers, and only the
/// user who ran it): the path to colour, and the Word letters it rendered. The run itself is the page's form.
/// </summary>
public static class SimulationEndpoints
{
    public const string WordContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static RouteGroupBuilder MapSimulationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/procedures/{processId}/simulations").RequireAuthorization(WorkflowClaims.ProceduresPolicy);
        group.MapGet("/{runId}/diagram", Results<Ok<SimulationDiagramView>, NotFound> (string processId, string runId, SimulationResults results, HttpContext http) =>
            results.Find(runId, http.User.ToActor().Id, processId) is { } run ? TypedResults.Ok(SimulationDiagramView.From(run)) : TypedResults.NotFound());
        group.MapGet("/{runId}/letters/{index:int}", Results<FileContentHttpResult, NotFound> (string processId, string runId, int index, SimulationResults results, HttpContext http) =>
            results.Find(runId, http.User.ToActor().Id, processId) is { } run && index >= 0 && index < run.Letters.Count
                ? TypedResults.File(run.Letters[index].Content, WordContentType, run.Letters[index].FileName)
                : TypedResults.NotFound());
        return api;
    }
}
