namespace JcStar.Workflow.Runtime.Retention;

/// <summary>A completed task's form as submitted.</summary>
public sealed record RetainedTaskForm(string TaskId, string ElementId, string FormDataJson);
