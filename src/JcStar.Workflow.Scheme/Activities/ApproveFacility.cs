using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Scheme.Facilities;
using JcStar.Workflow.Scheme.Impartiality;
using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>scheme.approve-facility: the Certification Body approves the facility. A facility still awaiting accreditation cannot be approved.</summary>
public sealed class ApproveFacility(SchemeServices scheme) : SchemeActivity(scheme)
{
    public override string Name => "scheme.approve-facility";

    protected override ActivityOutputs Execute(ActivityInputs inputs, DateOnly today, ActivityContext context)
    {
        var id = inputs.String("facilityId");
        var facility = Scheme.Facilities.Find(id) ?? throw new ActivityInputException($"{Name}: facility {id} has not applied");
        if (!facility.Accreditation.IsInForceOn(today))
            throw new SchemeRuleViolation("facility.not-accredited", $"{facility.Name} has no ISO/IEC 17025 accreditation in force; approval waits for it");
        Scheme.Facilities.Save(facility with { Status = FacilityApprovalStatus.Approved, ApprovedOn = today });
        return new ActivityOutputs().Date("approvedOn", today);
    }
}
