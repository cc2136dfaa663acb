using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace JcStar.Workflow.Scheme;

/// <summary>
/// The settings a workflow reads, given to every instance at its start as the variable
/// <c>deadlines</c> (ISO 8601 durations: <c>${deadlines.correction}</c> in a timer or due date), with
/// <c>deadlineDays</c> (the same as numbers, for letters) and <c>office</c> (the sender block), so a
/// changed setting applies to new cases without touching a diagram.
/// </summary>
public static class SchemeStartVariables
{
    public const string DeadlinesVariable = "deadlines";

    public const string DeadlineDaysVariable = "deadlineDays";
    public const string OfficeVariable = "office";

    public static ImmutableDictionary<string, JsonElement> For(SchemeOptions options)
    {
        var days = new Dictionary<string, int>
        {
            ["review"] = options.ReviewDeadlineDays,
            ["correction"] = options.CorrectionDeadlineDays,
            ["payment"] = options.FeePaymentDeadlineDays,
            ["improvement"] = options.ImprovementDeadlineDays,
            ["appealDecision"] = options.AppealDecisionDays,
            ["appealAcknowledgeBusinessDays"] = options.AppealAcknowledgeBusinessDays,
            ["evaluationReport"] = options.EvaluationReportDeadlineDays,
            ["evaluationReportReminderDaysBefore"] = options.EvaluationReportReminderDaysBefore,
        };
        string[] notDurations = ["appealAcknowledgeBusinessDays", "evaluationReportReminderDaysBefore"];
        return ImmutableDictionary<string, JsonElement>.Empty
            .Add(DeadlinesVariable, JsonSerializer.SerializeToElement(days.Where(d => !notDurations.Contains(d.Key)).ToDictionary(d => d.Key, d => Days(d.Value))))
            .Add(DeadlineDaysVariable, JsonSerializer.SerializeToElement(days))
            .Add(OfficeVariable, JsonSerializer.SerializeToElement(options.Office, Activities.SchemeJson.Options));
    }

    /// <summary>
    /// The scenario's or request's own variables win over the defaults; a <c>level</c> given without
    /// <c>levelDisplay</c> gets it (★1 … ★4), so every letter can print the level.
    /// </summary>
    public static ImmutableDictionary<string, JsonElement> Merge(SchemeOptions options, ImmutableDictionary<string, JsonElement> variables)
    {
        var merged = For(options).SetItems(variables);
        if (!merged.ContainsKey("levelDisplay") && merged.TryGetValue("level", out var level) && level.ValueKind == JsonValueKind.String)
        {
            try
            {
                merged = merged.SetItem("levelDisplay", JsonSerializer.SerializeToElement(Labels.LabelLevels.Display(Labels.LabelLevels.Parse(level.GetString()!))));
            }
            catch (FormatException)
            {
                // Not a level; the workflow's own checks report it where it is used.
            }
        }
        return merged;
    }

    private static string Days(int days) => "P" + days.ToString(CultureInfo.InvariantCulture) + "D";
}
