using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>
/// scheme.publish-registry-entry: the entry appears on the public list from the later of grant date and
/// the applicant's preferred date; this states that date and what will be shown.
/// </summary>
public sealed class PublishRegistryEntry(SchemeServices scheme) : SchemeActivity(scheme)
{
    public override string Name => "scheme.publish-registry-entry";

    protected override ActivityOutputs Execute(ActivityInputs inputs, DateOnly today, ActivityContext context)
    {
        var number = inputs.String("registrationNumber");
        var entry = Scheme.RegistryStore.Find(number) ?? throw new ActivityInputException($"{Name}: registration number {number} is not in the registry");
        return new ActivityOutputs()
            .Date("publicationDate", entry.PublicationDate)
            .Set("publishedImmediately", entry.PublicationDate <= today)
            .Set("publicEntry", LabelRegistry.ToPublic(entry, entry.PublicationDate));
    }
}
