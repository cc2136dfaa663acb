using System.Globalization;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>
/// scheme.plan-validity: the reminder dates (the configured days before expiry, those still ahead) and
/// the moment the label expires, as timer dates for the LabelValidity process. A reminder day the office is closed
/// moves back to the open day before it, so the reminder letter is dated and sent on a working day;
/// its <c>daysBefore</c> is then the days really left (the letter prints 残り N 日).
/// </summary>
public sealed class PlanValidity(SchemeServices scheme) : SchemeActivity(scheme)
{
    public override string Name => "scheme.plan-validity";

    protected override ActivityOutputs Execute(ActivityInputs inputs, DateOnly today, ActivityContext context)
    {
        var number = inputs.String("registrationNumber");
        var entry = Scheme.RegistryStore.Find(number) ?? throw new ActivityInputException($"{Name}: registration number {number} is not in the registry");
        var reminders = Scheme.Options.ExpiryReminderDaysBefore
            .Select(days => OpenDayOnOrBefore(entry.ExpiryDate.AddDays(-days)))
            .Where(on => on > today)
            .Distinct()
            .Order()
            .Select(on => new { at = Iso(Scheme.StartOf(on)), on = on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), daysBefore = entry.ExpiryDate.DayNumber - on.DayNumber })
            .ToList();
        return new ActivityOutputs()
            .Set("reminders", reminders)
            .Date("expiryDate", entry.ExpiryDate)
            .Set("expiresAt", Iso(Scheme.StartOf(entry.ExpiryDate.AddDays(1))));
    }

    private DateOnly OpenDayOnOrBefore(DateOnly day)
    {
        while (!Scheme.Calendar.IsBusinessDay(day))
            day = day.AddDays(-1);
        return day;
    }

    private static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
