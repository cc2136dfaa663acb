using JcStar.Workflow.Runtime.Activities;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>
/// scheme.plan-surveillance-round: the next sampling round, <see cref="SurveillanceOptions.CycleMonths"/> after
/// today (or after the previous round), on an open day. Outputs <c>surveillanceRound.on</c> (date) and <c>.at</c>
/// (the start of that day in Japan time, for a timer) and <c>.number</c>.
/// </summary>
public sealed class PlanSurveillanceRound(SchemeServices scheme) : SchemeActivity(scheme)
{
    public override string Name => "scheme.plan-surveillance-round";

    protected override ActivityOutputs Execute(ActivityInputs inputs, DateOnly today, ActivityContext context)
    {
        var months = Scheme.Options.Surveillance.CycleMonths;
        if (months <= 0)
            throw new ActivityInputException($"{Name}: setting Scheme:Surveillance:CycleMonths is {months}; expected 1 or more");
        var previous = inputs.OptionalDate("surveillanceRound.on");
        var number = inputs.Find("surveillanceRound.number") is { ValueKind: System.Text.Json.JsonValueKind.Number } n ? n.GetInt32() + 1 : 1;
        var on = Scheme.Deadline((previous ?? today).AddMonths(months), 0);
        return new ActivityOutputs().Set("surveillanceRound", new
        {
            number,
            on = on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            at = Scheme.StartOf(on).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        });
    }
}
