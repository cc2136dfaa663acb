using JcStar.Workflow.Documents;
using JcStar.Workflow.Documents.Pdf;
using JcStar.Workflow.Documents.Versions;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Documents;
using JcStar.Workflow.Scheme;
using JcStar.Workflow.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JcStar.Workflow.Server.Api;

/// <summary>
/// Letter templates for admins and scheme managers: the versions, a version's Word file, and a preview of a version filled
/// with the template's example data or a case's variables (Word, or PDF when LibreOffice is installed). Uploading is on
/// the page /templates/{name} (a form with its antiforgery token).
/// </summary>
public static class TemplateEndpoints
{
    public const string PdfFormat = "pdf";

    public static RouteGroupBuilder MapTemplateEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/templates").RequireAuthorization(WorkflowClaims.ProceduresPolicy);
        group.MapGet("", async (LetterTemplates templates, CancellationToken ct) =>
            TypedResults.Ok((await templates.ListAsync(ct)).Select(TemplateVersionView.From).ToList()));
        group.MapGet("/{name}/versions/{version:int}", async Task<Results<FileContentHttpResult, NotFound>> (string name, int version, LetterTemplates templates, CancellationToken ct) =>
            await templates.OpenAsync(name, version, ct) is { } found
                ? TypedResults.File(found.Content, DocumentContentTypes.Docx, $"{found.Version.Name}.v{found.Version.Version}.docx")
                : TypedResults.NotFound());
        group.MapGet("/{name}/preview", async Task<Results<FileContentHttpResult, NotFound, ValidationProblem, Conflict<ProblemMessage>>> (
            string name, int? version, string? @case, string? format, LetterTemplates templates, WorkflowQueries queries, SchemeServices scheme,
            TimeProvider time, IServiceProvider services, HttpContext http, CancellationToken ct) =>
        {
            var pdf = string.Equals(format, PdfFormat, StringComparison.OrdinalIgnoreCase);
            var converter = pdf ? services.GetService<IPdfConverter>() : null;
            if (pdf && converter is null)
                return TypedResults.Conflict(new ProblemMessage("no PDF converter is configured (LibreOffice is not installed): download the Word preview instead"));
            // A case the caller may not see is not found, as everywhere (the queries ask the access policy).
            var variables = string.IsNullOrWhiteSpace(@case) ? null : await queries.CaseVariablesAsync(@case.Trim(), http.User.ToActor(), ct);
            (Runtime.Documents.LetterTemplateVersion Version, byte[] Document)? preview;
            try
            {
                preview = await templates.PreviewAsync(name, version, variables, scheme.Today(time.GetUtcNow()), ct);
            }
            catch (DocumentTemplateException e)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["template"] = [.. e.Errors.Select(x => x.ToString())] },
                    title: $"the data does not fill {name}: each error names its tag and place");
            }
            if (preview is not { } done)
                return TypedResults.NotFound();
            var fileName = $"{done.Version.Name}.v{done.Version.Version}.preview";
            if (converter is null)
                return TypedResults.File(done.Document, DocumentContentTypes.Docx, fileName + ".docx");
            try
            {
                return TypedResults.File(await converter.ConvertAsync(done.Document, ct), DocumentContentTypes.Pdf, fileName + ".pdf");
            }
            catch (PdfConversionException e)
            {
                return TypedResults.Conflict(new ProblemMessage($"the PDF was not made: {e.Message}"));
            }
        });
        return api;
    }
}
