using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Scheme.Activities;
using JcStar.Workflow.Scheme.Numbering;

namespace JcStar.Workflow.Scheme.Letters;

/// <summary>
/// <c>document.render</c> for the scheme's letters: wraps the Word renderer and gives every letter what an official
/// letter needs beyond the case's variables: its outgoing document number (文書番号, from the series the settings
/// give, the same number when the job runs again), the addressee block by kind of addressee, and the date by which a
/// decision may be appealed (<c>appealByDate</c>, off closed days). The letter is recorded in the case variable
/// <c>letters</c> (number, template, document id, date; map it with <c>&lt;jc:output name="letters"/&gt;</c>).
/// </summary>
public sealed class SchemeLetterActivity(IActivityHandler renderer, SchemeServices scheme) : IActivityHandler
{
    private readonly NumberFormat numberFormat = new(scheme.Options.Letters.DocumentNumberFormat, $"{SchemeOptions.Section}:Letters:DocumentNumberFormat");

    public string Name => renderer.Name;

    public async Task<ActivityResult> ExecuteAsync(ImmutableDictionary<string, JsonElement> inputs, ActivityContext context, CancellationToken cancellationToken)
    {
        var read = new ActivityInputs(Name, inputs);
        var today = scheme.Today(context.Now);
        var ledgerKey = "letter:" + context.IdempotencyKey;
        string number;
        if (scheme.Ledger.Find(ledgerKey) is { } issued)
            number = issued["documentNumber"].GetString()!;
        else
        {
            number = numberFormat.Format(today, null, scheme.Sequences.Next("document/" + numberFormat.SequenceScope(today, null)));
            scheme.Ledger.Record(ledgerKey, ImmutableDictionary<string, JsonElement>.Empty.Add("documentNumber", JsonSerializer.SerializeToElement(number)));
        }
        var template = read.String("template");
        Addressee addressee;
        try
        {
            addressee = Addressee.For(read, PartyOf(template, read), scheme.Options.Letters);
        }
        catch (ActivityInputException e)
        {
            throw new ActivityInputException($"{Name} at {context.ElementId}: {e.Message}");
        }
        var appealBy = scheme.Deadline(today, scheme.Options.Letters.AppealFilingDays);
        var enriched = inputs
            .SetItem("documentNumber", JsonSerializer.SerializeToElement(number))
            .SetItem("addressee", JsonSerializer.SerializeToElement(new { line1 = addressee.Line1, line2 = addressee.Line2, you = addressee.You }))
            .SetItem("appealByDate", JsonSerializer.SerializeToElement(Iso(appealBy)));
        var result = await renderer.ExecuteAsync(enriched, context, cancellationToken);
        if (result.IsBpmnError)
            return result;
        var outputs = result.Outputs;
        var letters = read.Find("letters") is { ValueKind: JsonValueKind.Array } existing ? existing.EnumerateArray().ToList() : [];
        var entry = JsonSerializer.SerializeToElement(new
        {
            documentNumber = number,
            template,
            documentId = outputs.TryGetValue("documentId", out var id) ? id.ToString() : null,
            documentName = outputs.TryGetValue("documentName", out var n) ? n.ToString() : null,
            date = Iso(today),
            element = context.ElementId,
        });
        if (!letters.Any(l => l.TryGetProperty("documentNumber", out var d) && d.GetString() == number))
            letters.Add(entry);
        return ActivityResult.Completed(outputs
            .SetItem("documentNumber", JsonSerializer.SerializeToElement(number))
            .SetItem("letters", JsonSerializer.SerializeToElement(letters)));
    }

    /// <summary>Whom the letter is addressed to: the appellant of an appeal, the facility of a facility approval, else the applicant.</summary>
    private static string PartyOf(string template, ActivityInputs inputs) =>
        template.StartsWith("appeal-", StringComparison.Ordinal) ? "appellant"
        : template.StartsWith("facility-", StringComparison.Ordinal) ? "facility"
        : inputs.Find("applicant") is null && inputs.Find("appellant") is not null ? "appellant"
        : "applicant";

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
