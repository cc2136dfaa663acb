namespace JcStar.Workflow.Scheme.Checklists;

public enum ConformanceResult
{
    Conforms,
    NotApplicable,
    DoesNotConform,
}
