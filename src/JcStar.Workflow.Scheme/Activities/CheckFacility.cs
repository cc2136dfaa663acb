using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Scheme.Facilities;
using JcStar.Workflow.Scheme.Impartiality;
using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>scheme.check-facility: may this facility evaluate this application (approved, accredited, in scope, no conflict)?</summary>
public sealed class CheckFacility(SchemeServices scheme) : SchemeActivity(scheme)
{
    public override string Name => "scheme.check-facility";

    protected override ActivityOutputs Execute(ActivityInputs inputs, DateOnly today, ActivityContext context)
    {
        var subject = new CaseSubject(inputs.String("applicationNumber"), LabelLevels.Parse(inputs.String("level")), inputs.String("applicant.id"), inputs.String("product.name"));
        var facilityId = inputs.String("facilityId");
        var problems = Scheme.Impartiality.FacilityProblems(facilityId, subject, today);
        var facility = Scheme.Facilities.Find(facilityId);
        return new ActivityOutputs()
            .Set("facilityEligible", problems.Count == 0)
            .Set("facilityProblems", problems)
            .Set("facility", new { id = facilityId, name = facility?.Name ?? facilityId });
    }
}
