using System.Collections.Immutable;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>
/// scheme.grant-label: 交付. Enters the label in the registry with its registration number and
/// validity (never longer than the setting). Reads the application's variables.
/// </summary>
public sealed class GrantLabel(SchemeServices scheme) : SchemeActivity(scheme)
{
    public override string Name => "scheme.grant-label";

    protected override ActivityOutputs Execute(ActivityInputs inputs, DateOnly today, ActivityContext context)
    {
        var fields = inputs.Strings("publishedFields", required: false)
            .Select(f => Enum.TryParse<PublicationField>(f, ignoreCase: true, out var pf) ? pf
                : throw new ActivityInputException($"{Name}: input 'publishedFields' has '{f}', which is not one of {string.Join(", ", Enum.GetNames<PublicationField>())}"))
            .ToImmutableHashSet();
        var facilityId = inputs.OptionalString("facilityId");
        var entry = Scheme.Registry.Grant(new LabelGrant
        {
            ApplicationNumber = inputs.String("applicationNumber"),
            Level = LabelLevels.Parse(inputs.String("level")),
            SupplierId = inputs.String("applicant.id"),
            SupplierName = inputs.String("applicant.name"),
            ProductName = inputs.String("product.name"),
            ModelNumbers = inputs.Strings("product.modelNumbers"),
            GrantDate = today,
            PreferredPublicationDate = inputs.OptionalDate("preferredPublicationDate"),
            PublishedFields = fields,
            EvaluationFacilityId = facilityId,
            EvaluationFacilityName = facilityId is null ? null : Scheme.Facilities.Find(facilityId)?.Name ?? facilityId,
            SupportPeriod = inputs.OptionalString("supportPeriod"),
            VulnerabilityContact = inputs.OptionalString("vulnerabilityContact"),
            ConfidentialNotes = inputs.OptionalString("confidentialNotes"),
            DecidedBy = inputs.OptionalString("decidedBy"),
        });
        return new ActivityOutputs()
            .Set("registrationNumber", entry.RegistrationNumber)
            .Date("issueDate", entry.IssueDate)
            .Date("expiryDate", entry.ExpiryDate)
            .Set("levelDisplay", entry.Level.Display())
            .Date("publicationDate", entry.PublicationDate);
    }
}
