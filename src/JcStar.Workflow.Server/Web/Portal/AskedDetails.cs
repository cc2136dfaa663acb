using System.Text.Json;

namespace JcStar.Workflow.Server.Web.Portal;

/// <summary>
/// What the office wrote for a request the case waits on, from the variables the procedures set (workflows/README.md):
/// the correction items and their deadline, the fee and its due day, the reviewer's question.
/// </summary>
public sealed record AskedDetails(string? Text, string? DueOn, string? Amount)
{
    public static AskedDetails For(string messageName, IReadOnlyDictionary<string, JsonElement> variables) => messageName switch
    {
        "ApplicationResubmitted" => new(Read(variables, "missingItems"), Read(variables, "correctionDueOn"), null),
        "FeePaid" => new(null, Read(variables, "paymentDueOn"), Read(variables, "feeAmount")),
        "QuestionAnswered" => new(Read(variables, "question"), Read(variables, "reviewDueOn"), null),
        "ImprovementReported" => new(Read(variables, "improvementInstructions") ?? Read(variables, "findings"), Read(variables, "improvementDueOn"), null),
        _ => new(null, null, null),
    };

    private static string? Read(IReadOnlyDictionary<string, JsonElement> variables, string name) =>
        variables.TryGetValue(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetDecimal().ToString("#,0", System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        } : null;
}
