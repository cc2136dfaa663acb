namespace JcStar.Workflow.Scheme.Checklists;

/// <summary>One checklist item as the reviewer judged it; a reason is required unless it conforms.</summary>
public sealed record JudgedItem(string RequirementId, ItemJudgement Judgement, string? Reason);
