using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Scheme.Facilities;
using JcStar.Workflow.Scheme.Impartiality;
using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>
/// scheme.register-appeal: numbers an appeal, complaint or dispute and sets its deadlines: acknowledge
/// within the configured business days, decide within the configured days (both settings).
/// </summary>
public sealed class RegisterAppeal(SchemeServices scheme) : SchemeActivity(scheme)
{
    public override string Name => "scheme.register-appeal";

    protected override ActivityOutputs Execute(ActivityInputs inputs, DateOnly today, ActivityContext context)
    {
        var kind = inputs.OptionalString("kind") ?? "appeal";
        if (kind is not ("appeal" or "complaint" or "dispute"))
            throw new ActivityInputException($"{Name}: input 'kind' is '{kind}'; expected appeal, complaint or dispute");
        var acknowledgeOn = Scheme.Calendar.AddBusinessDays(today, Scheme.Options.AppealAcknowledgeBusinessDays);
        var decideOn = Scheme.Deadline(today, Scheme.Options.AppealDecisionDays);
        return new ActivityOutputs()
            .Set("appealNumber", Scheme.Numbers.NextAppealNumber(today))
            .Set("kind", kind)
            .Date("receivedOn", today)
            .Date("acknowledgeByDate", acknowledgeOn)
            .Date("decideByDate", decideOn)
            .Set("acknowledgeBy", Scheme.EndOf(acknowledgeOn))
            .Set("decideBy", Scheme.EndOf(decideOn));
    }
}
