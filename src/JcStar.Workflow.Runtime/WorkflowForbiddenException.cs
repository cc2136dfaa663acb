namespace JcStar.Workflow.Runtime;

/// <summary>The actor may not see or act on this task or instance (the API answers 403).</summary>
public sealed class WorkflowForbiddenException(string message) : Exception(message);
