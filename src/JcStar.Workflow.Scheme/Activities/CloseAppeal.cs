using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Scheme.Facilities;
using JcStar.Workflow.Scheme.Impartiality;
using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>scheme.close-appeal: the appeal, complaint or dispute is closed with its outcome.</summary>
public sealed class CloseAppeal(SchemeServices scheme) : SchemeActivity(scheme)
{
    public override string Name => "scheme.close-appeal";

    protected override ActivityOutputs Execute(ActivityInputs inputs, DateOnly today, ActivityContext context) =>
        new ActivityOutputs().Date("closedOn", today).Set("closedWith", inputs.String("outcome"));
}
