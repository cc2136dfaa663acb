using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Scheme.Facilities;
using JcStar.Workflow.Scheme.Impartiality;
using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>scheme.check-appeal-handler: the handler did not make the decision under appeal and declared no conflict for it.</summary>
public sealed class CheckAppealHandler(SchemeServices scheme) : SchemeActivity(scheme)
{
    public override string Name => "scheme.check-appeal-handler";

    protected override ActivityOutputs Execute(ActivityInputs inputs, DateOnly today, ActivityContext context)
    {
        var subject = new CaseSubject(
            inputs.OptionalString("subjectCaseNumber") ?? inputs.String("appealNumber"),
            inputs.OptionalString("level") is { } l ? LabelLevels.Parse(l) : LabelLevel.Star1,
            inputs.OptionalString("applicant.id") ?? "",
            inputs.OptionalString("product.name") ?? "");
        var problems = Scheme.Impartiality.AppealHandlerProblems(inputs.String("handler"), inputs.OptionalString("decisionMadeBy"), subject);
        return new ActivityOutputs().Set("handlerImpartial", problems.Count == 0).Set("handlerProblems", problems);
    }
}
