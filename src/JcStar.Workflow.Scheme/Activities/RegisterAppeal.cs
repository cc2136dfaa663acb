using System.Globalization;
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
        var decideOn = today.AddDays(Scheme.Options.AppealDecisionDays);
        return new ActivityOutputs()
            .Set("appealNumber", Scheme.Numbers.NextAppealNumber(today))
            .Set("kind", kind)
            .Date("receivedOn", today)
            .Date("acknowledgeByDate", acknowledgeOn)
            .Date("decideByDate", decideOn)
            .Set("acknowledgeBy", EndOf(acknowledgeOn))
            .Set("decideBy", EndOf(decideOn));
    }

    /// <summary>A deadline day ends at midnight in the scheme's zone: due dates and timers use the start of the next day.</summary>
    private string EndOf(DateOnly day) => Scheme.StartOf(day.AddDays(1)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
