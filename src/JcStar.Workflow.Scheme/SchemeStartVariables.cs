using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace JcStar.Workflow.Scheme;

/// <summary>
/// The settings a workflow reads, given to every instance at its start as the variable
/// <c>deadlines</c> (ISO 8601 durations: <c>${deadlines.correction}</c> in a timer or due date), so a
/// changed setting applies to new cases without touching a diagram.
/// </summary>
public static class SchemeStartVariables
{
    public const string DeadlinesVariable = "deadlines";

    public static ImmutableDictionary<string, JsonElement> For(SchemeOptions options) =>
        ImmutableDictionary<string, JsonElement>.Empty.Add(DeadlinesVariable, JsonSerializer.SerializeToElement(new Dictionary<string, string>
        {
            ["review"] = Days(options.ReviewDeadlineDays),
            ["correction"] = Days(options.CorrectionDeadlineDays),
            ["payment"] = Days(options.FeePaymentDeadlineDays),
            ["improvement"] = Days(options.ImprovementDeadlineDays),
            ["appealDecision"] = Days(options.AppealDecisionDays),
        }));

    /// <summary>The scenario's or request's own variables win over the defaults.</summary>
    public static ImmutableDictionary<string, JsonElement> Merge(SchemeOptions options, ImmutableDictionary<string, JsonElement> variables) =>
        For(options).SetItems(variables);

    private static string Days(int days) => "P" + days.ToString(CultureInfo.InvariantCulture) + "D";
}
