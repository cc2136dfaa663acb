using JcStar.Workflow.Bpmn.Diagnostics;
using JcStar.Workflow.Documents;
using JcStar.Workflow.Mail;
using JcStar.Workflow.Identity;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Forms;
using JcStar.Workflow.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JcStar.Workflow.Server.Api;

/// <summary>
/// The procedures pages' API (admins and scheme managers): what the modeler offers, the validator on a draft
/// (the same diagnostics as <c>jcstar validate</c>), the differences from the published version, and publishing.
/// </summary>
public static class ProcedureEndpoints
{
    public static RouteGroupBuilder MapProcedureEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/procedures").RequireAuthorization(WorkflowClaims.ProceduresPolicy);
        group.MapGet("/catalog", async (ActivityRegistry activities, IServiceProvider services, CancellationToken ct) =>
        {
            var forms = services.GetService<IFormSource>()?.Keys().ToList() ?? [];
            var groups = SchemeRoles.Staff.Append(SchemeRoles.Admin).SelectMany(r => SchemeRoles.GroupsOf(r, null)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            // Letters are the stored letter templates (document.render's template input; the templates folder's files are
            // their version 1), mails the folders under Mail:TemplateFolder that hold a subject and a body (mail.send's).
            var letters = services.GetService<JcStar.Workflow.Documents.Versions.LetterTemplates>() is { } templates
                ? (await templates.ListAsync(ct)).Select(v => v.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()
                : [];
            var mails = services.GetService<MailTemplateLibrary>()?.Names() ?? [];
            return TypedResults.Ok(new ProcedureCatalogView([.. activities.Names.Order(StringComparer.Ordinal)], groups, [.. SchemeRoles.All], forms, letters, mails));
        });
        group.MapPost("/validate", Results<Ok<ValidationView>, ValidationProblem> (ProcedureXmlRequest request, IBpmnModelReader reader) =>
        {
            var missing = Requests.Required(("xml", request.Xml));
            return missing.Count > 0 ? TypedResults.ValidationProblem(missing) : TypedResults.Ok(Check(reader, request.Xml!, "draft.bpmn"));
        });
        group.MapGet("/{processId}/source", async Task<Results<Ok<ProcedureSourceView>, NotFound>> (string processId, int? version, WorkflowQueries queries, CancellationToken ct) =>
        {
            var found = await VersionAsync(queries, processId, version, ct);
            return found is null ? TypedResults.NotFound() : TypedResults.Ok(new ProcedureSourceView(found.ProcessId, found.Version, found.SourceName, found.Xml));
        });
        group.MapPost("/{processId}/diff", async Task<Results<Ok<DefinitionDiff>, NotFound, ValidationProblem>> (string processId, ProcedureXmlRequest request, WorkflowQueries queries, CancellationToken ct) =>
        {
            var missing = Requests.Required(("xml", request.Xml));
            if (missing.Count > 0)
                return TypedResults.ValidationProblem(missing);
            var latest = await VersionAsync(queries, processId, null, ct);
            return latest is null ? TypedResults.NotFound() : TypedResults.Ok(DefinitionDiff.Between(latest.Xml, request.Xml!));
        });
        group.MapPost("/{processId}/publish", async Task<Results<Ok<DefinitionView>, NotFound, ValidationProblem, Conflict<ProblemMessage>>> (
            string processId, PublishRequest request, WorkflowQueries queries, IBpmnModelReader reader, DefinitionDeployment deployment, HttpContext http, CancellationToken ct) =>
        {
            var missing = Requests.Required(("xml", request.Xml), ("note", request.Note));
            if (missing.Count > 0)
                return TypedResults.ValidationProblem(missing);
            var latest = await VersionAsync(queries, processId, null, ct);
            if (latest is null)
                return TypedResults.NotFound();
            var check = reader.Read(request.Xml!, latest.SourceName);
            if (check.HasErrors)
                return TypedResults.ValidationProblem(
                    check.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).GroupBy(d => d.ElementId ?? $"line {d.Line}")
                        .ToDictionary(g => g.Key, g => g.Select(d => d.ToString()).ToArray()) is { Count: > 0 } errors ? errors : new() { ["xml"] = ["the file could not be read"] },
                    title: $"{latest.SourceName} does not validate: publishing is refused while an error remains");
            if (!check.Model!.Processes.Any(p => p.IsExecutable && p.Id == processId))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["xml"] = [$"the draft has no executable process '{processId}'"] });
            var result = await deployment.DeployAsync(request.Xml!, latest.SourceName, http.User.ToActor(), ct, request.Note,
                (request.Forms ?? []).ToDictionary(f => f.Key, f => f.Value.GetRawText(), StringComparer.Ordinal));
            var published = result.Processes.Single(p => p.Definition.ProcessId == processId);
            return published.IsNewVersion
                ? TypedResults.Ok(DefinitionView.From(published.Definition, true))
                : TypedResults.Conflict(new ProblemMessage($"the draft is the same as version {published.Definition.Version}: nothing to publish"));
        });
        return api;
    }

    public static ValidationView Check(IBpmnModelReader reader, string xml, string sourceName)
    {
        var diagnostics = reader.Read(xml, sourceName).Diagnostics;
        return new ValidationView(
            diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error),
            diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning),
            [.. diagnostics.Select(DiagnosticView.From)]);
    }

    private static async Task<DeployedDefinition?> VersionAsync(WorkflowQueries queries, string processId, int? version, CancellationToken ct)
    {
        var versions = await queries.DefinitionVersionsAsync(processId, ct);
        return version is { } v ? versions.FirstOrDefault(d => d.Version == v) : versions.MaxBy(d => d.Version);
    }
}
