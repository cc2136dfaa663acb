using System.Text.Json;

namespace JcStar.Workflow.Server.Web;

/// <summary>
/// A case's fee as scheme.accept-application and the payment wait leave it (workflows/README.md): the amount, the state
/// (<c>none</c>, <c>requested</c>, <c>paid</c>, <c>unpaid</c>), the payment deadline and the day it was paid.
/// </summary>
public sealed record CaseFee(long Amount, string Status, string? DueOn, string? PaidOn)
{
    public static CaseFee? From(IReadOnlyDictionary<string, JsonElement> variables)
    {
        if (!variables.TryGetValue("feeStatus", out var status) || status.ValueKind != JsonValueKind.String)
            return null;
        var amount = variables.TryGetValue("feeAmount", out var a) && a.ValueKind == JsonValueKind.Number && a.TryGetInt64(out var yen) ? yen : 0;
        return new(amount, status.GetString()!, Date(variables, "paymentDueOn"), Date(variables, "paidOn"));
    }

    private static string? Date(IReadOnlyDictionary<string, JsonElement> variables, string name) =>
        variables.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
