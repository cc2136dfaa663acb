using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>scheme.accept-application: 受理. The fee for the level (a setting) becomes payable, with its deadline.</summary>
public sealed class AcceptApplication(SchemeServices scheme) : SchemeActivity(scheme)
{
    public override string Name => "scheme.accept-application";

    protected override ActivityOutputs Execute(ActivityInputs inputs, DateOnly today, ActivityContext context)
    {
        var level = LabelLevels.Parse(inputs.String("level"));
        if (!Scheme.Options.FeesJpy.TryGetValue(level.ToString(), out var fee))
            throw new ActivityInputException($"{Name}: setting Scheme:FeesJpy has no fee for {level}");
        var due = Scheme.Deadline(today, Scheme.Options.FeePaymentDeadlineDays);
        return new ActivityOutputs()
            .Date("acceptedOn", today)
            .Set("feeAmount", fee)
            .Date("paymentDueOn", due)
            .Set("paymentDueAt", Scheme.EndOf(due))
            .Set("feeStatus", fee > 0 ? "requested" : "none");
    }
}
