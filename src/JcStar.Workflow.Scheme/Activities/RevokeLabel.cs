using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>scheme.revoke-label: 取消し with reasons; the entry stays in the registry, marked revoked.</summary>
public sealed class RevokeLabel(SchemeServices scheme) : SchemeActivity(scheme)
{
    public override string Name => "scheme.revoke-label";

    protected override ActivityOutputs Execute(ActivityInputs inputs, DateOnly today, ActivityContext context)
    {
        var entry = Scheme.Registry.Revoke(inputs.String("registrationNumber"), today, inputs.String("reasons"), inputs.OptionalString("decidedBy"));
        return new ActivityOutputs().Date("revokedOn", entry.RevokedOn!.Value).Set("registryStatus", entry.StatusOn(today));
    }
}
