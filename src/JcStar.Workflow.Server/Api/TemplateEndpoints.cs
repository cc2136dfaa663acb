using JcStar.Workflow.Documents;
using JcStar.Workflow.Documents.Pdf;
using JcStar.Workflow.Documents.Versions;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Documents;
using JcStar.Workflow.Scheme;
using JcStar.Workflow.Server.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace JcStar.Workflow.Server.Api;

/// <summary>
/// Letter templates for admins and scheme managers: the versions, a version's Word file, and a preview of a version filled
/// with the template's example data or a case's variables (Word, or PDF when LibreOffice is installed), and uploading a new
/// version of a template (multipart, checked as <c>jcstar render --check</c> checks and refused on any error, as the page
/// /templates/{name} does). A new template starts as a file in the templates folder: an upload names one that exists.
/// </summary>
public static class TemplateEndpoints
{
    public const string PdfFormat = "pdf";

    public static RouteGroupBuilder MapTemplateEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/templates").RequireAuthorization(WorkflowClaims.ProceduresPolicy);
        group.MapGet("", async (LetterTemplates templates, CancellationToken ct) =>
            TypedResults.Ok((await templates.ListAsync(ct)).Select(TemplateVersionView.From).ToList()));
        group.MapGet("/{name}/versions", async Task<Results<Ok<List<TemplateVersionView>>, NotFound<ProblemMessage>>> (string name, LetterTemplates templates, CancellationToken ct) =>
        {
            var versions = (await templates.ListAsync(ct)).Where(v => v.Name == name).OrderByDescending(v => v.Version).Select(TemplateVersionView.From).ToList();
            return versions.Count > 0 ? TypedResults.Ok(versions) : TypedResults.NotFound(NoSuchTemplate(name));
        });
        group.MapPost("/{name}/versions", UploadAsync).DisableAntiforgery();
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

    /// <summary>The form field that holds the Word file (the page's field name).</summary>
    public const string FileField = "template";

    /// <summary>The form field that holds why the version was made.</summary>
    public const string NoteField = "note";

    /// <summary>
    /// 201 with the new version; 200 with the latest version when the file is the same as it (nothing stored); 422 with every
    /// error of the check when refused (the current version stays); 400 without a file; 404 for a template that does not exist.
    /// </summary>
    private static async Task<Results<Created<TemplateVersionView>, Ok<TemplateVersionView>, UnprocessableEntity<HttpValidationProblemDetails>, NotFound<ProblemMessage>, BadRequest<ProblemMessage>>> UploadAsync(
        string name, HttpContext http, LetterTemplates templates, DocumentsOptions options, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (await templates.OpenAsync(name, null, ct) is not { } current)
            return TypedResults.NotFound(NoSuchTemplate(name));
        // A browser sends its session cookie by itself: a cookie caller proves the request is its own with the antiforgery token.
        // Programs sign with a bearer token, which no other site can make a browser send.
        if (http.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == IdentityConstants.ApplicationScheme) && !await antiforgery.IsRequestValidAsync(http))
            return TypedResults.BadRequest(new ProblemMessage("a signed-in browser must send the antiforgery token (__RequestVerificationToken) with an upload; programs use an access token"));
        if (!http.Request.HasFormContentType)
            return TypedResults.BadRequest(new ProblemMessage($"send the Word file as multipart/form-data in the field '{FileField}' (and optionally '{NoteField}')"));
        var form = await http.Request.ReadFormAsync(ct);
        if (form.Files[FileField] is not { } file || file.Length == 0 && string.IsNullOrEmpty(file.FileName))
            return TypedResults.BadRequest(new ProblemMessage($"no file in the form field '{FileField}': choose a Word file (.docx)"));
        var upload = await templates.UploadAsync(name, file.FileName, await Web.UploadedFiles.ReadUpToAsync(file, options.MaxTemplateBytes, ct), http.User.ToActor().Id, form[NoteField].ToString(), ct);
        if (upload.Refused)
            return TypedResults.UnprocessableEntity(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [FileField] = [.. upload.Check.Errors.Select(e => e.ToString())] })
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = $"{Path.GetFileName(file.FileName.Replace('\\', '/'))} was refused: fix every error and upload again; version {current.Version.Version} of {name} stays current",
            });
        var view = TemplateVersionView.From(upload.Version!);
        return upload.IsNew ? TypedResults.Created(view.Download, view) : TypedResults.Ok(view);
    }

    private static ProblemMessage NoSuchTemplate(string name) =>
        new($"no letter template '{name}': a new template starts as a Word file in the templates folder (Documents:TemplatesRoot)");
}
