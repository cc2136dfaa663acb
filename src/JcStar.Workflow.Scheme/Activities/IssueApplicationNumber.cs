using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>scheme.issue-application-number: gives the case its 申請番号 in the configured format.</summary>
public sealed class IssueApplicationNumber(SchemeServices scheme) : SchemeActivity(scheme)
{
    public override string Name => "scheme.issue-application-number";

    protected override ActivityOutputs Execute(ActivityInputs inputs, DateOnly today, ActivityContext context)
    {
        var level = inputs.OptionalString("level") is { } l ? LabelLevels.Parse(l) : (LabelLevel?)null;
        return new ActivityOutputs()
            .Set("applicationNumber", Scheme.Numbers.NextApplicationNumber(today, level))
            .Date("receivedOn", today)
            .Set("levelDisplay", level?.Display());
    }
}
