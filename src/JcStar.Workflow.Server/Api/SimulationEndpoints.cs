using JcStar.Workflow.Documents.Pdf;
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
        // The same letter as PDF when LibreOffice is installed (Documents:Pdf), converted on request: most runs are read as Word.
        group.MapGet("/{runId}/letters/{index:int}/pdf", async Task<Results<FileContentHttpResult, NotFound>> (string processId, string runId, int index, SimulationResults results, IServiceProvider services, HttpContext http, CancellationToken ct) =>
            services.GetService<IPdfConverter>() is { } pdf && results.Find(runId, http.User.ToActor().Id, processId) is { } run && index >= 0 && index < run.Letters.Count
                ? TypedResults.File(await pdf.ConvertAsync(run.Letters[index].Content, ct), "application/pdf", Path.ChangeExtension(run.Letters[index].FileName, ".pdf"))
                : TypedResults.NotFound());
        return api;
    }
}
