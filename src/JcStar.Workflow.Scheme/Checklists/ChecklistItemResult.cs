namespace JcStar.Workflow.Scheme.Checklists;

/// <summary>The applicant's answer for one requirement; not applicable needs a justification.</summary>
public sealed record ChecklistItemResult(string RequirementId, AssessmentMethod Method, ConformanceResult Result, string? Justification = null);
