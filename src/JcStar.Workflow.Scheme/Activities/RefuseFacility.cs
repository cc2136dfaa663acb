using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Scheme.Facilities;
using JcStar.Workflow.Scheme.Impartiality;
using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>scheme.refuse-facility: the facility's application for approval is refused.</summary>
public sealed class RefuseFacility(SchemeServices scheme) : SchemeActivity(scheme)
{
    public override string Name => "scheme.refuse-facility";

    protected override ActivityOutputs Execute(ActivityInputs inputs, DateOnly today, ActivityContext context)
    {
        var id = inputs.String("facilityId");
        var facility = Scheme.Facilities.Find(id) ?? throw new ActivityInputException($"{Name}: facility {id} has not applied");
        Scheme.Facilities.Save(facility with { Status = FacilityApprovalStatus.Refused });
        return new ActivityOutputs().Date("refusedOn", today);
    }
}
