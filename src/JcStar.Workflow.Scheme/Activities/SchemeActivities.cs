using JcStar.Workflow.Runtime.Activities;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>Every scheme activity, for registration with the runtime's activity registry.</summary>
public static class SchemeActivities
{
    public static IReadOnlyList<IActivityHandler> All(SchemeServices scheme) =>
    [
        new IssueApplicationNumber(scheme), new AcceptApplication(scheme), new WithdrawApplication(scheme),
        new GrantLabel(scheme), new PublishRegistryEntry(scheme), new PlanValidity(scheme), new ExpireLabel(scheme),
        new ExtendLabel(scheme), new CheckSuccessor(scheme), new MaintainLabel(scheme), new RevokeLabel(scheme),
        new CheckFacility(scheme), new RegisterFacility(scheme), new ApproveFacility(scheme), new RefuseFacility(scheme),
        new RegisterAppeal(scheme), new CheckAppealHandler(scheme), new CloseAppeal(scheme),
    ];
}
