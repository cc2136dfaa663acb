using System.Text.Json;

namespace JcStar.Workflow.Server.Web;

/// <summary>The few facts of a case every page shows, read from its variables (the names workflows/README.md lists).</summary>
public sealed record CaseFacts(string? Applicant, string? Product, string? Models, string? Level, string? ApplicationNumber, string? RegistrationNumber, string? ReceivedOn)
{
    public static CaseFacts From(IReadOnlyDictionary<string, JsonElement> variables) => new(
        Text(variables, "applicant", "name") ?? Text(variables, "appellant", "name") ?? Text(variables, "facility", "name"),
        Text(variables, "product", "name"),
        variables.TryGetValue("product", out var p) && p.ValueKind == JsonValueKind.Object && p.TryGetProperty("modelNumbers", out var m) && m.ValueKind == JsonValueKind.Array
            ? string.Join(", ", m.EnumerateArray().Select(x => x.ToString()))
            : null,
        Text(variables, "levelDisplay") ?? Text(variables, "level"),
        Text(variables, "applicationNumber") ?? Text(variables, "appealNumber"),
        Text(variables, "registrationNumber"),
        Text(variables, "receivedOn"))
    {
        Fee = CaseFee.From(variables),
        EvaluationReportDueOn = Text(variables, "evaluationReportDueOn"),
    };

    /// <summary>The fee and whether it is paid, on cases that charge one.</summary>
    public CaseFee? Fee { get; init; }

    /// <summary>When the Evaluation Facility's report is due (★3・★4, scheme.set-deadline evaluationReport).</summary>
    public string? EvaluationReportDueOn { get; init; }

    private static string? Text(IReadOnlyDictionary<string, JsonElement> variables, string name, string? property = null)
    {
        if (!variables.TryGetValue(name, out var value))
            return null;
        if (property is not null)
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(property, out value))
                return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToString(),
            _ => null,
        };
    }
}
