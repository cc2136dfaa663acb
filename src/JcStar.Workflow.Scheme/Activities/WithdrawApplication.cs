using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>scheme.withdraw-application: the application is treated as withdrawn (no resubmission or no payment in time).</summary>
public sealed class WithdrawApplication(SchemeServices scheme) : SchemeActivity(scheme)
{
    public override string Name => "scheme.withdraw-application";

    protected override ActivityOutputs Execute(ActivityInputs inputs, DateOnly today, ActivityContext context) =>
        new ActivityOutputs()
            .Date("withdrawnOn", today)
            .Set("withdrawalReason", inputs.String("reason"));
}
