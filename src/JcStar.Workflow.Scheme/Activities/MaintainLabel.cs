using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>scheme.maintain-label: the label's effect extends to the successor product.</summary>
public sealed class MaintainLabel(SchemeServices scheme) : SchemeActivity(scheme)
{
    public override string Name => "scheme.maintain-label";

    protected override ActivityOutputs Execute(ActivityInputs inputs, DateOnly today, ActivityContext context)
    {
        var entry = Scheme.Registry.AddSuccessor(
            inputs.String("registrationNumber"),
            inputs.String("successor.name"),
            inputs.Strings("successor.modelNumbers"),
            today,
            inputs.OptionalString("decidedBy"));
        return new ActivityOutputs().Date("maintainedOn", today).Date("expiryDate", entry.ExpiryDate);
    }
}
