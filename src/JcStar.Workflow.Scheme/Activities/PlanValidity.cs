using System.Globalization;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>
/// scheme.plan-validity: the reminder dates (the configured days before expiry, those still ahead) and
/// the moment the label expires, as timer dates for the LabelValidity process.
/// </summary>
public sealed class PlanValidity(SchemeServices scheme) : SchemeActivity(scheme)
{
    public override string Name => "scheme.plan-validity";

    protected override ActivityOutputs Execute(ActivityInputs inputs, DateOnly today, ActivityContext context)
    {
        var number = inputs.String("registrationNumber");
        var entry = Scheme.RegistryStore.Find(number) ?? throw new ActivityInputException($"{Name}: registration number {number} is not in the registry");
        var reminders = Scheme.Options.ExpiryReminderDaysBefore
            .Select(days => (days, on: entry.ExpiryDate.AddDays(-days)))
            .Where(r => r.on > today)
            .OrderBy(r => r.on)
            .Select(r => new { at = Iso(Scheme.StartOf(r.on)), on = r.on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), daysBefore = r.days })
            .ToList();
        return new ActivityOutputs()
            .Set("reminders", reminders)
            .Date("expiryDate", entry.ExpiryDate)
            .Set("expiresAt", Iso(Scheme.StartOf(entry.ExpiryDate.AddDays(1))));
    }

    private static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
