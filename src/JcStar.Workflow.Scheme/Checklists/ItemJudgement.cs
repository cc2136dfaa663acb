namespace JcStar.Workflow.Scheme.Checklists;

/// <summary>What the reviewer decides about one checklist item (JSS-01 3.1: the Label-issuing Body checks the checklist item by item).</summary>
public enum ItemJudgement
{
    Conforms,
    DoesNotConform,
    Question,
}
