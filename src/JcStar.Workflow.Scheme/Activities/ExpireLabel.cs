using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>scheme.expire-label: a label that reached expiry without extension shows as expired, with the event in its history.</summary>
public sealed class ExpireLabel(SchemeServices scheme) : SchemeActivity(scheme)
{
    public override string Name => "scheme.expire-label";

    protected override ActivityOutputs Execute(ActivityInputs inputs, DateOnly today, ActivityContext context)
    {
        var number = inputs.String("registrationNumber");
        Scheme.Registry.RecordExpiries(today);
        var entry = Scheme.RegistryStore.Find(number) ?? throw new ActivityInputException($"{Name}: registration number {number} is not in the registry");
        return new ActivityOutputs().Set("registryStatus", entry.StatusOn(today)).Date("expiryDate", entry.ExpiryDate);
    }
}
