namespace JcStar.Workflow.Scheme.Checklists;

/// <summary>Why a checklist does not pass, per requirement (or "-" for the list as a whole).</summary>
public sealed record ChecklistFinding(string RequirementId, string Message);
