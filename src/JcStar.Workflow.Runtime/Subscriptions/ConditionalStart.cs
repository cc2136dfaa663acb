namespace JcStar.Workflow.Runtime.Subscriptions;

/// <summary>An instance a condition evaluation started: which process, at which conditional start event.</summary>
public sealed record ConditionalStart(string InstanceId, string ProcessId, string DefinitionId, string StartEventId);
