using System.Text.Json;
using JcStar.Workflow.Identity;
using JcStar.Workflow.Server.Identity;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Forms;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JcStar.Workflow.Server.Api;

/// <summary>
/// The modeler's form editor (admins and scheme managers): a form as the procedure's current version has it, and the
/// check of an edited form (the same reading the server validates completions with). Edited forms are published with
/// the draft (<c>forms</c> of the publish request) and stored with the new version.
/// </summary>
public static class ProcedureFormEndpoints
{
    public static RouteGroupBuilder MapProcedureFormEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/procedures").RequireAuthorization(WorkflowClaims.ProceduresPolicy);
        group.MapGet("/{processId}/forms/{formKey}", async Task<Results<Ok<ProcedureFormView>, NotFound>> (string processId, string formKey, WorkflowQueries queries, DefinitionForms forms, CancellationToken ct) =>
        {
            var latest = (await queries.DefinitionVersionsAsync(processId, ct)).MaxBy(d => d.Version);
            if (latest is null || !FormFolder.IsKey(formKey))
                return TypedResults.NotFound();
            var stored = await forms.StoredAsync(latest.Id, ct);
            var form = stored.GetValueOrDefault(formKey) ?? forms.Source.Find(formKey);
            return form is null
                ? TypedResults.NotFound()
                : TypedResults.Ok(new ProcedureFormView(formKey, stored.ContainsKey(formKey) ? "version" : "file", JsonSerializer.Deserialize<JsonElement>(form.Json)));
        });
        group.MapPost("/forms/check", Results<Ok<FormCheckView>, ValidationProblem> (FormCheckRequest request) =>
        {
            var key = request.FormKey?.Trim() ?? "";
            if (!FormFolder.IsKey(key))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["formKey"] = [$"'{key}' is not a form key (letters, digits, '-', '_' and '.', at most 200)"] });
            if (request.Schema is not { ValueKind: JsonValueKind.Object } schema)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [$"forms.{key}"] = ["a form is a JSON object with a 'components' array"] });
            try
            {
                var read = FormSchemaReader.Read(schema.GetRawText(), $"form '{key}'");
                return TypedResults.Ok(new FormCheckView(key, [.. read.Fields.Select(f => f.Key)]));
            }
            catch (FormatException e)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [$"forms.{key}"] = [e.Message] }, title: $"form '{key}' is not valid");
            }
        });
        return api;
    }
}
