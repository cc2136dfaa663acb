namespace JcStar.Workflow.Runtime;

/// <summary>The definition, instance, task or incident does not exist (the API answers 404).</summary>
public sealed class WorkflowNotFoundException(string message) : Exception(message);
