using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Audit;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>
/// Every scheme activity, for registration with the runtime's activity registry; each takes <see cref="SchemeServices"/>,
/// and <see cref="RecordDecision"/> also the case history (<see cref="IAuditLog"/>), which a container supplies.
/// </summary>
public static class SchemeActivities
{
    public static IReadOnlyList<Type> HandlerTypes { get; } =
    [
        typeof(IssueApplicationNumber), typeof(AcceptApplication), typeof(WithdrawApplication),
        typeof(GrantLabel), typeof(PublishRegistryEntry), typeof(PlanValidity), typeof(ExpireLabel),
        typeof(ExtendLabel), typeof(CheckExtension), typeof(CheckSuccessor), typeof(MaintainLabel), typeof(RevokeLabel),
        typeof(CheckFacility), typeof(RegisterFacility), typeof(ApproveFacility), typeof(RefuseFacility),
        typeof(RegisterAppeal), typeof(CheckAppealHandler), typeof(CloseAppeal), typeof(SetDeadline),
        typeof(PlanSurveillanceRound), typeof(SelectSurveillanceSample), typeof(PrepareSurveillanceCases), typeof(ReviewChecklistItems),
        typeof(RecordDecision),
    ];

    /// <summary>Every handler; <see cref="RecordDecision"/> only when the case history is given.</summary>
    public static IReadOnlyList<IActivityHandler> All(SchemeServices scheme, IAuditLog? audit = null) =>
    [
        .. HandlerTypes.Where(t => t != typeof(RecordDecision)).Select(t => (IActivityHandler)Activator.CreateInstance(t, scheme)!),
        .. audit is null ? [] : new IActivityHandler[] { new RecordDecision(scheme, audit) },
    ];
}
