using System.Security.Cryptography;
using System.Text;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>
/// scheme.select-surveillance-sample: the labels this round samples by the rule in "Scheme:Surveillance": valid
/// today, of a sampled level, issued at least MinMonthsSinceIssue ago; of those, SampleSize in an order drawn from
/// the round's date (the same round always draws the same labels, and nobody chooses them). Outputs
/// <c>sample[]</c> ({registrationNumber, level, supplierName, productName, issueDate}), <c>eligibleCount</c> and
/// <c>samplingRule</c> (the rule in words, for the confirming staff and the record).
/// </summary>
public sealed class SelectSurveillanceSample(SchemeServices scheme) : SchemeActivity(scheme)
{
    public override string Name => "scheme.select-surveillance-sample";

    protected override ActivityOutputs Execute(ActivityInputs inputs, DateOnly today, ActivityContext context)
    {
        var rule = Scheme.Options.Surveillance;
        var levels = rule.Levels.Length == 0 ? Enum.GetValues<LabelLevel>().ToHashSet() : rule.Levels.Select(LabelLevels.Parse).ToHashSet();
        var eligible = Scheme.RegistryStore.All()
            .Where(e => e.StatusOn(today) == RegistryStatus.Valid && levels.Contains(e.Level) && e.IssueDate.AddMonths(rule.MinMonthsSinceIssue) <= today)
            .ToList();
        var seed = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var sample = eligible
            .OrderBy(e => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(seed + "|" + e.RegistrationNumber))), StringComparer.Ordinal)
            .Take(Math.Max(0, rule.SampleSize))
            .Select(e => new
            {
                registrationNumber = e.RegistrationNumber,
                level = e.Level.ToString(),
                supplierName = e.SupplierName,
                productName = e.Products.FirstOrDefault()?.Name,
                issueDate = e.IssueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            })
            .ToList();
        var words = $"有効な適合ラベルのうち、レベル {string.Join("・", levels.Order().Select(LabelLevels.Display))}、交付後{rule.MinMonthsSinceIssue}か月以上のもの（{eligible.Count}件）から、{seed} を種とする無作為抽出で最大{rule.SampleSize}件";
        return new ActivityOutputs()
            .Set("sample", sample)
            .Set("eligibleCount", eligible.Count)
            .Set("samplingRule", words);
    }
}
