using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>
/// scheme.prepare-surveillance-cases: after staff confirmed a round's selection (<c>confirmedSample</c>, registration
/// numbers), what each surveillance case starts with, read from the registry (not from the form): registration and
/// application number, level, supplier as applicant, product, issue and expiry dates. Outputs
/// <c>surveillanceTargets[]</c>, one per label, for the multi-instance call of the Surveillance procedure. A number not in
/// the registry, or a label no longer valid, is refused with the number.
/// </summary>
public sealed class PrepareSurveillanceCases(SchemeServices scheme) : SchemeActivity(scheme)
{
    public override string Name => "scheme.prepare-surveillance-cases";

    protected override ActivityOutputs Execute(ActivityInputs inputs, DateOnly today, ActivityContext context)
    {
        var numbers = inputs.Strings("confirmedSample", required: false);
        var targets = new List<object>();
        foreach (var number in numbers.Distinct(StringComparer.Ordinal))
        {
            var entry = Scheme.RegistryStore.Find(number)
                ?? throw new ActivityInputException($"{Name}: confirmedSample holds {number}, which is not in the registry of labelled products");
            if (entry.StatusOn(today) != RegistryStatus.Valid)
                throw new ActivityInputException($"{Name}: confirmedSample holds {number}, which is {entry.StatusOn(today)} on {today:yyyy-MM-dd}; only valid labels are surveilled");
            var product = entry.Products.FirstOrDefault();
            targets.Add(new
            {
                registrationNumber = entry.RegistrationNumber,
                applicationNumber = entry.ApplicationNumber,
                level = entry.Level.ToString(),
                levelDisplay = entry.Level.Display(),
                applicant = new { id = entry.SupplierId, name = entry.SupplierName },
                product = new { name = product?.Name, modelNumbers = product?.ModelNumbers ?? [] },
                issueDate = entry.IssueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                expiryDate = entry.ExpiryDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            });
        }
        return new ActivityOutputs().Set("surveillanceTargets", targets).Set("surveillanceCaseCount", targets.Count);
    }
}
