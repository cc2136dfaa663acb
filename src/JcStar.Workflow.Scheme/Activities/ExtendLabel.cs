using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>
/// scheme.extend-label: 有効期間の延長 with the new expiry date. <c>extensionFiledOn</c> (from scheme.check-extension) is
/// what decides whether the extension came in time, so a review that ends after the old expiry still extends.
/// </summary>
public sealed class ExtendLabel(SchemeServices scheme) : SchemeActivity(scheme)
{
    public override string Name => "scheme.extend-label";

    protected override ActivityOutputs Execute(ActivityInputs inputs, DateOnly today, ActivityContext context)
    {
        var number = inputs.String("registrationNumber");
        var before = Scheme.RegistryStore.Find(number) ?? throw new ActivityInputException($"{Name}: registration number {number} is not in the registry");
        var after = Scheme.Registry.Extend(number, today, inputs.OptionalString("decidedBy"), inputs.OptionalDate("extensionFiledOn"));
        return new ActivityOutputs()
            .Date("previousExpiryDate", before.ExpiryDate)
            .Date("expiryDate", after.ExpiryDate)
            .Date("extendedOn", today);
    }
}
