using JcStar.Workflow.Runtime.Activities;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>Every scheme activity, for registration with the runtime's activity registry; each takes <see cref="SchemeServices"/>.</summary>
public static class SchemeActivities
{
    public static IReadOnlyList<Type> HandlerTypes { get; } =
    [
        typeof(IssueApplicationNumber), typeof(AcceptApplication), typeof(WithdrawApplication),
        typeof(GrantLabel), typeof(PublishRegistryEntry), typeof(PlanValidity), typeof(ExpireLabel),
        typeof(ExtendLabel), typeof(CheckExtension), typeof(CheckSuccessor), typeof(MaintainLabel), typeof(RevokeLabel),
        typeof(CheckFacility), typeof(RegisterFacility), typeof(ApproveFacility), typeof(RefuseFacility),
        typeof(RegisterAppeal), typeof(CheckAppealHandler), typeof(CloseAppeal), typeof(SetDeadline),
    ];

    public static IReadOnlyList<IActivityHandler> All(SchemeServices scheme) =>
        [.. HandlerTypes.Select(t => (IActivityHandler)Activator.CreateInstance(t, scheme)!)];
}
