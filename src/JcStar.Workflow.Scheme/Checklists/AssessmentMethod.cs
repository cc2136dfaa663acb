namespace JcStar.Workflow.Scheme.Checklists;

public enum AssessmentMethod
{
    DocumentReview,
    DeviceTest,
}
