using System.Collections.Immutable;
using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Scheme.Facilities;

/// <summary>An Evaluation Facility (評価機関): accredited, approved by the Certification Body, for a scope of levels.</summary>
public sealed record EvaluationFacility
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public FacilityApprovalStatus Status { get; init; } = FacilityApprovalStatus.Applied;
    public required Accreditation Accreditation { get; init; }
    public ImmutableHashSet<LabelLevel> ScopeLevels { get; init; } = [LabelLevel.Star3, LabelLevel.Star4];
    public DateOnly? ApprovedOn { get; init; }
}
