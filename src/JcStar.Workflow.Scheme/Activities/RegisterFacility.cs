using System.Collections.Immutable;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Scheme.Facilities;
using JcStar.Workflow.Scheme.Impartiality;
using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>scheme.register-facility: records an Evaluation Facility's application for approval (status applied).</summary>
public sealed class RegisterFacility(SchemeServices scheme) : SchemeActivity(scheme)
{
    public override string Name => "scheme.register-facility";

    protected override ActivityOutputs Execute(ActivityInputs inputs, DateOnly today, ActivityContext context)
    {
        var id = inputs.String("facility.id");
        // JSS-01 2.2.2: the application is made with these documents; the review checks each of them.
        var documents = new Dictionary<string, string>
        {
            ["qualityManual"] = inputs.String("facility.documents.qualityManual"),
            ["compliancePledge"] = inputs.String("facility.documents.compliancePledge"),
            ["confidentialityUndertaking"] = inputs.String("facility.documents.confidentialityUndertaking"),
        };
        var pending = inputs.Bool("facility.accreditation.pending", false);
        var levels = inputs.Strings("facility.scopeLevels", required: false);
        Scheme.Facilities.Save(new EvaluationFacility
        {
            Id = id,
            Name = inputs.String("facility.name"),
            Status = FacilityApprovalStatus.Applied,
            Accreditation = new Accreditation(
                inputs.String("facility.accreditation.body"),
                pending ? null : inputs.String("facility.accreditation.certificateNumber"),
                inputs.OptionalDate("facility.accreditation.validUntil"),
                pending),
            ScopeLevels = levels.IsDefaultOrEmpty ? [LabelLevel.Star3, LabelLevel.Star4] : levels.Select(LabelLevels.Parse).ToImmutableHashSet(),
        });
        return new ActivityOutputs().Set("facilityId", id).Set("accreditationPending", pending).Date("facilityAppliedOn", today)
            .Set("facilityDocuments", documents.Select(d => new { document = d.Key, reference = d.Value, receivedOn = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }).ToList());
    }
}
