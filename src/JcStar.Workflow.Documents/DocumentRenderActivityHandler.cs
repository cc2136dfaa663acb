using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using JcStar.Workflow.Runtime.Activities;

namespace JcStar.Workflow.Documents;

/// <summary>
/// <c>document.render</c>: binds <see cref="RenderDocumentActivity"/> to the runtime. Inputs:
/// <c>template</c> (a name under templates/), optional <c>fileName</c> (Japanese allowed) and <c>pdf</c>; the
/// template sees every case variable plus <c>today</c>, the letter's date in the letters' time zone.
/// Outputs: <c>documentId</c>, <c>documentName</c>, <c>pdfDocumentId</c>, <c>pdfError</c>.
/// </summary>
/// <param name="zone">The zone letters are dated in: the scheme's (Scheme:TimeZone), so a letter and the deadline it states agree.</param>
public sealed class DocumentRenderActivityHandler(RenderDocumentActivity activity, TimeZoneInfo zone) : IActivityHandler
{
    public const string ActivityName = "document.render";

    public string Name => ActivityName;

    public async Task<ActivityResult> ExecuteAsync(ImmutableDictionary<string, JsonElement> inputs, ActivityContext context, CancellationToken cancellationToken)
    {
        var template = Text(inputs, "template") ?? throw new ArgumentException($"{Name} at {context.ElementId}: input 'template' is missing");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(context.Now, zone).Date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var variables = inputs.ToDictionary(kv => kv.Key, kv => (object?)kv.Value, StringComparer.Ordinal);
        variables.TryAdd("today", today);
        var fileName = Text(inputs, "fileName") ?? (context.BusinessKey is { } key ? $"{template}_{key}" : template);
        var pdf = inputs.TryGetValue("pdf", out var p) && p.ValueKind == JsonValueKind.True;
        var result = await activity.ExecuteAsync(new RenderDocumentRequest(context.InstanceId, context.BusinessKey, template, fileName, pdf, variables, context.IdempotencyKey), cancellationToken);
        var outputs = ImmutableDictionary<string, JsonElement>.Empty
            .Add("documentId", JsonSerializer.SerializeToElement(result.Word.Id))
            .Add("documentName", JsonSerializer.SerializeToElement(result.Word.Name))
            .Add("pdfDocumentId", JsonSerializer.SerializeToElement(result.Pdf?.Id))
            .Add("pdfError", JsonSerializer.SerializeToElement(result.PdfError));
        return ActivityResult.Completed(outputs);
    }

    private static string? Text(ImmutableDictionary<string, JsonElement> inputs, string name) =>
        inputs.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;
}
