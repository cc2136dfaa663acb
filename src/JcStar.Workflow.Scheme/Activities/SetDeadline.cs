using JcStar.Workflow.Runtime.Activities;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>
/// scheme.set-deadline: a deadline through the business calendar. Input <c>deadline</c> names a setting
/// (review, correction, payment, improvement, appealDecision, evaluationReport); optional <c>days</c> overrides it, optional
/// <c>remindDaysBefore</c> adds a reminder. Outputs <c>&lt;deadline&gt;DueOn</c> (the date, moved off closed days, for
/// letters) and <c>&lt;deadline&gt;DueAt</c> (the moment that day ends, for timers and task due dates), and with a reminder
/// <c>&lt;deadline&gt;RemindAt</c> (the start of the open day on or before the reminder day).
/// </summary>
public sealed class SetDeadline(SchemeServices scheme) : SchemeActivity(scheme)
{
    public override string Name => "scheme.set-deadline";

    protected override ActivityOutputs Execute(ActivityInputs inputs, DateOnly today, ActivityContext context)
    {
        var name = inputs.String("deadline");
        var days = inputs.OptionalString("days") is { } given
            ? int.TryParse(given, out var d) && d >= 0 ? d : throw new ActivityInputException($"{Name}: input 'days' is '{given}'; expected a whole number of days")
            : Scheme.Options.DeadlineDays(name) ?? throw new ActivityInputException($"{Name}: input 'deadline' is '{name}'; expected review, correction, payment, improvement, appealDecision or evaluationReport");
        var due = Scheme.Deadline(today, days);
        var outputs = new ActivityOutputs().Date(name + "DueOn", due).Set(name + "DueAt", Scheme.EndOf(due));
        if (inputs.OptionalString("remindDaysBefore") is { } before)
        {
            if (!int.TryParse(before, out var b) || b < 0)
                throw new ActivityInputException($"{Name}: input 'remindDaysBefore' is '{before}'; expected a whole number of days");
            var remind = due.AddDays(-b);
            while (remind > today && !Scheme.Calendar.IsBusinessDay(remind))
                remind = remind.AddDays(-1);
            if (remind < today)
                remind = today;
            outputs.Date(name + "RemindOn", remind).Set(name + "RemindAt", Scheme.StartOf(remind).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        }
        return outputs;
    }
}
